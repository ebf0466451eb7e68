"""Survey aggregates alone: events recorded, answered once, follow-up rows and the signed scan checked."""
from __future__ import annotations

import time
import uuid
from datetime import UTC, date, datetime

import pytest

from balai_platform.errors import Conflict, InvalidInput
from survey.domain import form_token
from survey.domain.invitation import Invitation
from survey.domain.questionnaire import default_content
from survey.domain.skm_period import SkmPeriod

AT = datetime(2026, 3, 1, tzinfo=UTC)


def period() -> SkmPeriod:
    return SkmPeriod(uuid.uuid4(), uuid.uuid4(), date(2026, 1, 1), date(2026, 6, 30), "Semester I", default_content())


def test_invitation_records_the_event_and_is_answered_once():
    inv = Invitation.invite(org_id=uuid.uuid4(), period_id=uuid.uuid4(), period_name="Semester I",
                            participant_id=uuid.uuid4(), training_id=uuid.uuid4(), enrollment_id=uuid.uuid4(),
                            training_title="Ekspor", at=AT)
    [event] = inv.pending_events
    assert event.invitation_id == inv.id and event.period_name == "Semester I"
    inv.answer(AT)
    with pytest.raises(Conflict):
        inv.answer(AT)


def test_follow_up_rows_need_every_column_and_drop_empty_rows():
    p = period()
    p.set_follow_up([{"unsur": "Waktu Penyelesaian", "program": "SOP layanan 1 hari", "time": "Juli 2026",
                      "responsible": "Kasubag TU"}, {"unsur": "", "program": "", "time": "", "responsible": ""}])
    assert len(p.follow_up) == 1
    with pytest.raises(InvalidInput) as err:
        p.set_follow_up([{"unsur": "Biaya/Tarif", "program": "", "time": "2026", "responsible": "Kepala"}])
    assert "follow_up.1.program" in err.value.errors


def test_population_must_be_a_number():
    p = period()
    p.set_population("1000")
    assert p.population == 1000
    for bad in ("seribu", "-1", "99999999999"):
        with pytest.raises(InvalidInput):
            p.set_population(bad)


def test_signed_scan_must_be_a_pdf_of_at_most_3_mb():
    p = period()
    p.archive_signed(b"%PDF-1.4\n...\n%%EOF\n", AT)
    assert p.signed_at == AT
    for bad in (b"", b"\x89PNG....", b"%PDF-1.4" + b"0" * (3 * 1024 * 1024) + b"%%EOF"):
        with pytest.raises(InvalidInput):
            period().archive_signed(bad, AT)


def test_form_token_is_signed_timed_and_bound_to_the_period():
    pid, secret = uuid.uuid4(), "s3cret"
    now = time.time()
    token = form_token.issue(secret, pid, now - 30)
    assert len(form_token.check(secret, token, pid, now, min_fill_seconds=8, ttl_seconds=3600)) == 24
    fresh = form_token.issue(secret, pid, now)
    for tok, kw in ((fresh, {}), (token, {"honeypot": "x"}), (token[:-1] + ("1" if token.endswith("0") else "0"), {}),
                    (form_token.issue("other", pid, now - 30), {}), (form_token.issue(secret, pid, now - 9000), {})):
        with pytest.raises(InvalidInput):
            form_token.check(secret, tok, pid, now, min_fill_seconds=8, ttl_seconds=3600, **kw)
    with pytest.raises(InvalidInput):
        form_token.check(secret, token, uuid.uuid4(), now, min_fill_seconds=8, ttl_seconds=3600)
