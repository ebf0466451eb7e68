"""Loading a business and deciding what the caller may do with it."""
from __future__ import annotations

import uuid
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.auth import Claims

from ..adapters.tables import business_members, businesses, products
from ..domain.business import can_manage
from .errors import Forbidden, NotFound

NOT_FOUND = "UKM/Koperasi tidak ditemukan"
NOT_ALLOWED = "Anda bukan anggota UKM/Koperasi ini"
PRODUCT_NOT_FOUND = "Produk tidak ditemukan"


def participant_id(claims: Claims) -> uuid.UUID | None:
    try:
        return uuid.UUID(claims.sub)
    except ValueError:
        return None


async def load_business(s: AsyncSession, business_id: uuid.UUID, *, lock: bool = False) -> Mapping:
    stmt = select(businesses).where(businesses.c.id == business_id)
    row = (await s.execute(stmt.with_for_update() if lock else stmt)).mappings().first()
    if row is None:
        raise NotFound(NOT_FOUND)
    return row


async def membership(s: AsyncSession, business_id: uuid.UUID, claims: Claims | None) -> Mapping | None:
    """The caller's member row (any status), or None."""
    pid = participant_id(claims) if claims else None
    if pid is None:
        return None
    return (await s.execute(select(business_members).where(
        business_members.c.business_id == business_id, business_members.c.participant_id == pid))
    ).mappings().first()


async def is_active_member(s: AsyncSession, business_id: uuid.UUID, claims: Claims | None) -> bool:
    m = await membership(s, business_id, claims)
    return m is not None and m["status"] == "active"


async def require_manager(s: AsyncSession, business_id: uuid.UUID, claims: Claims) -> bool:
    """Raise Forbidden unless the caller is an active member or an admin; True when a member."""
    member = await is_active_member(s, business_id, claims)
    if not can_manage(member, claims.role):
        raise Forbidden(NOT_ALLOWED)
    return member


async def require_member(s: AsyncSession, business_id: uuid.UUID, claims: Claims) -> None:
    if not await is_active_member(s, business_id, claims):
        raise Forbidden(NOT_ALLOWED)


async def load_product(s: AsyncSession, product_id: uuid.UUID, *, lock: bool = False) -> Mapping:
    stmt = select(products).where(products.c.id == product_id)
    row = (await s.execute(stmt.with_for_update() if lock else stmt)).mappings().first()
    if row is None:
        raise NotFound(PRODUCT_NOT_FOUND)
    return row


async def precheck_manager(sessionmaker, claims: Claims, *, business_id: uuid.UUID | None = None,
                           product_id: uuid.UUID | None = None) -> None:
    """Refuse strangers before their (up to 10 MB) form is read; handlers check again in their transaction."""
    async with sessionmaker() as s:
        if product_id is not None:
            business_id = (await load_product(s, product_id))["business_id"]
        await load_business(s, business_id)
        await require_manager(s, business_id, claims)
