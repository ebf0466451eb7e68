"""The dormitory in SQL: the snapshot the assignment rules choose from, buildings, rooms and beds."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import and_, delete, func, select
from sqlalchemy.dialects.postgresql import DATERANGE, Range
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain.assignment import Occupant, RoomSnapshot
from ..domain.dormitory import bed_labels
from .tables import beds, buildings, org_settings, rooms, stays


def nights_range(first: date, end: date) -> Range:
    return Range(first, end, bounds="[)")


class Dormitory:
    """Rooms and beds of one database session (the lodging unit of work's dormitory port)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def snapshot(self, org_id: uuid.UUID, sex: str, first: date, end: date) -> list[RoomSnapshot]:
        """Rooms of that sex with their beds and who holds them on any of the nights [first, end)."""
        nights = func.cast(nights_range(first, end), DATERANGE)
        closed = and_(rooms.c.closed_from.is_not(None),
                      func.daterange(rooms.c.closed_from, rooms.c.closed_until, "[]").op("&&")(nights))
        stmt = (select(rooms.c.id, rooms.c.code, rooms.c.floor, buildings.c.name, rooms.c.sex, closed.label("closed"),
                       beds.c.id.label("bed_id"), beds.c.label, stays.c.training_id, stays.c.business_id,
                       stays.c.bed_id.label("held_bed"))
                .select_from(rooms.join(buildings, buildings.c.id == rooms.c.building_id)
                             .join(beds, beds.c.room_id == rooms.c.id)
                             .outerjoin(stays, and_(stays.c.bed_id == beds.c.id, stays.c.held.op("&&")(nights))))
                .where(rooms.c.org_id == org_id, rooms.c.sex == sex))
        out: dict[uuid.UUID, RoomSnapshot] = {}
        for r in (await self.session.execute(stmt)).all():
            room = out.get(r.id)
            if room is None:
                room = out[r.id] = RoomSnapshot(room_id=r.id, code=r.code, floor=r.floor, building_name=r.name,
                                                sex=r.sex, closed=bool(r.closed), beds=[])
            if all(b[0] != r.bed_id for b in room.beds):
                room.beds.append((r.bed_id, r.label))
            if r.held_bed is not None:
                room.taken.add(r.held_bed)
                room.occupants.append(Occupant(r.training_id, r.business_id))
        return list(out.values())

    async def arrive_evening_before(self, org_id: uuid.UUID) -> bool:
        return bool(await self.session.scalar(
            select(org_settings.c.arrive_evening_before).where(org_settings.c.org_id == org_id)))

    async def set_beds(self, room_id: uuid.UUID, count: int) -> None:
        """Add beds up to `count`, or remove the last ones when no stay ever held them."""
        existing = dict((await self.session.execute(
            select(beds.c.label, beds.c.id).where(beds.c.room_id == room_id))).all())
        wanted = bed_labels(count)
        for label in wanted:
            if label not in existing:
                await self.session.execute(beds.insert().values(id=uuid.uuid4(), room_id=room_id, label=label))
        extra = [bid for label, bid in existing.items() if label not in wanted]
        if extra:
            await self.session.execute(delete(beds).where(beds.c.id.in_(extra)))

    async def beds_in_use(self, room_id: uuid.UUID, labels: list[str] | None = None) -> int:
        """Stays that ever held a bed of the room (optionally only beds with those labels)."""
        stmt = (select(func.count()).select_from(stays.join(beds, beds.c.id == stays.c.bed_id))
                .where(beds.c.room_id == room_id))
        if labels is not None:
            stmt = stmt.where(beds.c.label.in_(labels))
        return int(await self.session.scalar(stmt) or 0)

    async def held_during(self, room_id: uuid.UUID, first: date, last: date) -> int:
        """Stays holding a bed of the room on a night between first and last (inclusive)."""
        nights = func.cast(Range(first, last, bounds="[]"), DATERANGE)
        return int(await self.session.scalar(
            select(func.count()).select_from(stays.join(beds, beds.c.id == stays.c.bed_id))
            .where(beds.c.room_id == room_id, stays.c.held.op("&&")(nights))) or 0)


    async def bed(self, bed_id: uuid.UUID):
        """A bed with its room's facts (org, sex, closure) and what events carry; None if unknown."""
        return (await self.session.execute(
            select(beds.c.id.label("bed_id"), beds.c.label.label("bed_label"), rooms.c.id.label("room_id"),
                   rooms.c.code.label("room_code"), rooms.c.floor, buildings.c.name.label("building_name"),
                   rooms.c.org_id, rooms.c.sex, rooms.c.closed_from, rooms.c.closed_until)
            .select_from(beds.join(rooms, rooms.c.id == beds.c.room_id)
                         .join(buildings, buildings.c.id == rooms.c.building_id))
            .where(beds.c.id == bed_id))).first()
