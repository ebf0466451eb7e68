"""The quota: a seat is taken by a conditional UPDATE (never read-then-write), and the waiting
list moves when a seat frees. The table's CHECK (seats_taken <= quota) is the backstop."""
from __future__ import annotations

import uuid

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.logging import get_logger

from ..adapters.tables import enrollments
from ..domain import lifecycle
from . import events
from .context import TrainingContext

log = get_logger("seats")
_TAKE = text("UPDATE trainings SET seats_taken = seats_taken + 1 "
             "WHERE id = :id AND seats_taken < quota RETURNING seats_taken, quota")
_RELEASE = text("UPDATE trainings SET seats_taken = seats_taken - 1 "
                "WHERE id = :id AND seats_taken > 0 RETURNING seats_taken, quota")


async def take(s: AsyncSession, training_id: uuid.UUID) -> tuple[int, int] | None:
    """(seats_taken, quota) after taking one seat, or None when the quota is full."""
    row = (await s.execute(_TAKE, {"id": training_id})).first()
    return (row.seats_taken, row.quota) if row else None


async def release(s: AsyncSession, training_id: uuid.UUID) -> None:
    await s.execute(_RELEASE, {"id": training_id})


async def promote_waitlist(ctx: TrainingContext, s: AsyncSession, training_id: uuid.UUID, limit: int = 1) -> int:
    """Verify the longest-waiting enrollments while seats are free; returns how many moved."""
    moved = 0
    while moved < limit:
        # SKIP LOCKED: one being cancelled or verified right now is left to its own transaction
        eid = await s.scalar(
            select(enrollments.c.id)
            .where(enrollments.c.training_id == training_id, enrollments.c.status == lifecycle.WAITLISTED)
            .order_by(enrollments.c.submitted_at, enrollments.c.id).limit(1)
            .with_for_update(skip_locked=True))
        if eid is None:
            break
        seat = await take(s, training_id)
        if seat is None:
            break
        now = ctx.now()
        x = await events.load(s, eid)
        await s.execute(enrollments.update().where(enrollments.c.id == eid).values(
            status=lifecycle.VERIFIED, verified_at=now, verified_by=None, updated_at=now))
        await events.verified(ctx, s, x, at=now, from_waitlist=True, seats_taken=seat[0], quota=seat[1])
        log.info("enrollment_promoted", enrollment_id=str(eid), seats_taken=seat[0], quota=seat[1])
        moved += 1
    return moved
