"""Handlers with the fake unit of work: issue once with gap-free numbers, render+sign+store, revoke, reissue."""
from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, date, datetime

import pytest

from balai_contracts.certificate import CertificateIssuedV1, CertificateRevokedV1
from balai_contracts.training import TrainingCompletedV1
from balai_platform.consumer import EventMeta
from balai_platform.errors import Forbidden, NotFound
from certificate.domain.document import Signatory, TemplateContent
from certificate.domain.template import OrgTemplate
from certificate.service import admin, issuing, rendering
from services.certificate.tests.unit.fakes import AT, JATENG, JATIM, FakeContext, claims

META = EventMeta(event_id=uuid.uuid4(), occurred_at=AT, correlation_id="c", subject="s")


def completed(**over) -> TrainingCompletedV1:
    data = dict(enrollment_id=uuid.uuid4(), org_id=JATENG, training_id=uuid.uuid4(),
                training_title="Pengelolaan Keuangan Koperasi Angkatan 2", start_date=date(2026, 6, 24),
                end_date=date(2026, 6, 28), mode="residential", participant_id=uuid.uuid4(),
                participant_name="Siti Rahayu", business_id=uuid.uuid4(), business_name="Koperasi",
                batch=2, kind="Reguler", level="Dasar", hours=32, venue="Semarang", sex="P",
                attendance_percent=100, score=92, completed_at=datetime(2026, 6, 28, tzinfo=UTC))
    data.update(over)
    return TrainingCompletedV1(**data)


@pytest.fixture
def ctx() -> FakeContext:
    return FakeContext()


async def test_the_same_completion_twice_reserves_one_certificate(ctx):
    event = completed()
    await issuing.on_training_completed(ctx, None, event, META)
    await issuing.on_training_completed(ctx, None, event, META)
    [cert] = ctx.unit.certificates.rows.values()
    assert cert.status == "pending" and cert.seq == 1 and cert.year == 2026
    assert cert.number == "001/BALAI/VI/2026"  # the default profile until an admin saves a template
    assert ctx.unit.published == [] and ctx.woken == 1  # CertificateIssued waits for the stored PDF


async def test_numbers_run_per_organisation_and_use_its_template(ctx):
    ctx.unit.templates.rows[(JATENG, "*")] = OrgTemplate("BALATKOP-UKM", "{seq:03d}/BALATKOP-UKM/{roman_month}/{year}",
                                                         TemplateContent("Balatkop", "Dinas", None, "Semarang",
                                                                         Signatory("Kepala", "Sri", "1")))
    for org in (JATENG, JATENG, JATIM, JATENG):
        await issuing.on_training_completed(ctx, None, completed(org_id=org), META)
    numbers = sorted((c.org_id == JATENG, c.number) for c in ctx.unit.certificates.rows.values())
    assert numbers == [(False, "001/BALAI/VI/2026"), (True, "001/BALATKOP-UKM/VI/2026"),
                       (True, "002/BALATKOP-UKM/VI/2026"), (True, "003/BALATKOP-UKM/VI/2026")]


async def test_an_old_bad_number_format_does_not_stop_issuing(ctx):
    ctx.unit.templates.rows[(JATENG, "*")] = OrgTemplate("X", "{seq.__class__}", TemplateContent(
        "Balatkop", "Dinas", None, "Semarang", Signatory("Kepala", "Sri", "1")))
    await issuing.on_training_completed(ctx, None, completed(), META)
    [cert] = ctx.unit.certificates.rows.values()
    assert cert.number == "001/X/VI/2026"


async def test_render_signs_stores_and_emits_issued_with_the_hash(ctx):
    await issuing.on_training_completed(ctx, None, completed(participant_name="Çağrı Öztürk"), META)
    cert = await rendering.render_one(ctx, set())
    stored = ctx.unit.certificates.rows[cert.id]
    pdf = ctx.unit.certificates.pdfs[cert.id]
    assert stored.status == "issued" and pdf.startswith(b"%PDF") and b"%signed Jakarta" in pdf
    [event] = ctx.unit.events
    assert isinstance(event, CertificateIssuedV1) and event.sha256 == hashlib.sha256(pdf).hexdigest()
    assert event.verification_url == f"http://127.0.0.1:8000/verifikasi/{stored.code}"
    assert await rendering.render_one(ctx, set()) is None  # nothing left


async def test_a_missing_signing_key_leaves_the_certificate_pending_and_skipped(ctx):
    ctx.fake_signer = None
    await issuing.on_training_completed(ctx, None, completed(), META)
    skip: set = set()
    cert = await rendering.render_one(ctx, skip)
    assert cert.status == "pending" and skip == {cert.id}
    assert await rendering.render_one(ctx, skip) is None and ctx.unit.events == []


async def _issued(ctx) -> uuid.UUID:
    await issuing.on_training_completed(ctx, None, completed(), META)
    return (await rendering.render_one(ctx, set())).id


async def test_only_the_own_organisation_revokes(ctx):
    cert_id = await _issued(ctx)
    with pytest.raises(Forbidden):
        await admin.revoke(ctx, claims("admin", JATIM), cert_id, "Data tidak benar")
    with pytest.raises(Forbidden):
        await admin.revoke(ctx, claims("peserta"), cert_id, "Data tidak benar")
    out = await admin.revoke(ctx, claims("admin", JATENG), cert_id, "Data tidak benar")
    assert out["status"] == "revoked" and isinstance(ctx.unit.events[-1], CertificateRevokedV1)
    with pytest.raises(NotFound):
        await admin.revoke(ctx, claims("superadmin"), uuid.uuid4(), "Data tidak benar")


async def test_reissue_revokes_the_old_pointing_to_a_new_number(ctx):
    cert_id = await _issued(ctx)
    out = await admin.reissue(ctx, claims("superadmin"), cert_id, "Siti Rahayu Ningsih")
    old, new = ctx.unit.certificates.rows[cert_id], ctx.unit.certificates.rows[out["id"]]
    assert old.status == "revoked" and old.replaced_by == new.id and new.replaces == old.id
    assert new.status == "pending" and new.seq == 2 and new.number == "002/BALAI/VI/2026"
    revoked = ctx.unit.events[-1]
    assert isinstance(revoked, CertificateRevokedV1) and revoked.replaced_by == new.id
    await rendering.render_one(ctx, set())
    assert ctx.unit.certificates.rows[new.id].status == "issued"
