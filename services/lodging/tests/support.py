"""Helpers of the lodging integration tests (tests/integration/test_lodging_*.py)."""
from __future__ import annotations

import contextlib
import uuid
from datetime import UTC, date, datetime

import asyncpg

from balai_contracts.envelope import Envelope
from balai_contracts.training import AttendanceConfirmedV1, EnrollmentCancelledV1
from services.ukm.tests.support import login, publish, wait_for

__all__ = ["API", "attendance", "cancellation", "connect", "dormitory", "login", "publish", "second_instance",
           "wait_for"]
API = "/api/lodging"


def attendance(org_id: uuid.UUID, **over) -> Envelope:
    data = dict(enrollment_id=uuid.uuid4(), org_id=org_id, training_id=uuid.uuid4(),
                training_title="Koperasi Modern Angkatan 9", start_date=date(2027, 3, 1), end_date=date(2027, 3, 4),
                mode="residential", residential=True, participant_id=uuid.uuid4(), participant_name="Budi Santoso",
                sex="L", business_id=uuid.uuid4(), business_name="Usaha Maju", confirmed_at=datetime.now(UTC))
    data.update(over)
    event = AttendanceConfirmedV1(**data)
    return Envelope.wrap(event, source="training", subject=str(event.enrollment_id))


def cancellation(confirmed: Envelope) -> Envelope:
    d = confirmed.data
    keys = ("enrollment_id", "org_id", "training_id", "training_title", "start_date", "end_date", "mode",
            "participant_id", "participant_name", "business_id", "business_name")
    event = EnrollmentCancelledV1(**{k: d[k] for k in keys}, previous_status="confirmed", residential=True,
                                  reason="", cancelled_at=datetime.now(UTC))
    return Envelope.wrap(event, source="training", subject=confirmed.subject)


async def connect(stack) -> asyncpg.Connection:
    return await asyncpg.connect(stack.database_url("lodging").replace("postgresql+asyncpg://", "postgresql://", 1))


async def dormitory(conn: asyncpg.Connection, org_id: uuid.UUID, rooms: int, beds: int, sex: str = "L") -> list:
    """`rooms` rooms of `beds` beds in one building of a fresh organisation; returns the bed ids."""
    building = uuid.uuid4()
    await conn.execute("INSERT INTO buildings (id, org_id, name) VALUES ($1, $2, $3)", building, org_id,
                       f"Wisma Uji {building.hex[:6]}")
    out = []
    for r in range(rooms):
        room = uuid.uuid4()
        await conn.execute("INSERT INTO rooms (id, org_id, building_id, code, floor, beds, sex) "
                           "VALUES ($1, $2, $3, $4, 1, $5, $6)", room, org_id, building, f"K{r + 1:02d}", beds, sex)
        for b in range(beds):
            bed = uuid.uuid4()
            await conn.execute("INSERT INTO beds (id, room_id, label) VALUES ($1, $2, $3)", bed, room, chr(65 + b))
            out.append(bed)
    return out


async def double_bookings(conn: asyncpg.Connection, org_id: uuid.UUID) -> int:
    return await conn.fetchval(
        "SELECT count(*) FROM stays a JOIN stays b ON a.bed_id = b.bed_id AND a.id < b.id AND a.held && b.held "
        "WHERE a.org_id = $1", org_id)


@contextlib.contextmanager
def second_instance(stack):
    """A second lodging process beside the stack's one: same database, same consumer groups."""
    with stack.second_instance("lodging") as (proc, log):
        yield proc, log
