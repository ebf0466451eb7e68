"""The waiting list moves when a seat frees: seats are taken by the database's conditional UPDATE
(the unit of work's `seats` port), never by read-then-write."""
from __future__ import annotations

import uuid
from datetime import datetime

from balai_platform.logging import get_logger

from .loading import load_enrollment

log = get_logger("seats")


async def promote_waitlist(uow, training_id: uuid.UUID, at: datetime, limit: int = 1) -> int:
    """Verify the longest-waiting enrollments while seats are free; returns how many moved."""
    moved = 0
    while moved < limit:
        eid = await uow.seats.next_waiting(training_id)  # row-locked, SKIP LOCKED
        if eid is None:
            break
        seat = await uow.seats.take(training_id)
        if seat is None:
            break
        e = await load_enrollment(uow, eid)
        e.promote(seat, at)
        await uow.enrollments.save(e)
        log.info("enrollment_promoted", enrollment_id=str(eid), seats_taken=seat.taken, quota=seat.quota)
        moved += 1
    return moved


async def give_back(uow, training_id: uuid.UUID, at: datetime) -> None:
    """A cancelled/rejected enrollment held a seat: free it and let the waiting list move."""
    await uow.seats.release(training_id)
    await promote_waitlist(uow, training_id, at)
