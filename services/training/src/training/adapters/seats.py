"""The quota in the database: a seat is taken by a conditional UPDATE (never read-then-write);
the table's CHECK (seats_taken <= quota) is the backstop; the waiting list is read SKIP LOCKED."""
from __future__ import annotations

import uuid

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain import lifecycle
from ..domain.enrollment_facts import Seat
from .tables import enrollments

_TAKE = text("UPDATE trainings SET seats_taken = seats_taken + 1 "
             "WHERE id = :id AND seats_taken < quota RETURNING seats_taken, quota")
_RELEASE = text("UPDATE trainings SET seats_taken = seats_taken - 1 "
                "WHERE id = :id AND seats_taken > 0 RETURNING seats_taken, quota")


class SqlSeats:
    """The seat port of the training unit of work."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def take(self, training_id: uuid.UUID) -> Seat | None:
        """The quota after taking one seat, or None when it is full."""
        row = (await self.session.execute(_TAKE, {"id": training_id})).first()
        return Seat(row.seats_taken, row.quota) if row else None

    async def release(self, training_id: uuid.UUID) -> None:
        await self.session.execute(_RELEASE, {"id": training_id})

    async def next_waiting(self, training_id: uuid.UUID) -> uuid.UUID | None:
        """The longest-waiting enrollment, row-locked; SKIP LOCKED leaves one being cancelled or
        verified right now to its own transaction."""
        return await self.session.scalar(
            select(enrollments.c.id)
            .where(enrollments.c.training_id == training_id, enrollments.c.status == lifecycle.WAITLISTED)
            .order_by(enrollments.c.submitted_at, enrollments.c.id).limit(1)
            .with_for_update(skip_locked=True))
