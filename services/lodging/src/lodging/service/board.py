"""The admin's occupancy board: rooms × nights, who sleeps where, free beds, the waiting list."""
from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.dialects.postgresql import DATERANGE, Range

from balai_platform.auth import Claims

from ..adapters.tables import beds, buildings, participants, rooms, stays
from ..domain.errors import InvalidInput
from .access import org_of
from .context import LodgingContext
from .views import _COLS, _FROM, stay_dict

MAX_NIGHTS = 31


def _matches(q: str, training: str):
    conds = []
    if q:
        like = f"%{q.lower()}%"
        conds.append(or_(func.lower(participants.c.username).like(like),
                         func.lower(stays.c.participant_name).like(like)))
    if training:
        conds.append(func.lower(stays.c.training_title).like(f"%{training.lower()}%"))
    return conds


async def rooms_of(s, org_id: uuid.UUID) -> list[dict]:
    rows = (await s.execute(
        select(rooms, buildings.c.name.label("building_name"), beds.c.id.label("bed_id"), beds.c.label)
        .select_from(rooms.join(buildings, buildings.c.id == rooms.c.building_id)
                     .outerjoin(beds, beds.c.room_id == rooms.c.id))
        .where(rooms.c.org_id == org_id)
        .order_by(buildings.c.name, rooms.c.floor, rooms.c.code, beds.c.label))).all()
    out: dict[uuid.UUID, dict] = {}
    for r in rows:
        room = out.setdefault(r.id, dict(
            room_id=r.id, building_id=r.building_id, building_name=r.building_name, code=r.code, floor=r.floor,
            sex=r.sex, accessible=r.accessible, facilities=list(r.facilities), notes=r.notes,
            closed_from=r.closed_from, closed_until=r.closed_until, bed_count=r.beds, beds=[]))
        if r.bed_id is not None:
            room["beds"].append(dict(bed_id=r.bed_id, label=r.label, stays=[]))
    return list(out.values())


async def board(ctx: LodgingContext, claims: Claims, org_id: uuid.UUID | None, start: date | None,
                end: date | None, q: str = "", training: str = "") -> dict:
    """The board for nights start..end (inclusive, at most a month), optionally searched."""
    org = org_of(claims, org_id)
    start = start or ctx.clock.today()
    end = end or start + timedelta(days=6)
    if end < start or (end - start).days >= MAX_NIGHTS:
        raise InvalidInput({"end": f"Rentang tanggal 1–{MAX_NIGHTS} malam, tanggal akhir tidak sebelum awal"})
    nights = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    window = func.cast(Range(start, end + timedelta(days=1), bounds="[)"), DATERANGE)
    async with ctx.sessionmaker() as s:
        room_list = await rooms_of(s, org)
        held = (await s.execute(select(*_COLS).select_from(_FROM).where(
            stays.c.org_id == org, stays.c.held.op("&&")(window)).order_by(stays.c.first_night))).all()
        waiting = (await s.execute(select(*_COLS).select_from(_FROM).where(
            stays.c.org_id == org, stays.c.status == "waiting", *_matches(q, training))
            .order_by(stays.c.waiting_since, stays.c.id).limit(500))).all()
        shown = None
        if q or training:
            shown = set((await s.scalars(select(stays.c.id).select_from(_FROM).where(
                stays.c.org_id == org, stays.c.held.op("&&")(window), *_matches(q, training)))).all())
    by_bed: dict[uuid.UUID, list] = {}
    for r in held:
        by_bed.setdefault(r.bed_id, []).append(r)
    free = [0] * len(nights)
    for room in room_list:
        for bed in room["beds"]:
            rows = by_bed.get(bed["bed_id"], [])
            for i, night in enumerate(nights):
                closed = room["closed_from"] is not None and room["closed_from"] <= night <= room["closed_until"]
                if not closed and not any(r.held.lower <= night < r.held.upper for r in rows if not r.held.isempty):
                    free[i] += 1
            bed["stays"] = [stay_dict(r, admin=True) for r in rows if shown is None or r.id in shown]
    return dict(org_id=org, start=start, end=end, nights=nights, free_beds=free, rooms=room_list,
                waiting=[stay_dict(r, admin=True) for r in waiting], q=q, training=training)


async def training_list(ctx: LodgingContext, claims: Claims, training_id: uuid.UUID) -> dict:
    """"Daftar Kamar Peserta" of one training for the front desk: who sleeps where, waiting ones last."""
    async with ctx.sessionmaker() as s:
        rows = (await s.execute(select(*_COLS).select_from(_FROM).where(
            stays.c.training_id == training_id, stays.c.status != "released")
            .order_by(buildings.c.name, rooms.c.floor, rooms.c.code, beds.c.label, stays.c.participant_name))).all()
    org = rows[0].org_id if rows else None
    if org is not None:
        org_of(claims, org)
    else:
        org_of(claims, uuid.UUID(claims.org) if claims.org else uuid.UUID(int=0))
    items = [stay_dict(r, admin=True) for r in rows]
    title = rows[0].training_title if rows else ""
    return dict(training_id=training_id, training_title=title, items=items)
