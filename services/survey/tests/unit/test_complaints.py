"""Pengaduan rules: ticket numbers, anonymity, evidence by content, steps in order, deadlines in working
days with Indonesian holidays, overdue by a controllable clock."""
from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from PIL import Image

from balai_platform.errors import Conflict, InvalidInput
from balai_platform.testing import FrozenClock
from survey.adapters.complaints import deadlines_of
from survey.domain.complaint import (
    Complaint,
    check_evidence,
    follow_hash,
    new_follow_token,
    parse_ticket,
    ticket_number,
    validate_complaint,
)

ORG = uuid.UUID("0b0a1a10-0000-4000-8000-000000000001")
# Monday 1 June 2026, 09:00 WIB (Pancasila day is a holiday: the count starts on Tuesday)
MONDAY = datetime(2026, 6, 1, 2, 0, tzinfo=UTC)


def raw(**over) -> dict:
    data = {"service": "Penyelenggaraan Pelatihan", "category": "petugas", "anonymous": "",
            "name": "Siti Rahayu", "contact": "081234567890",
            "description": "Petugas pendaftaran tidak menjawab pertanyaan saya selama tiga hari."}
    data.update(over)
    return data


def filed(deadlines=None, at=MONDAY, **over) -> Complaint:
    return Complaint.file(ORG, ticket_number(2026, 1), new_follow_token(), validate_complaint(raw(**over)),
                          uuid.uuid4(), None, at, deadlines)


def test_ticket_numbers_are_readable_and_parse_back():
    assert ticket_number(2026, 123) == "ADU-2026-000123"
    assert parse_ticket(" adu-2026-000123 ") == (2026, 123)
    assert parse_ticket("ADU-2026-12") is None
    with pytest.raises(ValueError):
        ticket_number(2026, 0)


def test_follow_tokens_are_long_random_and_stored_only_hashed():
    a, b = new_follow_token(), new_follow_token()
    assert a != b and len(a) >= 32
    assert follow_hash(a) != follow_hash(b) and len(follow_hash(a)) == 32


def test_an_anonymous_complaint_keeps_no_name_contact_or_account():
    c = filed(anonymous="1")
    assert c.anonymous and c.name is None and c.contact is None and c.participant_id is None
    named = filed()
    assert named.name == "Siti Rahayu" and named.contact == "081234567890" and named.participant_id


def test_the_form_names_each_problem():
    with pytest.raises(InvalidInput) as exc:
        validate_complaint(raw(service="", category="x", description="pendek", name=""))
    assert set(exc.value.errors) == {"service", "category", "description", "name"}
    assert validate_complaint(raw(anonymous="1", name="")).name is None


def test_evidence_is_judged_by_content():
    assert check_evidence(None) is None and check_evidence(b"") is None
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    assert check_evidence(pdf) == (pdf, "application/pdf")
    buf = io.BytesIO()
    Image.new("RGB", (80, 80), (200, 10, 10)).save(buf, "PNG")
    data, ctype = check_evidence(buf.getvalue())
    assert ctype == "image/png" and data
    for bad in (b"MZ\x90\x00 not a picture", b"GIF89a" + b"\x00" * 100, b"%PDF-1.4 cut off"):
        with pytest.raises(InvalidInput) as exc:
            check_evidence(bad)
        assert "evidence" in exc.value.errors
    with pytest.raises(InvalidInput):
        check_evidence(b"%PDF-" + b"0" * (3 * 1024 * 1024))


def test_deadlines_count_working_days_and_skip_holidays():
    c = filed()
    # 3 working days after Monday 1 June 2026 (a holiday): Tue 2, Wed 3, Thu 4 -> Thursday 16:00 WIB
    assert c.verify_due == datetime(2026, 6, 4, 9, 0, tzinfo=UTC)
    custom = filed(deadlines=deadlines_of({"complaint_verification": {"amount": 1, "unit": "working_days"}}))
    assert custom.verify_due == datetime(2026, 6, 2, 9, 0, tzinfo=UTC)
    hours = filed(deadlines={"complaint_verification": (2, "working_hours")})
    assert hours.verify_due == datetime(2026, 6, 2, 3, 0, tzinfo=UTC)  # Tue 08:00 + 2 h WIB


def test_steps_run_in_order_and_are_timestamped_with_overdue_by_the_clock():
    clock = FrozenClock(MONDAY)
    c = filed(at=clock())
    assert not c.overdue(clock())
    clock.now = c.verify_due + timedelta(minutes=1)
    assert c.overdue(clock())
    with pytest.raises(Conflict):
        c.respond({"answer": "Jawaban", "follow_up": "Tindak lanjut"}, clock())
    with pytest.raises(InvalidInput):
        c.verify({"note": ""}, clock(), None)
    c.verify({"note": "Pengaduan lengkap dan menjadi kewenangan kami"}, clock(), None)
    assert c.status == "verified" and c.verified_at == clock() and not c.overdue(clock())
    assert c.answer_due is not None and c.answer_due > clock()
    with pytest.raises(Conflict):
        c.verify({"note": "lagi lagi"}, clock(), None)
    clock.now = c.answer_due + timedelta(seconds=1)
    assert c.overdue(clock())
    c.respond({"answer": "Mohon maaf atas ketidaknyamanan", "follow_up": "Petugas dibina oleh kepala seksi"}, clock())
    assert c.status == "answered" and not c.overdue(clock())
    c.close({"note": ""}, clock())
    assert c.status == "closed" and c.closed_at == clock()
    with pytest.raises(Conflict):
        c.close({}, clock())
