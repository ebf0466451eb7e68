"""Stay commands: the participant's check-in, check-out and need; the front desk's moves."""
from __future__ import annotations

import uuid

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..domain.errors import Conflict, NotFound
from ..domain.stay import Bed, Stay
from .access import require_org, require_participant
from .context import LodgingContext
from .placing import serve_waiting_list

log = get_logger("stays")
BED_NOT_FOUND = "Tempat tidur tidak ditemukan"


async def _own(ctx: LodgingContext, claims: Claims, stay_id: uuid.UUID, action) -> Stay:
    participant_id = require_participant(claims)
    async with ctx.uow() as uow:
        stay = await uow.stays.get(stay_id, lock=True)
        stay.ensure_owner(participant_id)
        action(stay)
        await uow.stays.save(stay)
        await uow.commit()
    return stay


async def check_in(ctx: LodgingContext, claims: Claims, stay_id: uuid.UUID) -> Stay:
    """"Konfirmasi Check In Kamar" → Proses: only the participant's own stay, only during its nights."""
    out = await _own(ctx, claims, stay_id, lambda s: s.check_in(ctx.clock.today(), ctx.clock.now(),
                                                                by_front_desk=False))
    log.info("checked_in", stay_id=str(stay_id), by_front_desk=False)
    return out


async def check_out(ctx: LodgingContext, claims: Claims, stay_id: uuid.UUID) -> Stay:
    """The participant leaves; the bed is free for the nights not slept."""
    out = await _own(ctx, claims, stay_id, lambda s: s.check_out(ctx.clock.today(), ctx.clock.now(),
                                                                 by_front_desk=False))
    log.info("checked_out", stay_id=str(stay_id), by_front_desk=False)
    return out


async def note_need(ctx: LodgingContext, claims: Claims, stay_id: uuid.UUID, need: str) -> Stay:
    """The participant notes a need (e.g. an accessible room) the admin sees on the board."""
    return await _own(ctx, claims, stay_id, lambda s: s.note_need(need))


async def _admin(ctx: LodgingContext, claims: Claims, stay_id: uuid.UUID, action, *, frees_bed: bool) -> Stay:
    async with ctx.uow() as uow:
        stay = await uow.stays.get(stay_id)
        require_org(claims, stay.guest.org_id)
        if frees_bed:  # the waiting-list lock before any bed changes hands (one lock order everywhere)
            await uow.lock_waiting_list(stay.guest.org_id)
        stay = await uow.stays.get(stay_id, lock=True)
        await action(uow, stay)
        await uow.stays.save(stay)
        if frees_bed:
            await serve_waiting_list(uow, stay.guest.org_id, ctx.clock.now(), batch=ctx.settings.waiting_batch)
        await uow.commit()
    return stay


async def reassign(ctx: LodgingContext, claims: Claims, stay_id: uuid.UUID, bed_id: uuid.UUID) -> Stay:
    """Move a guest (or place a waiting one) in a chosen bed; the constraint refuses a taken bed."""
    async def move(uow, stay: Stay) -> None:
        info = await uow.dormitory.bed(bed_id)
        if info is None or info.org_id != stay.guest.org_id:
            raise NotFound(BED_NOT_FOUND)
        if info.sex != stay.guest.sex:
            raise Conflict("Kamar itu untuk " + ("laki-laki" if info.sex == "L" else "perempuan"))
        first, last = stay.guest.first_night, stay.guest.last_night
        if info.closed_from is not None and info.closed_from <= last and first <= info.closed_until:
            raise Conflict("Kamar itu ditutup untuk perbaikan pada sebagian malam tersebut")
        if stay.bed is not None and stay.bed.bed_id == bed_id:
            raise Conflict("Peserta sudah menempati tempat tidur itu")
        stay.assign(Bed(bed_id=info.bed_id, bed_label=info.bed_label, room_id=info.room_id,
                        room_code=info.room_code, floor=info.floor, building_name=info.building_name),
                    ctx.clock.now())
    out = await _admin(ctx, claims, stay_id, move, frees_bed=True)
    log.info("stay_reassigned", stay_id=str(stay_id), bed_id=str(bed_id))
    return out


async def release(ctx: LodgingContext, claims: Claims, stay_id: uuid.UUID) -> Stay:
    """The admin frees the bed (the guest will not come); the waiting list moves."""
    async def free(uow, stay: Stay) -> None:
        if not stay.release("released by admin", ctx.clock.now()):
            raise Conflict("Data menginap ini sudah selesai atau dilepas")
    out = await _admin(ctx, claims, stay_id, free, frees_bed=True)
    log.info("stay_released", stay_id=str(stay_id), reason="released by admin")
    return out


async def front_desk_check_in(ctx: LodgingContext, claims: Claims, stay_id: uuid.UUID) -> Stay:
    async def act(uow, stay: Stay) -> None:
        stay.check_in(ctx.clock.today(), ctx.clock.now(), by_front_desk=True)
    return await _admin(ctx, claims, stay_id, act, frees_bed=False)


async def front_desk_check_out(ctx: LodgingContext, claims: Claims, stay_id: uuid.UUID) -> Stay:
    async def act(uow, stay: Stay) -> None:
        stay.check_out(ctx.clock.today(), ctx.clock.now(), by_front_desk=True)
    return await _admin(ctx, claims, stay_id, act, frees_bed=True)
