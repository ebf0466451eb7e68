"""Verification by the training's organisation: approve (a seat, else the waiting list) or reject."""
from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..adapters.tables import enrollments
from ..domain import lifecycle
from . import events, seats
from .access import require_org
from .context import TrainingContext
from .errors import Conflict, InvalidInput, TrainingError

log = get_logger("verification")
CLOSED = "Pelatihan sudah ditutup"


async def _locked(s: AsyncSession, claims: Claims, enrollment_id: uuid.UUID, action: str) -> events.Bundle:
    x = await events.load(s, enrollment_id, lock=True)
    require_org(claims, x.t["org_id"])
    if x.t["closed_at"] is not None:
        raise Conflict(CLOSED)
    try:
        lifecycle.require(action, x.e["status"], x.t["mode"])
    except lifecycle.TransitionError as exc:
        raise Conflict(exc.message) from exc
    return x


async def _verify_in(ctx: TrainingContext, s: AsyncSession, claims: Claims, enrollment_id: uuid.UUID) -> str:
    x = await _locked(s, claims, enrollment_id, "verify")
    now = ctx.now()
    seat = await seats.take(s, x.t["id"])
    if seat is None:
        if x.e["status"] != lifecycle.WAITLISTED:
            await s.execute(enrollments.update().where(enrollments.c.id == enrollment_id).values(
                status=lifecycle.WAITLISTED, waitlisted_at=now, updated_at=now))
        log.info("enrollment_waitlisted", enrollment_id=str(enrollment_id))
        return lifecycle.WAITLISTED
    await s.execute(enrollments.update().where(enrollments.c.id == enrollment_id).values(
        status=lifecycle.VERIFIED, verified_at=now, verified_by=uuid.UUID(claims.sub), updated_at=now))
    await events.verified(ctx, s, x, at=now, from_waitlist=False, seats_taken=seat[0], quota=seat[1])
    log.info("enrollment_verified", enrollment_id=str(enrollment_id), quota_left=seat[1] - seat[0])
    return lifecycle.VERIFIED


async def verify(ctx: TrainingContext, claims: Claims, enrollment_id: uuid.UUID) -> str:
    """Approve: `verified` when a seat is free, else `waitlisted`."""
    async with ctx.sessionmaker() as s, s.begin():
        return await _verify_in(ctx, s, claims, enrollment_id)


async def _reject_in(ctx: TrainingContext, s: AsyncSession, claims: Claims, enrollment_id: uuid.UUID,
                     reason: str) -> str:
    x = await _locked(s, claims, enrollment_id, "reject")
    now = ctx.now()
    await s.execute(enrollments.update().where(enrollments.c.id == enrollment_id).values(
        status=lifecycle.REJECTED, rejected_at=now, rejection_reason=reason, updated_at=now))
    await events.rejected(ctx, s, x, at=now, reason=reason)
    if lifecycle.frees_seat(x.e["status"]):
        await seats.release(s, x.t["id"])
        await seats.promote_waitlist(ctx, s, x.t["id"])
    log.info("enrollment_rejected", enrollment_id=str(enrollment_id), previous_status=x.e["status"])
    return lifecycle.REJECTED


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput({"reason": "Alasan penolakan wajib diisi"})
    return reason


async def reject(ctx: TrainingContext, claims: Claims, enrollment_id: uuid.UUID, reason: str) -> str:
    """Reject with a reason; a seat it held moves the waiting list."""
    reason = _reason(reason)
    async with ctx.sessionmaker() as s, s.begin():
        return await _reject_in(ctx, s, claims, enrollment_id, reason)


async def bulk(ctx: TrainingContext, claims: Claims, ids: list[uuid.UUID], action: str, reason: str = "") -> dict:
    """Verify or reject many, one transaction each: one failure does not undo the others."""
    if action == "reject":
        reason = _reason(reason)
    results = []
    for eid in dict.fromkeys(ids):
        try:
            async with ctx.sessionmaker() as s, s.begin():
                status = (await _verify_in(ctx, s, claims, eid) if action == "verify"
                          else await _reject_in(ctx, s, claims, eid, reason))
            results.append(dict(id=str(eid), ok=True, status=status, status_label=lifecycle.LABELS[status]))
        except TrainingError as exc:
            results.append(dict(id=str(eid), ok=False, detail=exc.detail))
    summary = {s: sum(1 for r in results if r.get("status") == s) for s in
               (lifecycle.VERIFIED, lifecycle.WAITLISTED, lifecycle.REJECTED)}
    return dict(results=results, summary=summary, failed=sum(1 for r in results if not r["ok"]))
