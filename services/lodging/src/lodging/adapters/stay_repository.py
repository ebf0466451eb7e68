"""Stays in and out of the database; the exclusion constraint's refusal becomes BedTaken."""
from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import Range, insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain.errors import BedTaken, NotFound
from ..domain.stay import Bed, Guest, Stay
from .tables import beds, buildings, rooms, stays

if TYPE_CHECKING:
    from balai_platform.uow import UnitOfWork

NOT_FOUND = "Data menginap tidak ditemukan"
EXCLUSION_VIOLATION = "23P01"

_COLUMNS = [stays, beds.c.label.label("bed_label"), rooms.c.id.label("room_id"), rooms.c.code.label("room_code"),
            rooms.c.floor, buildings.c.name.label("building_name")]
_FROM = stays.outerjoin(beds, beds.c.id == stays.c.bed_id).outerjoin(rooms, rooms.c.id == beds.c.room_id) \
    .outerjoin(buildings, buildings.c.id == rooms.c.building_id)


def is_bed_taken(exc: DBAPIError) -> bool:
    return getattr(exc.orig, "sqlstate", None) == EXCLUSION_VIOLATION or "no_double_booking" in str(exc.orig)


def _stay(row) -> Stay:
    guest = Guest(enrollment_id=row.enrollment_id, org_id=row.org_id, training_id=row.training_id,
                  training_title=row.training_title, participant_id=row.participant_id,
                  participant_name=row.participant_name, sex=row.sex, business_id=row.business_id,
                  first_night=row.first_night, last_night=row.last_night)
    bed = None if row.bed_id is None else Bed(bed_id=row.bed_id, bed_label=row.bed_label, room_id=row.room_id,
                                              room_code=row.room_code, floor=row.floor,
                                              building_name=row.building_name)
    held = None if row.held is None or row.held.isempty else (row.held.lower, row.held.upper)
    if row.held is not None and row.held.isempty:
        held = (row.first_night, row.first_night)
    return Stay(id=row.id, guest=guest, status=row.status, created_at=row.created_at, bed=bed, held=held,
                waiting_since=row.waiting_since, checked_in_at=row.checked_in_at,
                checked_out_at=row.checked_out_at, need=row.need)


def _values(stay: Stay) -> dict:
    return dict(status=stay.status, bed_id=stay.bed.bed_id if stay.bed else None,
                held=Range(*stay.held) if stay.held else None, need=stay.need, waiting_since=stay.waiting_since,
                checked_in_at=stay.checked_in_at, checked_out_at=stay.checked_out_at)


class StayRepository:
    def __init__(self, session: AsyncSession, uow: UnitOfWork) -> None:
        self.session, self.uow = session, uow

    async def _one(self, where, lock: bool) -> Stay | None:
        stmt = select(*_COLUMNS).select_from(_FROM).where(where)
        if lock:
            stmt = stmt.with_for_update(of=stays)
        row = (await self.session.execute(stmt)).first()
        if row is None:
            return None
        stay = _stay(row)
        self.uow.track(stay)
        return stay

    async def get(self, stay_id: uuid.UUID, *, lock: bool = False) -> Stay:
        stay = await self._one(stays.c.id == stay_id, lock)
        if stay is None:
            raise NotFound(NOT_FOUND)
        return stay

    async def by_enrollment(self, enrollment_id: uuid.UUID, *, lock: bool = False) -> Stay | None:
        return await self._one(stays.c.enrollment_id == enrollment_id, lock)

    async def add(self, stay: Stay) -> bool:
        """Insert a new stay; False when the enrollment already has one (the unique key refused)."""
        g = stay.guest
        row = dict(id=stay.id, org_id=g.org_id, enrollment_id=g.enrollment_id, training_id=g.training_id,
                   training_title=g.training_title, participant_id=g.participant_id,
                   participant_name=g.participant_name, sex=g.sex, business_id=g.business_id,
                   first_night=g.first_night, last_night=g.last_night, created_at=stay.created_at,
                   updated_at=stay.created_at, **_values(stay))
        done = await self.session.scalar(insert(stays).values(**row)
                                         .on_conflict_do_nothing(index_elements=["enrollment_id"])
                                         .returning(stays.c.id))
        if done is not None:
            self.uow.track(stay)
        return done is not None

    async def save(self, stay: Stay) -> None:
        """Write the stay; a bed already held on one of its nights raises BedTaken (savepoint rolled back)."""
        try:
            async with self.session.begin_nested():
                await self.session.execute(stays.update().where(stays.c.id == stay.id)
                                           .values(updated_at=func.now(), **_values(stay)))
        except DBAPIError as exc:
            if is_bed_taken(exc):
                raise BedTaken() from None
            raise

    async def oldest_waiting(self, org_id: uuid.UUID, limit: int = 500) -> list[tuple[uuid.UUID, tuple]]:
        """Waiting stays of the organisation as (id, (sex, first night, last night)), the longest-waiting
        first; SKIP LOCKED leaves those another transaction is placing right now to it."""
        rows = (await self.session.execute(
            select(stays.c.id, stays.c.sex, stays.c.first_night, stays.c.last_night)
            .where(stays.c.org_id == org_id, stays.c.status == "waiting")
            .order_by(stays.c.waiting_since, stays.c.id).limit(limit).with_for_update(skip_locked=True))).all()
        return [(r.id, (r.sex, r.first_night, r.last_night)) for r in rows]
