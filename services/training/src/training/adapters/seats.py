"""The quota in the database: a seat is taken by a conditional UPDATE (never read-then-write);
the table's CHECK (seats_taken <= quota) is the backstop; the waiting list is read SKIP LOCKED.

Taking a seat locks the training's row until the transaction ends, and every other approval of
that training queues on that lock. While the event loop serves the other requests, each round
trip inside the transaction costs the holder a turn of the loop (milliseconds under a rush), and
the queue on the row grows with every turn. So an approval takes its seat LAST, in the same round
trip as its COMMIT (`take_and_commit`): the enrollment row and its EnrollmentVerified outbox row
are already written, and the statement that takes the seat also writes the seat numbers into that
outbox row. The lock is then held only while the server runs that statement and the COMMIT, with
no client turn in between (bench/training_bench.py measures the difference)."""
from __future__ import annotations

import uuid

import asyncpg
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain import lifecycle
from ..domain.enrollment_facts import Seat
from .tables import enrollments

_TAKE = text("UPDATE trainings SET seats_taken = seats_taken + 1 "
             "WHERE id = :id AND seats_taken < quota RETURNING seats_taken, quota")
# One simple-protocol query: the seat, the event's numbers and the COMMIT in one round trip. The
# seat is taken unconditionally: when the training is full the CHECK seats_within_quota refuses it,
# the server skips the COMMIT and the transaction stays open (aborted) for the caller's rollback.
# Only UUIDs are interpolated (their str() is hex and dashes): nothing a user typed.
_TAKE_AND_COMMIT = """
WITH seat AS (UPDATE trainings SET seats_taken = seats_taken + 1 WHERE id = '{training_id}'
              RETURNING seats_taken, quota)
UPDATE outbox SET payload = jsonb_set(jsonb_set(outbox.payload, '{{data,seats_taken}}', to_jsonb(seat.seats_taken)),
                                      '{{data,quota}}', to_jsonb(seat.quota))
FROM seat WHERE outbox.event_id = '{event_id}';
COMMIT"""
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

    async def take_and_commit(self, training_id: uuid.UUID, event_id: uuid.UUID) -> bool:
        """Take one seat, write its numbers into the outbox row `event_id` (an EnrollmentVerified
        written with placeholder numbers) and COMMIT, in one round trip. False when the training
        was full: nothing is committed and the caller must roll back."""
        sql = _TAKE_AND_COMMIT.format(training_id=uuid.UUID(str(training_id)), event_id=uuid.UUID(str(event_id)))
        raw = await (await self.session.connection()).get_raw_connection()
        try:
            status = await raw.driver_connection.execute(sql)  # no arguments: the simple protocol
        except asyncpg.CheckViolationError as exc:
            if "seats_within_quota" not in (exc.constraint_name or ""):
                raise DBAPIError(sql, None, exc) from exc
            return False
        except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError) as exc:
            # the driver's own error, outside SQLAlchemy: wrap it as SQLAlchemy would, so the
            # service answers a lost database with its 503, as on every other statement
            raise DBAPIError(sql, None, exc) from exc
        if status != "COMMIT":
            raise RuntimeError(f"take_and_commit: unexpected status {status!r}")
        return True

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
