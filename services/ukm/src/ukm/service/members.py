"""Joining a business with a post ("Pilih Data UKM/Koperasi"), approval, leaving.

A join is a request until an active member or an admin approves it: otherwise anyone could
read a business's private data by joining it."""
from __future__ import annotations

import uuid

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..adapters.tables import business_members
from ..domain.validation import validate_position
from .access import load_business, participant_id, require_manager
from .businesses import _audit
from .context import UkmContext
from .errors import Conflict, Forbidden, InvalidInput, NotFound
from .events import emit_business

log = get_logger("members")
ALREADY = "Anda sudah terdaftar (atau menunggu persetujuan) di UKM/Koperasi ini"


async def request_join(ctx: UkmContext, claims: Claims, business_id: uuid.UUID, position_raw: object) -> dict:
    """Ask to join with a jabatan; pending until approved."""
    pid = participant_id(claims)
    if claims.role != "peserta" or pid is None:
        raise Forbidden("Hanya peserta yang dapat bergabung dengan UKM/Koperasi")
    position, errors = validate_position(position_raw)
    if errors:
        raise InvalidInput(errors)
    now = ctx.clock.now()
    async with ctx.sessionmaker() as s, s.begin():
        await load_business(s, business_id, lock=True)
        added = (await s.execute(insert(business_members).values(
            business_id=business_id, participant_id=pid, position=position, status="pending", joined_at=now)
            .on_conflict_do_nothing().returning(business_members.c.participant_id))).first()
        if added is None:
            raise Conflict(ALREADY)
        await _audit(s, business_id, claims, "member_requested",
                     {"member": {"old": None, "new": {"participant_id": str(pid), "position": position}}}, now)
    log.info("member_requested", business_id=str(business_id))
    return dict(business_id=str(business_id), participant_id=str(pid), position=position, status="pending")


async def approve(ctx: UkmContext, claims: Claims, business_id: uuid.UUID, member_id: uuid.UUID) -> dict:
    """An active member or an admin accepts a join request; emits BusinessUpdated."""
    now = ctx.clock.now()
    async with ctx.sessionmaker() as s, s.begin():
        await load_business(s, business_id, lock=True)
        await require_manager(s, business_id, claims)
        row = (await s.execute(update(business_members).where(
            business_members.c.business_id == business_id, business_members.c.participant_id == member_id,
            business_members.c.status == "pending").values(status="active")
            .returning(business_members.c.position))).first()
        if row is None:
            raise NotFound("Permintaan bergabung tidak ditemukan")
        await _audit(s, business_id, claims, "member_approved",
                     {"member": {"old": None, "new": {"participant_id": str(member_id), "position": row.position}}}, now)
        await emit_business(ctx, s, business_id, now)
    log.info("member_approved", business_id=str(business_id))
    return dict(business_id=str(business_id), participant_id=str(member_id), position=row.position, status="active")


async def remove(ctx: UkmContext, claims: Claims, business_id: uuid.UUID, member_id: uuid.UUID) -> None:
    """Leave (oneself), or reject/remove (an active member or admin); the last active member stays."""
    now = ctx.clock.now()
    async with ctx.sessionmaker() as s, s.begin():
        await load_business(s, business_id, lock=True)
        if participant_id(claims) != member_id:
            await require_manager(s, business_id, claims)
        row = (await s.execute(select(business_members).where(
            business_members.c.business_id == business_id, business_members.c.participant_id == member_id))
        ).mappings().first()
        if row is None:
            raise NotFound("Anggota tidak ditemukan")
        if row["status"] == "active":
            active = await s.scalar(select(func.count()).select_from(business_members).where(
                business_members.c.business_id == business_id, business_members.c.status == "active"))
            if active <= 1:
                raise Conflict("Anggota terakhir tidak dapat dihapus")
        await s.execute(delete(business_members).where(
            business_members.c.business_id == business_id, business_members.c.participant_id == member_id))
        await _audit(s, business_id, claims, "member_removed",
                     {"member": {"old": {"participant_id": str(member_id), "position": row["position"]},
                                 "new": None}}, now)
        if row["status"] == "active":
            await emit_business(ctx, s, business_id, now)
