"""Daftar Pelatihan: submit_enrollment on a fake unit of work (eligibility, refusals, the event)."""
from __future__ import annotations

import io
import uuid
from dataclasses import asdict
from datetime import UTC, date, datetime

import pytest
from PIL import Image

from balai_contracts.training import EnrollmentSubmittedV1
from services.training.tests.unit.fakes import World, facts
from training.domain import lifecycle as lc
from training.service import enrollment
from training.service.errors import Conflict, Forbidden, InvalidInput, NotFound, NotYetSynced


def png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (240, 320), (200, 120, 40)).save(buf, "PNG")
    return buf.getvalue()


class Registration:
    """A world with one open training, a participant and her business (both copies synced)."""

    def __init__(self, **requirements) -> None:
        self.w = World()
        t = facts()
        self.training_id, self.pid, self.bid = t.id, uuid.uuid4(), uuid.uuid4()
        s = self.w.db.state
        s.trainings[t.id] = t
        s.seats[t.id] = [0, 10]
        s.training_rows[t.id] = dict(
            asdict(t), closed_at=None, quota=10, seats_taken=0, whatsapp_link="",
            requirements=dict(requirements, checklist=["Fotokopi KTP", "Foto produk"]),
            registration_opens_at=datetime(2026, 5, 1, tzinfo=UTC),
            registration_closes_at=datetime(2026, 6, 20, tzinfo=UTC))
        s.participants[self.pid] = dict(participant_id=self.pid, full_name="Siti Rahayu", sex="P",
                                        birth_date=date(1990, 1, 1), regency_code="33.74")
        s.businesses[self.bid] = dict(business_id=self.bid, name="Roti Enak", assets=100_000_000,
                                      turnover=100_000_000, workforce_total=2, permits=["nib"], regency_code="33.74")
        s.members[(self.bid, self.pid)] = "pemilik"

    async def submit(self, ticks=(0, 1), photos=None):
        return await enrollment.submit_enrollment(self.w.ctx, self.pid, self.training_id, self.bid,
                                                  list(ticks), photos if photos is not None else {})


async def test_submit_stores_the_enrollment_photos_and_the_event():
    r = Registration(age_max=60)
    photo = png()
    out = await r.submit(photos={"product_photo_1": photo})
    assert out["status"] == lc.SUBMITTED and out["training_title"] == "Koperasi Modern Angkatan 2"
    eid = uuid.UUID(out["id"])
    stored = r.w.db.state.enrollments[eid]
    assert (stored.status, stored.ticks, stored.submitted_at) == (lc.SUBMITTED, [0, 1], r.w.clock())
    assert r.w.db.state.files[(eid, "product", 1)] == photo
    assert out["product_photo_urls"] == [f"/api/training/enrollments/{eid}/photos/1"]
    [event] = r.w.events
    assert isinstance(event, EnrollmentSubmittedV1)
    assert (event.enrollment_id, event.participant_name, event.business_name) == (eid, "Siti Rahayu", "Roti Enak")


async def test_second_submission_is_refused():
    r = Registration()
    await r.submit()
    with pytest.raises(Conflict, match="Anda sudah terdaftar pada pelatihan ini"):
        await r.submit()
    assert len(r.w.events) == 1


async def test_unmet_requirement_and_unticked_checklist():
    r = Registration(age_max=30)
    with pytest.raises(InvalidInput) as exc:
        await r.submit(ticks=[0])
    assert exc.value.detail == "Anda belum memenuhi syarat pelatihan ini"
    assert exc.value.errors["ticks"] == "Centang semua syarat pelatihan" and "age" in exc.value.errors
    assert r.w.events == [] and r.w.db.state.enrollments == {}


async def test_refusals_before_anything_is_checked():
    r = Registration()
    del r.w.db.state.members[(r.bid, r.pid)]
    with pytest.raises(Forbidden, match="Anda tidak terdaftar sebagai pemilik/pengurus usaha ini"):
        await r.submit()
    r.w.db.state.members[(r.bid, r.pid)] = "pemilik"
    del r.w.db.state.participants[r.pid]
    with pytest.raises(NotYetSynced):
        await r.submit()
    r.training_id = uuid.uuid4()
    with pytest.raises(NotFound, match="Pelatihan tidak ditemukan"):
        await r.submit()


async def test_registration_closed():
    r = Registration()
    r.w.clock.now = datetime(2026, 6, 21, tzinfo=UTC)
    with pytest.raises(Conflict, match="sudah melewati batas waktu pendaftaran"):
        await r.submit()
