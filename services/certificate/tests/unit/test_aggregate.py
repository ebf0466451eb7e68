"""The Certificate aggregate alone: issued once, revoked with a reason, corrected into a new one."""
from __future__ import annotations

import re
import uuid
from datetime import date, timedelta

import pytest

from balai_contracts.certificate import CertificateIssuedV1, CertificateRevokedV1
from balai_platform.errors import Conflict, InvalidInput
from certificate.domain.certificate import ISSUED, PENDING, REVOKED, Certificate, new_code
from services.certificate.tests.unit.fakes import AT, JATENG


def certificate(**over) -> Certificate:
    data = dict(id=uuid.uuid4(), code=new_code(), org_id=JATENG, enrollment_id=uuid.uuid4(), training_id=uuid.uuid4(),
                participant_id=uuid.uuid4(), holder_name="Siti Rahayu", training_title="Koperasi Modern Angkatan 2",
                batch=2, kind="Reguler", level="Dasar", start_date=date(2026, 6, 24), end_date=date(2026, 6, 28),
                hours=32, score=None, issued_on=date(2026, 6, 28), created_at=AT)
    data.update(over)
    cert = Certificate(**data)
    cert.assign_number(2026, 7, "007/BALATKOP-UKM/VI/2026")
    return cert


def issued(**over) -> Certificate:
    cert = certificate(**over)
    cert.verification_url = f"https://balai.example/verifikasi/{cert.code}"
    cert.stored("ab" * 32, AT)
    cert.pull_events()
    return cert


def test_code_is_sixteen_base32_characters_and_random():
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200 and all(re.fullmatch(r"[A-Z2-7]{16}", c) for c in codes)


def test_stored_issues_once_with_the_number_url_and_hash():
    cert = certificate()
    cert.verification_url = "https://balai.example/verifikasi/X"
    cert.stored("cd" * 32, AT)
    [event] = cert.pending_events
    assert isinstance(event, CertificateIssuedV1) and cert.status == ISSUED
    assert (event.number, event.sha256, event.verification_url) == ("007/BALATKOP-UKM/VI/2026", "cd" * 32,
                                                                    "https://balai.example/verifikasi/X")
    with pytest.raises(Conflict):
        cert.stored("ef" * 32, AT)


def test_revoke_needs_a_reason_and_happens_once():
    cert = issued()
    with pytest.raises(InvalidInput):
        cert.revoke("  ab ", AT)
    cert.revoke("  Data   kehadiran salah ", AT + timedelta(days=1))
    [event] = cert.pending_events
    assert isinstance(event, CertificateRevokedV1) and event.reason == "Data kehadiran salah"
    assert cert.status == REVOKED and cert.revoke_reason == "Data kehadiran salah"
    with pytest.raises(Conflict):
        cert.revoke("Dicabut lagi", AT)


def test_a_pending_certificate_cannot_be_revoked_yet():
    with pytest.raises(Conflict):
        certificate().revoke("Data kehadiran salah", AT)
    assert certificate().status == PENDING


def test_correction_is_a_new_pending_certificate_that_replaces_the_old():
    old = issued()
    new = old.correction("  Siti  Rahayu Ningsih ", new_id=uuid.uuid4(), issued_on=date(2026, 7, 1), at=AT)
    assert new.status == PENDING and new.replaces == old.id and new.holder_name == "Siti Rahayu Ningsih"
    assert new.enrollment_id == old.enrollment_id and new.code != old.code and new.number is None
    with pytest.raises(InvalidInput):
        old.correction("Siti Rahayu", new_id=uuid.uuid4(), issued_on=date(2026, 7, 1), at=AT)
    with pytest.raises(InvalidInput):
        old.correction("x", new_id=uuid.uuid4(), issued_on=date(2026, 7, 1), at=AT)
    with pytest.raises(Conflict):
        certificate().correction("Siti Rahayu Ningsih", new_id=uuid.uuid4(), issued_on=date(2026, 7, 1), at=AT)
