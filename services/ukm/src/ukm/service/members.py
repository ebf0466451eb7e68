"""Joining a business with a post ("Pilih Data UKM/Koperasi"), approval, leaving.

A join is a request until an active member or an admin approves it: otherwise anyone could
read a business's private data by joining it."""
from __future__ import annotations

import uuid

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..domain.business import Business
from .businesses import actor_of
from .context import UkmContext

log = get_logger("members")


async def request_join(ctx: UkmContext, claims: Claims, business_id: uuid.UUID, position_raw: object) -> dict:
    """Ask to join with a jabatan; pending until approved."""
    actor = actor_of(claims)
    position = Business.check_join(actor, position_raw)
    async with ctx.uow() as uow:
        business = await uow.businesses.get(business_id, lock=True)
        member = business.request_join(actor, position, ctx.clock.now())
        await uow.businesses.save(business)
        await uow.commit()
    log.info("member_requested", business_id=str(business_id))
    return dict(business_id=str(business_id), participant_id=str(member.participant_id),
                position=member.position, status=member.status)


async def approve(ctx: UkmContext, claims: Claims, business_id: uuid.UUID, member_id: uuid.UUID) -> dict:
    """An active member or an admin accepts a join request; emits BusinessUpdated."""
    async with ctx.uow() as uow:
        business = await uow.businesses.get(business_id, lock=True)
        member = business.approve(actor_of(claims), member_id, ctx.clock.now())
        await uow.businesses.save(business)
        await uow.commit()
    log.info("member_approved", business_id=str(business_id))
    return dict(business_id=str(business_id), participant_id=str(member_id), position=member.position,
                status=member.status)


async def remove(ctx: UkmContext, claims: Claims, business_id: uuid.UUID, member_id: uuid.UUID) -> None:
    """Leave (oneself), or reject/remove (an active member or admin); the last active member stays."""
    async with ctx.uow() as uow:
        business = await uow.businesses.get(business_id, lock=True)
        business.remove_member(actor_of(claims), member_id, ctx.clock.now())
        await uow.businesses.save(business)
        await uow.commit()
    log.info("member_removed", business_id=str(business_id))
