"""Verification by the training's organisation: approve (a seat, else the waiting list) or reject;
cancelling on a participant's behalf."""
from __future__ import annotations

import uuid

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..domain import lifecycle
from ..domain.enrollment_facts import PENDING_SEAT
from . import seats
from .access import require_org
from .context import TrainingContext
from .errors import InvalidInput, TrainingError
from .loading import load_enrollment, refusals

log = get_logger("verification")


async def _verify_in(ctx: TrainingContext, uow, claims: Claims, enrollment_id: uuid.UUID, *,
                     seat_last: bool = True) -> str | None:
    """Approve in `uow` and commit. With `seat_last` and a seat that looks free, the seat is taken
    in the COMMIT's own round trip (adapters/seats.py says why); None when the training filled up
    in between: nothing was committed and the caller runs it again without `seat_last`."""
    e = await load_enrollment(uow, enrollment_id, lock=True)
    require_org(claims, e.training.org_id)
    now, by = ctx.now(), uuid.UUID(claims.sub)
    with refusals():
        e.check_may_verify()  # before a seat is taken
        if seat_last and uow.enrollments.seat_looked_free(e.id):
            e.verify(PENDING_SEAT, by, now)
            await uow.enrollments.save(e)
            if not await uow.commit_taking_seat(e.training.id):
                log.info("seat_gone_before_commit", enrollment_id=str(enrollment_id))  # runs again
                return None
            log.info("enrollment_verified", enrollment_id=str(enrollment_id))
            return e.status
        seat = await uow.seats.take(e.training.id)
        if seat is None:
            e.waitlist(now)
        else:
            e.verify(seat, by, now)
        await uow.enrollments.save(e)
        await uow.commit()
    if seat is None:
        log.info("enrollment_waitlisted", enrollment_id=str(enrollment_id))
    else:
        log.info("enrollment_verified", enrollment_id=str(enrollment_id), quota_left=seat.left)
    return e.status


async def verify(ctx: TrainingContext, claims: Claims, enrollment_id: uuid.UUID) -> str:
    """Approve: `verified` when a seat is free, else `waitlisted` (each attempt its own transaction)."""
    for seat_last in (True, False):
        async with ctx.uow() as uow:
            status = await _verify_in(ctx, uow, claims, enrollment_id, seat_last=seat_last)
        if status is not None:
            return status
    raise AssertionError("unreachable: the second attempt always commits")


async def _reject_in(ctx: TrainingContext, uow, claims: Claims, enrollment_id: uuid.UUID, reason: str) -> str:
    e = await load_enrollment(uow, enrollment_id, lock=True)
    require_org(claims, e.training.org_id)
    previous, now = e.status, ctx.now()
    with refusals():
        freed = e.reject(reason, now)
    await uow.enrollments.save(e)
    if freed:
        await seats.give_back(uow, e.training.id, now)
    log.info("enrollment_rejected", enrollment_id=str(enrollment_id), previous_status=previous)
    return e.status


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput({"reason": "Alasan penolakan wajib diisi"})
    return reason


async def reject(ctx: TrainingContext, claims: Claims, enrollment_id: uuid.UUID, reason: str) -> str:
    """Reject with a reason; a seat it held moves the waiting list."""
    reason = _reason(reason)
    async with ctx.uow() as uow:
        status = await _reject_in(ctx, uow, claims, enrollment_id, reason)
        await uow.commit()
    return status


async def bulk(ctx: TrainingContext, claims: Claims, ids: list[uuid.UUID], action: str, reason: str = "") -> dict:
    """Verify or reject many, one transaction each: one failure does not undo the others."""
    if action == "reject":
        reason = _reason(reason)
    results = []
    for eid in dict.fromkeys(ids):
        try:
            if action == "verify":
                status = await verify(ctx, claims, eid)
            else:
                async with ctx.uow() as uow:
                    status = await _reject_in(ctx, uow, claims, eid, reason)
                    await uow.commit()
            results.append(dict(id=str(eid), ok=True, status=status, status_label=lifecycle.LABELS[status]))
        except TrainingError as exc:
            results.append(dict(id=str(eid), ok=False, detail=exc.detail))
    summary = {s: sum(1 for r in results if r.get("status") == s) for s in
               (lifecycle.VERIFIED, lifecycle.WAITLISTED, lifecycle.REJECTED)}
    return dict(results=results, summary=summary, failed=sum(1 for r in results if not r["ok"]))


async def cancel_for_participant(ctx: TrainingContext, claims: Claims, enrollment_id: uuid.UUID, reason: str) -> str:
    """Batalkan on the participant's behalf (EnrollmentCancelled, cancelled_by admin); a freed seat moves the list."""
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput({"reason": "Alasan pembatalan wajib diisi"})
    async with ctx.uow() as uow:
        e = await load_enrollment(uow, enrollment_id, lock=True)
        require_org(claims, e.training.org_id)
        previous, now = e.status, ctx.now()
        with refusals():
            freed = e.cancel_for_participant(reason, now)
        await uow.enrollments.save(e)
        if freed:
            await seats.give_back(uow, e.training.id, now)
        await uow.commit()
    log.info("enrollment_cancelled_by_admin", enrollment_id=str(enrollment_id), previous_status=previous)
    return e.status
