"""Registering ("Daftarkan UKM/Koperasi"), editing and reading a business."""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import timedelta

from sqlalchemy import select

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..adapters.tables import business_members, participants, products
from ..domain.actors import Actor
from ..domain.business import PESERTA_ONLY, Business
from ..domain.photo import check_photos
from ..domain.product import Product
from .access import load_business, participant_id
from .context import UkmContext
from .errors import Forbidden
from .views import business_private, business_public, member_view, product_view

log = get_logger("businesses")


def actor_of(claims: Claims) -> Actor:
    """The caller as the domain sees it."""
    try:
        org = uuid.UUID(claims.org) if claims.org else None
    except ValueError:
        org = None
    return Actor(participant_id=participant_id(claims), role=claims.role, username=claims.username, org_id=org)


def ensure_can_register(claims: Claims) -> uuid.UUID:
    pid = participant_id(claims)
    if claims.role != "peserta" or pid is None:
        raise Forbidden(PESERTA_ONLY)
    return pid


async def register_business(ctx: UkmContext, claims: Claims, data: Mapping,
                            photos: dict[int, bytes | None]) -> dict:
    """Create the business, make the caller a member, one product per photo; emit BusinessRegistered."""
    checked, photo_errors = check_photos(photos, first_required=True)
    now = ctx.clock.now()
    business = Business.register(uuid.uuid4(), data, actor_of(claims), now, errors=photo_errors)
    names = business.registration_product_names(len(checked))
    async with ctx.uow() as uow:
        await uow.businesses.add(business)
        for i, (name, photo) in enumerate(zip(names, checked.values(), strict=False)):
            form = dict(name=name, description=business.data["specification"], category=business.data["product_type"])
            # a microsecond apart: the products list keeps the photos' order
            await uow.products.add(Product.create(uuid.uuid4(), business.id, form, {1: photo},
                                                  now + timedelta(microseconds=i)))
        await uow.commit()
    log.info("business_registered", business_id=str(business.id), products=len(checked))
    return await get_business(ctx, claims, business.id)


async def update_business(ctx: UkmContext, claims: Claims, business_id: uuid.UUID, data: Mapping) -> dict:
    """Edit the fields given; record old/new values in the audit; emit BusinessUpdated."""
    Business.edited_fields(data)
    async with ctx.uow() as uow:
        business = await uow.businesses.get(business_id, lock=True)
        changed = business.update(data, actor_of(claims), ctx.clock.now())
        await uow.businesses.save(business)
        await uow.commit()
    log.info("business_updated", business_id=str(business_id), fields=changed)
    return await get_business(ctx, claims, business_id)


async def get_business(ctx: UkmContext, claims: Claims, business_id: uuid.UUID) -> dict:
    """BusinessDetail: public fields for anyone logged in; `private` and `members` for members and admins."""
    async with ctx.sessionmaker() as s:
        b = await load_business(s, business_id)
        mine = None
        pid = participant_id(claims)
        rows = (await s.execute(
            select(business_members, participants.c.full_name)
            .join(participants, participants.c.participant_id == business_members.c.participant_id, isouter=True)
            .where(business_members.c.business_id == business_id).order_by(business_members.c.joined_at)
        )).mappings().all()
        prods = (await s.execute(select(products).where(products.c.business_id == business_id)
                                 .order_by(products.c.created_at, products.c.id))).mappings().all()
    mine = next((m for m in rows if m["participant_id"] == pid), None)
    is_member = mine is not None and mine["status"] == "active"
    allowed = is_member or claims.is_admin
    out = business_public(b)
    out.update(
        is_member=is_member, my_position=mine["position"] if mine else None,
        my_status=mine["status"] if mine else None, can_edit=allowed,
        private=business_private(b) if allowed else None,
        members=[member_view(m) for m in rows] if allowed else None,
        products=[product_view(p, ctx.photo_url) for p in prods],
    )
    return out
