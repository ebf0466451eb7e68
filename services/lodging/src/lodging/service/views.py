"""Reads for pages: a participant's stays with roommates, one stay for the admin (plain queries)."""
from __future__ import annotations

import uuid

from sqlalchemy import and_, select

from balai_platform.auth import Claims

from ..adapters.tables import beds, buildings, participants, rooms, stays
from ..domain.errors import NotFound
from ..domain.stay import LABELS
from .access import require_org
from .context import LodgingContext

NOT_FOUND = "Data menginap tidak ditemukan"
_FROM = (stays.outerjoin(beds, beds.c.id == stays.c.bed_id).outerjoin(rooms, rooms.c.id == beds.c.room_id)
         .outerjoin(buildings, buildings.c.id == rooms.c.building_id)
         .outerjoin(participants, participants.c.participant_id == stays.c.participant_id))
_COLS = (stays.c.id, stays.c.org_id, stays.c.enrollment_id, stays.c.training_id, stays.c.training_title,
         stays.c.participant_id, stays.c.participant_name, stays.c.sex, stays.c.first_night, stays.c.last_night,
         stays.c.status, stays.c.need, stays.c.waiting_since, stays.c.checked_in_at, stays.c.checked_out_at,
         stays.c.bed_id, stays.c.held, beds.c.label.label("bed_label"), rooms.c.id.label("room_id"),
         rooms.c.code.label("room_code"), rooms.c.floor, rooms.c.accessible, rooms.c.facilities,
         buildings.c.name.label("building_name"), participants.c.username)


def stay_dict(r, *, admin: bool) -> dict:
    out = dict(stay_id=r.id, training_id=r.training_id, training_title=r.training_title,
               first_night=r.first_night, last_night=r.last_night, status=r.status, status_label=LABELS[r.status],
               need=r.need, building_name=r.building_name, room_id=r.room_id, room_code=r.room_code,
               floor=r.floor, bed_id=r.bed_id, bed_label=r.bed_label, accessible=r.accessible,
               facilities=list(r.facilities or []), checked_in_at=r.checked_in_at, checked_out_at=r.checked_out_at)
    if admin:
        out.update(org_id=r.org_id, enrollment_id=r.enrollment_id, participant_id=r.participant_id,
                   participant_name=r.participant_name, username=r.username or "", sex=r.sex,
                   waiting_since=r.waiting_since)
    return out


async def _roommates(s, r) -> list[str]:
    """First names of the others holding a bed of the same room on one of the stay's nights."""
    if r.room_id is None or r.held is None:
        return []
    other = stays.alias("other")
    rows = await s.scalars(
        select(other.c.participant_name).select_from(other.join(beds, beds.c.id == other.c.bed_id))
        .where(beds.c.room_id == r.room_id, other.c.id != r.id, other.c.held.op("&&")(r.held))
        .order_by(beds.c.label))
    return [name.split()[0] for name in rows if name.strip()]


async def my_stays(ctx: LodgingContext, participant_id: uuid.UUID) -> dict:
    async with ctx.sessionmaker() as s:
        rows = (await s.execute(select(*_COLS).select_from(_FROM)
                                .where(stays.c.participant_id == participant_id, stays.c.status != "released")
                                .order_by(stays.c.first_night.desc()))).all()
        return dict(items=[{**stay_dict(r, admin=False), "roommates": await _roommates(s, r)} for r in rows],
                    today=ctx.clock.today())


async def my_stay(ctx: LodgingContext, participant_id: uuid.UUID, stay_id: uuid.UUID) -> dict:
    async with ctx.sessionmaker() as s:
        r = (await s.execute(select(*_COLS).select_from(_FROM).where(
            and_(stays.c.id == stay_id, stays.c.participant_id == participant_id)))).first()
        if r is None:
            raise NotFound(NOT_FOUND)
        return {**stay_dict(r, admin=False), "roommates": await _roommates(s, r)}


async def admin_stay(ctx: LodgingContext, stay_id: uuid.UUID, claims: Claims | None = None) -> dict:
    """One stay for the admin; with `claims`, only an admin of its organisation may read it."""
    async with ctx.sessionmaker() as s:
        r = (await s.execute(select(*_COLS).select_from(_FROM).where(stays.c.id == stay_id))).first()
        if r is None:
            raise NotFound(NOT_FOUND)
        if claims is not None:
            require_org(claims, r.org_id)
        return stay_dict(r, admin=True)
