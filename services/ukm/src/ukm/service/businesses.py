"""Registering ("Daftarkan UKM/Koperasi"), editing and reading a business."""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from balai_platform.auth import Claims
from balai_platform.logging import get_logger
from balai_platform.regions import region_name

from ..adapters.tables import (
    business_audit,
    business_members,
    businesses,
    participants,
    products,
)
from ..domain.business import audit_changes, registration_product_names
from ..domain.money import size_class
from ..domain.photo import check_photos
from ..domain.validation import BUSINESS_FIELDS, validate_business, validate_position
from . import publishing
from .access import load_business, participant_id, require_manager
from .context import UkmContext
from .errors import Forbidden, InvalidInput
from .events import emit_business
from .products import insert_product
from .views import business_private, business_public, member_view, product_view

log = get_logger("businesses")
PESERTA_ONLY = "Pendaftaran UKM/Koperasi dilakukan oleh peserta"


def derived(row: Mapping) -> dict:
    """Columns computed from the form's fields."""
    return dict(province_code=row["regency_code"][:2], regency_name=region_name(row["regency_code"]) or "",
                size_class=size_class(row["assets"], row["turnover"]),
                search_text=f"{row['name']} {row['brand']} {row['owner_name']}".lower())


def ensure_can_register(claims: Claims) -> uuid.UUID:
    pid = participant_id(claims)
    if claims.role != "peserta" or pid is None:
        raise Forbidden(PESERTA_ONLY)
    return pid


async def register_business(ctx: UkmContext, claims: Claims, data: Mapping,
                            photos: dict[int, bytes | None]) -> dict:
    """Create the business, make the caller a member, one product per photo; emit BusinessRegistered."""
    pid = ensure_can_register(claims)
    clean, errors = validate_business(data)
    position, pos_errors = validate_position(data.get("position"))
    checked, photo_errors = check_photos(photos, first_required=True)
    errors.update(pos_errors | photo_errors)
    if errors:
        raise InvalidInput(errors)
    business_id, now = uuid.uuid4(), datetime.now(UTC)
    row = {**clean, **derived(clean)}
    async with ctx.sessionmaker() as s, s.begin():
        await s.execute(businesses.insert().values(id=business_id, created_by=pid, created_at=now,
                                                   updated_at=now, **row))
        await s.execute(business_members.insert().values(business_id=business_id, participant_id=pid,
                                                         position=position, status="active", joined_at=now))
        names = registration_product_names(clean["brand"], clean["product_type"], len(checked))
        for i, (name, photo) in enumerate(zip(names, checked.values(), strict=False)):
            await insert_product(s, business_id, dict(name=name, description=clean["specification"],
                                                      category=clean["product_type"]), {1: photo},
                                 now + timedelta(microseconds=i))  # keeps the photos' order
        await _audit(s, business_id, claims, "registered", {"position": {"old": None, "new": position}}, now)
        await emit_business(ctx, s, business_id, now, registered_by=pid)
    log.info("business_registered", business_id=str(business_id), products=len(checked))
    return await get_business(ctx, claims, business_id)


async def update_business(ctx: UkmContext, claims: Claims, business_id: uuid.UUID, data: Mapping) -> dict:
    """Edit the fields given; record old/new values in the audit; emit BusinessUpdated."""
    wanted = [f for f in BUSINESS_FIELDS if f in data]
    if not wanted:
        raise InvalidInput({"body": "Tidak ada isian yang diubah"})
    now = datetime.now(UTC)
    async with ctx.sessionmaker() as s, s.begin():
        old = await load_business(s, business_id, lock=True)
        await require_manager(s, business_id, claims)
        clean, errors = validate_business(data, wanted, current=old)
        if errors:
            raise InvalidInput(errors)
        merged = {**old, **clean}
        values = {**clean, **derived(merged)}
        changes = audit_changes(old, {k: values[k] for k in (*clean, "size_class")})
        if changes:
            await s.execute(businesses.update().where(businesses.c.id == business_id)
                            .values(updated_at=now, **values))
            await _audit(s, business_id, claims, "updated", changes, now)
            await publishing.refresh_entries(s, business_id=business_id)
            await emit_business(ctx, s, business_id, now)
    log.info("business_updated", business_id=str(business_id), fields=sorted(changes))
    return await get_business(ctx, claims, business_id)


async def _audit(s, business_id: uuid.UUID, claims: Claims, action: str, changes: dict, at: datetime) -> None:
    await s.execute(business_audit.insert().values(
        business_id=business_id, actor_id=participant_id(claims) or uuid.UUID(int=0), actor_role=claims.role,
        actor_username=claims.username[:32], action=action, changes=_jsonable(changes), at=at))


def _jsonable(changes: dict) -> dict:
    return {k: {side: (str(v) if isinstance(v, uuid.UUID) else v) for side, v in d.items()}
            for k, d in changes.items()}


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
