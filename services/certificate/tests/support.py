"""Helpers of the certificate integration tests (tests/integration/test_certificate_*.py)."""
from __future__ import annotations

import contextlib
import re
import uuid
from datetime import UTC, date, datetime

from balai_contracts.envelope import Envelope
from balai_contracts.training import TrainingCompletedV1
from services.ukm.tests.support import login, new_participant, publish, wait_for

API = "/api/certificate"
JATENG = uuid.UUID("0b0a1a10-0000-4000-8000-000000000001")
JATIM = uuid.UUID("0b0a1a10-0000-4000-8000-000000000002")
ADMIN_PASSWORD = "Admin-Test-2026"

__all__ = ["API", "JATENG", "JATIM", "completed", "login", "new_participant", "publish", "wait_for",
           "second_instance", "admin_headers", "seq_of", "issued"]


def completed(participant_id: str | uuid.UUID, **over) -> Envelope:
    """A TrainingCompleted envelope as training publishes it."""
    data = dict(enrollment_id=uuid.uuid4(), org_id=JATENG, training_id=uuid.uuid4(),
                training_title="Pengelolaan Keuangan Koperasi Angkatan 2", start_date=date(2026, 6, 24),
                end_date=date(2026, 6, 28), mode="residential", participant_id=uuid.UUID(str(participant_id)),
                participant_name="Siti Rahayu", business_id=uuid.uuid4(), business_name="Koperasi Maju",
                batch=2, kind="Reguler", level="Dasar", hours=32, venue="Semarang", sex="P",
                attendance_percent=100, score=88, completed_at=datetime.now(UTC))
    data.update(over)
    event = TrainingCompletedV1(**data)
    return Envelope.wrap(event, source="training", subject=str(event.enrollment_id))


async def admin_headers(client, username: str = "admin") -> dict[str, str]:
    return await login(client, username, ADMIN_PASSWORD)


def seq_of(number: str) -> int:
    return int(re.match(r"\d+", number).group())


async def issued(client, headers, *, training_id, want: int) -> list[dict] | None:
    """The training's certificates once `want` of them are issued (else None)."""
    r = await client.get(f"{API}/admin/certificates", params={"training_id": str(training_id), "per_page": 100,
                                                              "status": "issued"}, headers=headers)
    assert r.status_code == 200, r.text
    body = r.json()
    if body["total"] < want:
        return None
    items = body["items"]
    page = 2
    while len(items) < body["total"]:
        r = await client.get(f"{API}/admin/certificates", headers=headers, params={
            "training_id": str(training_id), "per_page": 100, "status": "issued", "page": page})
        items += r.json()["items"]
        page += 1
    return items


@contextlib.contextmanager
def second_instance(stack):
    """A second certificate process beside the stack's one: same database, same consumer groups."""
    with stack.second_instance("certificate") as (proc, log):
        yield proc, log
