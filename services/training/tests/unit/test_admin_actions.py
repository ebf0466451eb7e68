"""Issue 12 admin actions on a fake unit of work: cancelling on a participant's behalf, closing what is
pending at closing, and the overdue line of the Verifikasi queue (no I/O)."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from balai_contracts.training import EnrollmentCancelledV1, EnrollmentRejectedV1, EnrollmentVerifiedV1
from services.training.tests.unit.fakes import OTHER_ORG, World, admin
from training.domain import lifecycle as lc
from training.domain.workdays import overdue_until, working_days_waited
from training.service import completion, participation, verification
from training.service.errors import Conflict, Forbidden, InvalidInput

LAST_DAY = datetime(2026, 7, 3, 2, 0, tzinfo=UTC)


@pytest.fixture
def w() -> World:
    return World()


async def test_admin_cancel_frees_the_seat_and_marks_who_did_it(w):
    t = w.training(quota=1, taken=1)
    held = w.enroll(t, lc.VERIFIED, n=0)
    waiting = w.enroll(t, lc.WAITLISTED, n=1)
    status = await verification.cancel_for_participant(w.ctx, admin(), held.id, "  Peserta menelepon, sakit  ")
    assert status == lc.CANCELLED
    assert (w.get(held).status, w.get(held).cancel_reason) == (lc.CANCELLED, "Peserta menelepon, sakit")
    assert w.get(waiting).status == lc.VERIFIED  # the waiting list moved into the freed seat
    cancelled, promoted = w.events
    assert isinstance(cancelled, EnrollmentCancelledV1)
    assert (cancelled.cancelled_by, cancelled.previous_status, cancelled.reason) == (
        "admin", lc.VERIFIED, "Peserta menelepon, sakit")
    assert isinstance(promoted, EnrollmentVerifiedV1) and promoted.from_waitlist


async def test_participant_cancel_is_marked_participant(w):
    e = w.enroll(w.training())
    await participation.cancel(w.ctx, e.participant_id, e.id, "")
    [event] = w.events
    assert event.cancelled_by == "participant"


async def test_admin_cancel_refusals(w):
    t = w.training()
    e = w.enroll(t)
    with pytest.raises(InvalidInput) as exc:
        await verification.cancel_for_participant(w.ctx, admin(), e.id, "   ")
    assert exc.value.errors == {"reason": "Alasan pembatalan wajib diisi"}
    with pytest.raises(Forbidden):
        await verification.cancel_for_participant(w.ctx, admin(OTHER_ORG), e.id, "Telepon")
    done = w.enroll(t, lc.COMPLETED, n=1)
    with pytest.raises(Conflict, match="tidak dapat dibatalkan"):
        await verification.cancel_for_participant(w.ctx, admin(), done.id, "Telepon")
    closed = w.enroll(w.training(closed=True))
    with pytest.raises(Conflict, match="Pelatihan sudah ditutup"):
        await verification.cancel_for_participant(w.ctx, admin(), closed.id, "Telepon")
    assert w.events == [] and w.get(e).status == lc.SUBMITTED


async def test_closing_rejects_every_pending_application(w):
    w.clock.now = LAST_DAY
    t = w.training()
    submitted = w.enroll(t, n=0)
    waitlisted = w.enroll(t, lc.WAITLISTED, n=1)
    other = w.enroll(w.training(), n=2)
    out = await completion.close_training(w.ctx, admin(), t.id)
    assert out["rejected"] == 2
    for e in (submitted, waitlisted):
        stored = w.get(e)
        assert (stored.status, stored.rejection_reason, stored.rejected_at) == (
            lc.REJECTED, "Pelatihan sudah ditutup", LAST_DAY)
    assert [(type(ev), ev.previous_status, ev.reason) for ev in w.events] == [
        (EnrollmentRejectedV1, lc.SUBMITTED, "Pelatihan sudah ditutup"),
        (EnrollmentRejectedV1, lc.WAITLISTED, "Pelatihan sudah ditutup")]
    assert w.get(other).status == lc.SUBMITTED


def test_reject_at_closing_only_for_pending(w):
    e = w.enroll(w.training(closed=True), lc.VERIFIED)
    with pytest.raises(lc.TransitionError):
        e.reject_at_closing(LAST_DAY)


@pytest.mark.parametrize("today", [date(2026, 12, 3), date(2026, 12, 7), date(2026, 3, 30), date(2027, 1, 4)])
@pytest.mark.parametrize("limit", [0, 3, 5])
def test_overdue_until_is_the_last_day_past_the_standard(today, limit):
    line = overdue_until(today, limit)
    assert working_days_waited(line, today) > limit
    assert all(working_days_waited(line.fromordinal(d), today) <= limit
               for d in range(line.toordinal() + 1, today.toordinal() + 1))


def test_overdue_over_lebaran_counts_working_days_only():
    # 2026: Idul Fitri 20-21 March with cuti bersama around it; a Monday 16 March application
    waited = working_days_waited(date(2026, 3, 16), date(2026, 3, 27))
    assert waited < 9  # the calendar says 11 days, weekends and the holidays do not count
