"""Helpers of the survey integration tests (tests/integration/test_survey_*.py)."""
from __future__ import annotations

import time
import uuid
from datetime import UTC, date, datetime

from balai_contracts.envelope import Envelope
from balai_contracts.training import TrainingCompletedV1
from survey.domain import form_token

API = "/api/survey"
JATENG = uuid.UUID("0b0a1a10-0000-4000-8000-000000000001")
JATIM = uuid.UUID("0b0a1a10-0000-4000-8000-000000000002")


def completed(participant_id: str, subject: str | None = None, **over) -> Envelope:
    data = dict(enrollment_id=uuid.uuid4(), org_id=JATENG, training_id=uuid.uuid4(),
                training_title="Pemasaran Digital Angkatan 3", start_date=date(2026, 3, 2),
                end_date=date(2026, 3, 5), mode="residential", participant_id=uuid.UUID(participant_id),
                participant_name="Siti Rahayu", business_id=uuid.uuid4(), business_name="Roti", batch=3,
                kind="Reguler", level="Dasar", hours=30, venue="Semarang", sex="P", attendance_percent=100,
                score=85, completed_at=datetime.now(UTC))
    data.update(over)
    event = TrainingCompletedV1(**data)
    return Envelope.wrap(event, source="training", subject=subject or str(event.enrollment_id))


def answers(perf=(3,) * 9, imp=(4,) * 9, **over) -> dict[str, str]:
    data = {"anonymous": "", "name": "Siti Rahayu", "email": "siti@contoh.id", "phone": "081234567890",
            "age": "34", "sex": "P", "address": "Jl. Pemuda 1, Semarang", "education": "S1",
            "occupation": "Wirausaha/Pelaku UMKM", "suggestion": "Pelayanan sudah baik"}
    data.update({f"p{i + 1}": str(v) for i, v in enumerate(perf)})
    data.update({f"i{i + 1}": str(v) for i, v in enumerate(imp)})
    data.update(over)
    return data


def anonymous_answers(perf=(4,) * 9, imp=(4,) * 9) -> dict[str, str]:
    data = {"anonymous": "1", "suggestion": ""}
    data.update({f"p{i + 1}": str(v) for i, v in enumerate(perf)})
    data.update({f"i{i + 1}": str(v) for i, v in enumerate(imp)})
    return data


def aged_token(secret: str, period_id: str, seconds: float = 60) -> str:
    """A form token issued `seconds` ago (as if the respondent took that long to fill the form)."""
    return form_token.issue(secret, uuid.UUID(period_id), time.time() - seconds)
