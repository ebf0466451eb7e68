"""The dormitory in SQL: the snapshot the assignment rules choose from, buildings, rooms and beds."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import bindparam, delete, func, select, text
from sqlalchemy.dialects.postgresql import DATERANGE, Range
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain.assignment import Occupant, RoomSnapshot
from ..domain.dormitory import bed_labels
from .tables import beds, buildings, org_settings, rooms, stays

_SNAPSHOT = text("""
SELECT r.id, r.code, r.floor, bl.name, r.sex,
       array_agg(b.id ORDER BY b.label) FILTER (WHERE s.id IS NULL) AS free_ids,
       array_agg(b.label ORDER BY b.label) FILTER (WHERE s.id IS NULL) AS free_labels,
       array_agg(s.training_id) FILTER (WHERE s.id IS NOT NULL) AS trainings,
       array_agg(s.business_id) FILTER (WHERE s.id IS NOT NULL) AS businesses
FROM rooms r
JOIN buildings bl ON bl.id = r.building_id
JOIN beds b ON b.room_id = r.id
LEFT JOIN stays s ON s.bed_id = b.id AND s.held && :nights
WHERE r.org_id = :org AND r.sex = :sex
  AND (r.closed_from IS NULL OR NOT daterange(r.closed_from, r.closed_until, '[]') && :nights)
GROUP BY r.id, bl.name
HAVING count(*) FILTER (WHERE s.id IS NULL) > 0
""").bindparams(bindparam("nights", type_=DATERANGE))


_HOLD_OPEN = text("""
SELECT true FROM rooms WHERE id = :room AND sex = :sex
  AND (closed_from IS NULL OR NOT daterange(closed_from, closed_until, '[]') && :nights)
FOR SHARE
""").bindparams(bindparam("nights", type_=DATERANGE))


def nights_range(first: date, end: date) -> Range:
    return Range(first, end, bounds="[)")


class Dormitory:
    """Rooms and beds of one database session (the lodging unit of work's dormitory port)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def snapshot(self, org_id: uuid.UUID, sex: str, first: date, end: date) -> list[RoomSnapshot]:
        """Open rooms of that sex with at least one bed free on all the nights [first, end): their free
        beds and who holds the others (aggregated in SQL: one row per room, full rooms left out)."""
        rows = (await self.session.execute(_SNAPSHOT, {"org": org_id, "sex": sex,
                                                       "nights": nights_range(first, end)})).all()
        return [RoomSnapshot(room_id=r.id, code=r.code, floor=r.floor, building_name=r.name, sex=r.sex,
                             closed=False, beds=list(zip(r.free_ids, r.free_labels, strict=True)),
                             occupants=[Occupant(t, b) for t, b in zip(r.trainings or [], r.businesses or [],
                                                                       strict=True)])
                for r in rows]

    async def hold_room_open(self, room_id: uuid.UUID, sex: str, first: date, end: date) -> bool:
        """Share-lock the room while it is open to that sex for the nights [first, end): a concurrent
        close or change of the room (FOR UPDATE) waits for this transaction, or this one sees it."""
        return bool(await self.session.scalar(_HOLD_OPEN, {"room": room_id, "sex": sex,
                                                           "nights": nights_range(first, end)}))

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
