"""Admin commands on the dormitory: buildings, rooms (create, edit, close, reopen), settings.

Rooms added, enlarged or reopened serve the waiting list at once (oldest first)."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..adapters.tables import buildings, org_settings, rooms
from ..domain.dormitory import bed_labels, check_closure, clean_building, clean_room
from ..domain.errors import Conflict, InvalidInput, NotFound
from .access import org_of, require_org
from .board import rooms_of
from .context import LodgingContext
from .placing import serve_waiting_list

log = get_logger("dormitory")
ROOM_NOT_FOUND = "Kamar tidak ditemukan"
BUILDING_NOT_FOUND = "Wisma/gedung tidak ditemukan"


async def organisations(ctx: LodgingContext, claims: Claims) -> dict:
    """Organisations with a dormitory: all for a superadmin (to choose one), the own one for an admin."""
    if claims.role != "superadmin":
        return dict(items=[dict(org_id=org_of(claims, None))])
    async with ctx.sessionmaker() as s:
        orgs = (await s.scalars(select(buildings.c.org_id).distinct().order_by(buildings.c.org_id))).all()
    return dict(items=[dict(org_id=o) for o in orgs])


async def overview(ctx: LodgingContext, claims: Claims, org_id: uuid.UUID | None) -> dict:
    org = org_of(claims, org_id)
    async with ctx.sessionmaker() as s:
        bl = (await s.execute(select(buildings.c.id, buildings.c.name, buildings.c.notes)
                              .where(buildings.c.org_id == org).order_by(buildings.c.name))).all()
        evening = await s.scalar(select(org_settings.c.arrive_evening_before).where(org_settings.c.org_id == org))
        room_list = await rooms_of(s, org)
    return dict(org_id=org, arrive_evening_before=bool(evening), rooms=room_list,
                buildings=[dict(building_id=b.id, name=b.name, notes=b.notes) for b in bl])


async def set_settings(ctx: LodgingContext, claims: Claims, org_id: uuid.UUID | None, evening: bool) -> dict:
    org = org_of(claims, org_id)
    async with ctx.uow() as uow:
        stmt = insert(org_settings).values(org_id=org, arrive_evening_before=evening)
        await uow.session.execute(stmt.on_conflict_do_update(index_elements=["org_id"],
                                                             set_={"arrive_evening_before": evening}))
        await uow.commit()
    return await overview(ctx, claims, org)


async def save_building(ctx: LodgingContext, claims: Claims, org_id: uuid.UUID | None, data: dict,
                        building_id: uuid.UUID | None = None) -> dict:
    clean = clean_building(data)
    async with ctx.uow() as uow:
        s = uow.session
        if building_id is None:
            org = org_of(claims, org_id)
            building_id = uuid.uuid4()
            stmt = buildings.insert().values(id=building_id, org_id=org, **clean)
        else:
            org = await s.scalar(select(buildings.c.org_id).where(buildings.c.id == building_id))
            if org is None:
                raise NotFound(BUILDING_NOT_FOUND)
            require_org(claims, org)
            stmt = buildings.update().where(buildings.c.id == building_id).values(**clean)
        try:
            async with s.begin_nested():
                await s.execute(stmt)
        except IntegrityError:
            raise InvalidInput({"name": "Nama wisma/gedung sudah dipakai"}) from None
        await uow.commit()
    return dict(building_id=building_id, org_id=org, **clean)


async def _room_org(s, room_id: uuid.UUID, *, lock: bool = True):
    """The room's organisation and bed count, row-locked: placements share-lock an open room, so a
    change waits for them and they see it (lock order: waiting list first, then the room)."""
    stmt = select(rooms.c.org_id, rooms.c.beds).where(rooms.c.id == room_id)
    row = (await s.execute(stmt.with_for_update() if lock else stmt)).first()
    if row is None:
        raise NotFound(ROOM_NOT_FOUND)
    return row


async def _room(ctx: LodgingContext, org: uuid.UUID, room_id: uuid.UUID) -> dict:
    async with ctx.sessionmaker() as s:
        return next(r for r in await rooms_of(s, org) if r["room_id"] == room_id)


async def get_room(ctx: LodgingContext, claims: Claims, room_id: uuid.UUID) -> dict:
    async with ctx.sessionmaker() as s:
        org = await s.scalar(select(rooms.c.org_id).where(rooms.c.id == room_id))
    if org is None:
        raise NotFound(ROOM_NOT_FOUND)
    require_org(claims, org)
    return await _room(ctx, org, room_id)


async def create_room(ctx: LodgingContext, claims: Claims, data: dict) -> dict:
    clean = clean_room(data)
    try:
        building_id = uuid.UUID(str(data.get("building_id")))
    except ValueError:
        raise InvalidInput({"building_id": "Pilih wisma/gedung"}) from None
    room_id = uuid.uuid4()
    async with ctx.uow() as uow:
        s = uow.session
        org = await s.scalar(select(buildings.c.org_id).where(buildings.c.id == building_id))
        if org is None:
            raise InvalidInput({"building_id": "Pilih wisma/gedung"})
        require_org(claims, org)
        await uow.lock_waiting_list(org)
        try:
            async with s.begin_nested():
                await s.execute(rooms.insert().values(id=room_id, org_id=org, building_id=building_id, **clean))
        except IntegrityError:
            raise InvalidInput({"code": "Kode kamar sudah dipakai di wisma/gedung ini"}) from None
        await uow.dormitory.set_beds(room_id, clean["beds"])
        await serve_waiting_list(uow, org, ctx.clock.now(), batch=ctx.settings.waiting_batch)
        await uow.commit()
    log.info("room_created", room_id=str(room_id), beds=clean["beds"])
    return await _room(ctx, org, room_id)


async def update_room(ctx: LodgingContext, claims: Claims, room_id: uuid.UUID, data: dict) -> dict:
    clean = clean_room(data)
    async with ctx.uow() as uow:
        s = uow.session
        org, _ = await _room_org(s, room_id, lock=False)
        require_org(claims, org)
        await uow.lock_waiting_list(org)  # one lock order everywhere: waiting list, then the room
        org, old_beds = await _room_org(s, room_id)
        if clean["beds"] < old_beds and await uow.dormitory.beds_in_use(room_id, bed_labels(old_beds)[clean["beds"]:]):
            raise Conflict("Tempat tidur yang akan dihapus masih tercatat dipakai peserta")
        sex_changed = await s.scalar(select(rooms.c.sex).where(rooms.c.id == room_id)) != clean["sex"]
        if sex_changed and await uow.dormitory.held_during(room_id, ctx.clock.today(), date(9999, 12, 30)):
            raise Conflict("Kamar masih ditempati; pindahkan peserta sebelum mengubah jenis kamar")
        try:
            async with s.begin_nested():
                await s.execute(rooms.update().where(rooms.c.id == room_id).values(**clean))
        except IntegrityError:
            raise InvalidInput({"code": "Kode kamar sudah dipakai di wisma/gedung ini"}) from None
        await uow.dormitory.set_beds(room_id, clean["beds"])
        await serve_waiting_list(uow, org, ctx.clock.now(), batch=ctx.settings.waiting_batch)
        await uow.commit()
    return await _room(ctx, org, room_id)


async def close_room(ctx: LodgingContext, claims: Claims, room_id: uuid.UUID, first: date, last: date) -> dict:
    """Close for maintenance over [first, last]; refused while guests hold beds on those nights."""
    check_closure(first, last)
    async with ctx.uow() as uow:
        org, _ = await _room_org(uow.session, room_id)
        require_org(claims, org)
        busy = await uow.dormitory.held_during(room_id, first, last)
        if busy:
            raise Conflict(f"Masih ada {busy} peserta di kamar ini pada tanggal tersebut; pindahkan dulu")
        await uow.session.execute(rooms.update().where(rooms.c.id == room_id)
                                  .values(closed_from=first, closed_until=last))
        await uow.commit()
    log.info("room_closed", room_id=str(room_id))
    return await _room(ctx, org, room_id)


async def reopen_room(ctx: LodgingContext, claims: Claims, room_id: uuid.UUID) -> dict:
    """Back in use; the waiting list is served at once."""
    async with ctx.uow() as uow:
        org, _ = await _room_org(uow.session, room_id, lock=False)
        require_org(claims, org)
        await uow.lock_waiting_list(org)
        await _room_org(uow.session, room_id)
        await uow.session.execute(rooms.update().where(rooms.c.id == room_id)
                                  .values(closed_from=None, closed_until=None))
        await serve_waiting_list(uow, org, ctx.clock.now(), batch=ctx.settings.waiting_batch)
        await uow.commit()
    log.info("room_reopened", room_id=str(room_id))
    return await _room(ctx, org, room_id)
