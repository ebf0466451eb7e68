"""Scores, closing a training (completed / not completed) and promotion, on a fake unit of work."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from balai_contracts.training import EnrollmentRejectedV1, EnrollmentVerifiedV1, TrainingCompletedV1
from services.training.tests.unit.fakes import OTHER_ORG, FakeTrainingUnitOfWork, World, admin
from training.domain import lifecycle as lc
from training.service import completion, seats
from training.service.errors import Conflict, Forbidden, NotFound

LAST_DAY = datetime(2026, 7, 3, 2, 0, tzinfo=UTC)  # 09:00 WIB on the training's last day


@pytest.fixture
def w() -> World:
    return World()


async def test_set_score_while_attending(w):
    e = w.enroll(w.training(has_evaluation=True, pass_mark=70), lc.CONFIRMED)
    assert await completion.set_score(w.ctx, admin(), e.id, 85) == dict(enrollment_id=str(e.id), score=85)
    assert w.get(e).score == 85 and w.events == []


async def test_set_score_refusals(w):
    no_eval = w.enroll(w.training(), lc.CONFIRMED)
    with pytest.raises(Conflict, match="Pelatihan ini tidak memiliki evaluasi"):
        await completion.set_score(w.ctx, admin(), no_eval.id, 80)
    cancelled = w.enroll(w.training(has_evaluation=True), lc.CANCELLED)
    with pytest.raises(Conflict, match="Nilai hanya dapat diisi untuk peserta aktif"):
        await completion.set_score(w.ctx, admin(), cancelled.id, 80)
    with pytest.raises(Forbidden):
        await completion.set_score(w.ctx, admin(OTHER_ORG), no_eval.id, 80)


async def test_close_completes_who_passed_and_marks_the_rest(w):
    w.clock.now = LAST_DAY
    t = w.training(has_evaluation=True, pass_mark=70, min_attendance_percent=80)
    passed = w.enroll(t, lc.CONFIRMED, n=0, score=90)
    low_score = w.enroll(t, lc.CONFIRMED, n=1, score=50)
    absent = w.enroll(t, lc.CONFIRMED, n=2, score=90)
    unconfirmed = w.enroll(t, lc.VERIFIED, n=3, score=90)
    waiting = w.enroll(t, lc.WAITLISTED, n=4)
    w.db.state.present.update({passed.id: 3, low_score.id: 3, absent.id: 1, unconfirmed.id: 3})
    out = await completion.close_training(w.ctx, admin(), t.id)
    assert (out["completed"], out["not_completed"], out["closed_at"]) == (1, 3, LAST_DAY.isoformat())
    assert (w.get(passed).status, w.get(passed).attendance_percent, w.get(passed).completed_at) == (
        lc.COMPLETED, 100, LAST_DAY)
    for e, pct in ((low_score, 100), (absent, 33), (unconfirmed, 100)):
        assert (w.get(e).status, w.get(e).attendance_percent, w.get(e).completed_at) == (lc.NOT_COMPLETED, pct, None)
    # issue 12: closing closes what is still pending
    assert (w.get(waiting).status, w.get(waiting).rejection_reason) == (lc.REJECTED, "Pelatihan sudah ditutup")
    assert out["rejected"] == 1
    event, rejected = w.events
    assert isinstance(rejected, EnrollmentRejectedV1) and rejected.previous_status == lc.WAITLISTED
    assert isinstance(event, TrainingCompletedV1)
    assert (event.enrollment_id, event.attendance_percent, event.score, event.kind, event.level, event.venue) == (
        passed.id, 100, 90, "Reguler", "Dasar", "Balai Semarang")
    assert w.db.state.trainings[t.id].closed


async def test_close_twice_and_too_early_are_refused(w):
    t = w.training()
    with pytest.raises(Conflict, match="Pelatihan baru dapat ditutup pada hari terakhir pelaksanaan"):
        await completion.close_training(w.ctx, admin(), t.id)
    w.clock.now = LAST_DAY
    e = w.enroll(t, lc.CONFIRMED)
    w.db.state.present[e.id] = 3
    await completion.close_training(w.ctx, admin(), t.id)
    with pytest.raises(Conflict, match="Pelatihan sudah ditutup"):
        await completion.close_training(w.ctx, admin(), t.id)
    assert len(w.events) == 1  # TrainingCompleted exactly once


async def test_close_of_an_online_class_completes_nobody(w):
    w.clock.now = LAST_DAY
    t = w.training(mode="online", venue="")
    e = w.enroll(t, lc.VERIFIED)
    out = await completion.close_training(w.ctx, admin(), t.id)
    assert (out["completed"], out["not_completed"]) == (0, 1)
    assert (w.get(e).status, w.get(e).attendance_percent) == (lc.NOT_COMPLETED, None)


async def test_close_unknown_or_foreign_training(w):
    with pytest.raises(NotFound, match="Pelatihan tidak ditemukan"):
        await completion.close_training(w.ctx, admin(), uuid.uuid4())
    with pytest.raises(Forbidden):
        await completion.close_training(w.ctx, admin(OTHER_ORG), w.training().id)


async def test_promote_waitlist_moves_the_oldest_while_seats_are_free(w):
    t = w.training(quota=3, taken=1)
    third = w.enroll(t, lc.WAITLISTED, n=3)
    first = w.enroll(t, lc.WAITLISTED, n=1)
    second = w.enroll(t, lc.WAITLISTED, n=2)
    async with FakeTrainingUnitOfWork(w.db) as uow:
        assert await seats.promote_waitlist(uow, t.id, w.clock(), limit=5) == 2
        await uow.commit()
    assert [w.get(e).status for e in (first, second, third)] == [lc.VERIFIED, lc.VERIFIED, lc.WAITLISTED]
    assert w.seats(t) == [3, 3]
    assert [(x.enrollment_id, x.seats_taken, x.from_waitlist) for x in w.events] == [
        (first.id, 2, True), (second.id, 3, True)]
    assert all(isinstance(x, EnrollmentVerifiedV1) for x in w.events)


async def test_promotion_uncommitted_leaves_nothing(w):
    t = w.training(quota=1)
    e = w.enroll(t, lc.WAITLISTED)
    async with FakeTrainingUnitOfWork(w.db) as uow:
        await seats.promote_waitlist(uow, t.id, w.clock())
    assert w.get(e).status == lc.WAITLISTED and w.seats(t) == [0, 1] and w.events == []
