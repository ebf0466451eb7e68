"""verify / reject / bulk and the waiting list, on a fake unit of work (no I/O)."""
from __future__ import annotations

import uuid

import pytest

from balai_contracts.training import EnrollmentRejectedV1, EnrollmentVerifiedV1
from services.training.tests.unit.fakes import OTHER_ORG, FakeEnrollments, World, admin
from training.domain import lifecycle as lc
from training.service import verification
from training.service.errors import Conflict, Forbidden, InvalidInput, NotFound


@pytest.fixture
def w() -> World:
    return World()


async def test_verify_takes_a_seat_and_records_the_event(w):
    t = w.training(quota=2)
    e = w.enroll(t)
    claims = admin()
    assert await verification.verify(w.ctx, claims, e.id) == lc.VERIFIED
    stored = w.get(e)
    assert (stored.status, stored.verified_at, str(stored.verified_by)) == (lc.VERIFIED, w.clock(), claims.sub)
    assert w.seats(t) == [1, 2]
    [event] = w.events
    assert isinstance(event, EnrollmentVerifiedV1)
    assert (event.enrollment_id, event.seats_taken, event.quota, event.from_waitlist) == (e.id, 1, 2, False)
    assert w.db.uows[0].enrollments.locked == [e.id]  # loaded FOR UPDATE


async def test_verify_on_a_full_quota_waitlists_without_event(w):
    t = w.training(quota=1, taken=1)
    e = w.enroll(t)
    assert await verification.verify(w.ctx, admin(), e.id) == lc.WAITLISTED
    assert (w.get(e).status, w.get(e).waitlisted_at) == (lc.WAITLISTED, w.clock())
    assert w.seats(t) == [1, 1] and w.events == []


async def test_verify_when_the_last_seat_goes_in_between_waitlists_on_the_second_attempt(w, monkeypatch):
    """The seat is taken last; when another approval took the last seat after the free-seat read,
    nothing of the first attempt is committed and the second attempt waitlists."""
    t = w.training(quota=1)
    e = w.enroll(t)
    def looked_free(self, enrollment_id):  # the plain read saw a seat; another approval then took it
        for state in (w.db.state, self.uow.work):  # committed, and seen by this transaction's UPDATE
            state.seats[t.id][0] = 1
        return True

    monkeypatch.setattr(FakeEnrollments, "seat_looked_free", looked_free)
    assert await verification.verify(w.ctx, admin(), e.id) == lc.WAITLISTED
    assert w.get(e).status == lc.WAITLISTED and w.seats(t) == [1, 1]
    assert w.events == []  # the first attempt's EnrollmentVerified was never committed


async def test_verify_with_no_quota_left_twice_stays_waiting(w):
    t = w.training(quota=0)
    e = w.enroll(t, lc.WAITLISTED, waitlisted_at=w.clock())
    w.clock.advance(hours=1)
    assert await verification.verify(w.ctx, admin(), e.id) == lc.WAITLISTED
    assert w.get(e).waitlisted_at < w.clock()


async def test_verify_refused_for_a_rejected_one_takes_no_seat(w):
    t = w.training(quota=5)
    e = w.enroll(t, lc.REJECTED)
    with pytest.raises(Conflict) as exc:
        await verification.verify(w.ctx, admin(), e.id)
    assert exc.value.detail == "Pendaftaran ini tidak dapat diverifikasi (status: Ditolak)"
    assert w.seats(t) == [0, 5] and w.events == []


async def test_verify_refused_after_closing(w):
    e = w.enroll(w.training(closed=True))
    with pytest.raises(Conflict, match="Pelatihan sudah ditutup"):
        await verification.verify(w.ctx, admin(), e.id)


async def test_admin_of_another_organisation_is_forbidden(w):
    e = w.enroll(w.training())
    with pytest.raises(Forbidden, match="organisasi Anda"):
        await verification.verify(w.ctx, admin(OTHER_ORG), e.id)
    with pytest.raises(NotFound, match="Pendaftaran tidak ditemukan"):
        await verification.verify(w.ctx, admin(), uuid.uuid4())


