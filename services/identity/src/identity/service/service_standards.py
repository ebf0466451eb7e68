"""Standar Pelayanan: the public lists and the admin's save (emits ServiceStandardsPublished)."""
from __future__ import annotations

import uuid

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..adapters.service_standards import all_public
from ..domain.service_standards import validate_deadlines, validate_services
from .context import IdentityContext
from .errors import Forbidden

log = get_logger("service_standards")
NOT_YOUR_ORG = "Anda hanya dapat mengelola standar pelayanan organisasi Anda"


def ensure_org_admin(claims: Claims, org_id: uuid.UUID) -> None:
    if claims.role == "superadmin":
        return
    if claims.role != "admin" or claims.org != str(org_id):
        raise Forbidden(NOT_YOUR_ORG)


async def public_all(ctx: IdentityContext) -> dict:
    async with ctx.sessionmaker() as s:
        items = await all_public(s)
    return {"items": [std.to_dict() for std in items]}


async def public_one(ctx: IdentityContext, org_id: uuid.UUID) -> dict:
    async with ctx.uow() as uow:
        std = await uow.service_standards.get(org_id)
    return std.to_dict()


async def admin_get(ctx: IdentityContext, claims: Claims, org_id: uuid.UUID) -> dict:
    ensure_org_admin(claims, org_id)
    return await public_one(ctx, org_id)


async def save(ctx: IdentityContext, claims: Claims, org_id: uuid.UUID, raw: dict) -> dict:
    """The organisation's admin (or a superadmin) saves the whole standard; emits ServiceStandardsPublished."""
    ensure_org_admin(claims, org_id)
    services = validate_services(raw.get("services"))
    deadlines = validate_deadlines(raw.get("deadlines"))
    async with ctx.uow() as uow:
        std = await uow.service_standards.get(org_id, lock=True)
        std.publish(services, deadlines, ctx.now())
        await uow.service_standards.save(std)
        await uow.commit()
    log.info("service_standards_published", org_id=str(org_id), version=std.version)
    return std.to_dict()
