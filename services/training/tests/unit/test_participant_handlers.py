"""cancel and Konfirmasi Pelatihan on a fake unit of work; the photo is decoded only after authorisation."""
from __future__ import annotations

import io
import uuid

import pytest
from PIL import Image

from balai_contracts.training import AttendanceConfirmedV1, EnrollmentCancelledV1, EnrollmentVerifiedV1
from services.training.tests.unit.fakes import World
from training.domain import lifecycle as lc
from training.service import participation
from training.service.errors import Conflict, Forbidden, InvalidInput, NotYetSynced


def png(color=(30, 90, 200), size=(240, 320)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture
def w() -> World:
    return World()


@pytest.fixture
def decoded(monkeypatch) -> list[bytes | None]:
    """Every photo handed to the blue-background check (which decodes it)."""
    seen: list[bytes | None] = []
    real = participation.check_blue_background

    def spy(data):
        seen.append(data)
        return real(data)
    monkeypatch.setattr(participation, "check_blue_background", spy)
    return seen


async def test_cancel_a_verified_enrollment_moves_the_waiting_list(w):
    t = w.training(quota=1, taken=1)
    e = w.enroll(t, lc.VERIFIED)
    waiting = w.enroll(t, lc.WAITLISTED)
    assert await participation.cancel(w.ctx, e.participant_id, e.id, " tidak bisa hadir ") == lc.CANCELLED
    stored = w.get(e)
    assert (stored.status, stored.cancel_reason, stored.cancelled_at) == (lc.CANCELLED, "tidak bisa hadir", w.clock())
    assert w.get(waiting).status == lc.VERIFIED and w.seats(t) == [1, 1]
    cancelled, promoted = w.events
    assert isinstance(cancelled, EnrollmentCancelledV1)
    assert (cancelled.previous_status, cancelled.residential, cancelled.reason) == (lc.VERIFIED, True,
                                                                                    "tidak bisa hadir")
    assert isinstance(promoted, EnrollmentVerifiedV1) and promoted.from_waitlist


async def test_cancel_while_waiting_frees_no_seat(w):
    t = w.training(quota=1, taken=1)
    e = w.enroll(t, lc.WAITLISTED)
    await participation.cancel(w.ctx, e.participant_id, e.id, "")
    assert w.seats(t) == [1, 1] and [type(x) for x in w.events] == [EnrollmentCancelledV1]


async def test_cancel_of_someone_elses_or_a_finished_one_is_refused(w):
    t = w.training()
    e = w.enroll(t, lc.VERIFIED)
    with pytest.raises(Forbidden, match="Anda tidak berhak mengubah pendaftaran ini"):
        await participation.cancel(w.ctx, uuid.uuid4(), e.id, "")
    done = w.enroll(t, lc.COMPLETED)
    with pytest.raises(Conflict, match=r"tidak dapat dibatalkan \(status: Lulus\)"):
        await participation.cancel(w.ctx, done.participant_id, done.id, "")
    closed = w.enroll(w.training(closed=True), lc.VERIFIED)
    with pytest.raises(Conflict, match="Pelatihan sudah ditutup"):
        await participation.cancel(w.ctx, closed.participant_id, closed.id, "")
    assert w.events == [] and w.get(e).status == lc.VERIFIED


async def test_confirm_with_a_blue_photo(w, decoded):
    e = w.enroll(w.training(mode="residential"), lc.VERIFIED)
    photo = png()
    await participation.confirm(w.ctx, e.participant_id, e.id, photo)
    assert (w.get(e).status, w.get(e).confirmed_at) == (lc.CONFIRMED, w.clock())
    assert w.db.state.files[(e.id, "confirmation", 1)] == photo and decoded == [photo]
    [event] = w.events
    assert isinstance(event, AttendanceConfirmedV1)
    assert (event.enrollment_id, event.sex, event.residential, event.participant_name) == (
        e.id, "P", True, "Siti Rahayu")


async def test_confirm_by_a_stranger_never_decodes_the_photo(w, decoded):
    e = w.enroll(w.training(), lc.VERIFIED)
    with pytest.raises(Forbidden):
        await participation.confirm(w.ctx, uuid.uuid4(), e.id, b"\x89PNG not really an image")
    assert decoded == [] and w.get(e).status == lc.VERIFIED


async def test_confirm_in_the_wrong_status_never_decodes_the_photo(w, decoded):
    e = w.enroll(w.training(), lc.SUBMITTED)
    with pytest.raises(Conflict, match="Konfirmasi hanya untuk pendaftaran yang sudah diverifikasi"):
        await participation.confirm(w.ctx, e.participant_id, e.id, png())
    unsynced = w.enroll(w.training(), lc.VERIFIED, participant=None)
    with pytest.raises(NotYetSynced):
        await participation.confirm(w.ctx, unsynced.participant_id, unsynced.id, png())
    assert decoded == []


async def test_confirm_with_a_photo_that_is_not_blue(w, decoded):
    e = w.enroll(w.training(), lc.VERIFIED)
    with pytest.raises(InvalidInput) as exc:
        await participation.confirm(w.ctx, e.participant_id, e.id, png(color=(240, 240, 240)))
    assert exc.value.errors == {"photo": "Latar belakang foto harus berwarna biru"}
    assert w.get(e).status == lc.VERIFIED and w.events == [] and len(decoded) == 1