async def test_reject_of_a_verified_one_frees_the_seat_for_the_first_waiting(w):
    t = w.training(quota=1, taken=1)
    held = w.enroll(t, lc.VERIFIED, n=0)
    second = w.enroll(t, lc.WAITLISTED, n=2)
    first = w.enroll(t, lc.WAITLISTED, n=1)
    assert await verification.reject(w.ctx, admin(), held.id, "  Berkas palsu ") == lc.REJECTED
    assert (w.get(held).status, w.get(held).rejection_reason) == (lc.REJECTED, "Berkas palsu")
    assert w.get(first).status == lc.VERIFIED and w.get(first).verified_by is None
    assert w.get(second).status == lc.WAITLISTED
    assert w.seats(t) == [1, 1]
    rejected, promoted = w.events
    assert isinstance(rejected, EnrollmentRejectedV1) and rejected.previous_status == lc.VERIFIED
    assert isinstance(promoted, EnrollmentVerifiedV1)
    assert (promoted.enrollment_id, promoted.from_waitlist, promoted.seats_taken) == (first.id, True, 1)


async def test_reject_of_a_submitted_one_moves_nobody(w):
    t = w.training(quota=1, taken=1)
    e = w.enroll(t)
    waiting = w.enroll(t, lc.WAITLISTED)
    await verification.reject(w.ctx, admin(), e.id, "Tidak sesuai")
    assert w.get(waiting).status == lc.WAITLISTED and w.seats(t) == [1, 1]
    assert [type(x) for x in w.events] == [EnrollmentRejectedV1]


async def test_reject_needs_a_reason(w):
    e = w.enroll(w.training())
    with pytest.raises(InvalidInput) as exc:
        await verification.reject(w.ctx, admin(), e.id, "   ")
    assert exc.value.errors == {"reason": "Alasan penolakan wajib diisi"}
    assert w.db.uows == []  # refused before any transaction


async def test_reject_refused_when_completed(w):
    e = w.enroll(w.training(), lc.COMPLETED)
    with pytest.raises(Conflict, match=r"tidak dapat ditolak \(status: Lulus\)"):
        await verification.reject(w.ctx, admin(), e.id, "x")


async def test_bulk_verify_fills_the_quota_then_waitlists_and_reports_failures(w):
    t = w.training(quota=2)
    es = [w.enroll(t, n=i) for i in range(3)]
    cancelled = w.enroll(t, lc.CANCELLED)
    ids = [e.id for e in es] + [es[0].id, cancelled.id]  # a duplicate id is handled once
    out = await verification.bulk(w.ctx, admin(), ids, "verify")
    assert out["summary"] == {lc.VERIFIED: 2, lc.WAITLISTED: 1, lc.REJECTED: 0} and out["failed"] == 1
    assert [r["status"] for r in out["results"][:3]] == [lc.VERIFIED, lc.VERIFIED, lc.WAITLISTED]
    assert out["results"][3] == dict(id=str(cancelled.id), ok=False,
                                     detail="Pendaftaran ini tidak dapat diverifikasi (status: Dibatalkan)")
    assert w.seats(t) == [2, 2] and len(w.events) == 2


async def test_bulk_reject_one_transaction_each(w):
    t = w.training(quota=2, taken=1)
    a, b = w.enroll(t, lc.VERIFIED), w.enroll(t, lc.COMPLETED)
    out = await verification.bulk(w.ctx, admin(), [a.id, b.id], "reject", "Kuota dialihkan")
    assert out["summary"][lc.REJECTED] == 1 and out["failed"] == 1
    assert w.get(a).status == lc.REJECTED and w.get(b).status == lc.COMPLETED and w.seats(t) == [0, 2]
    assert sum(u.commits for u in w.db.uows) == 1
