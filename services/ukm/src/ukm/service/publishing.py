"""Putting products into the E-Dukasi gallery, exactly once, and keeping its copied columns fresh."""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from balai_contracts.ukm import ProductShowcasedV1
from balai_platform.logging import get_logger

from ..adapters.tables import business_trainings
from ..domain.business import permits_of
from .context import UkmContext

log = get_logger("gallery")

# The listing's copied columns, computed from products p and businesses b.
_COLUMNS: list[tuple[str, str]] = [
    ("hidden", "p.hidden"),
    ("unpublished", "p.unpublished_at IS NOT NULL"),
    ("product_name", "p.name"),
    ("business_name", "b.name"),
    ("brand", "b.brand"),
    ("regency_code", "b.regency_code"),
    ("regency_name", "b.regency_name"),
    ("category", "p.category"),
    ("price_min", "p.price_min"),
    ("price_max", "p.price_max"),
    ("has_photo", "p.photo_count > 0"),
    ("permits", """array_remove(ARRAY[
        CASE WHEN b.permit_kind <> 'belum_ada' AND b.permit_number IS NOT NULL THEN b.permit_kind END,
        CASE WHEN b.halal_number IS NOT NULL THEN 'halal' END,
        CASE WHEN b.pirt_number IS NOT NULL THEN 'pirt' END,
        CASE WHEN b.bpom_number IS NOT NULL THEN 'bpom' END,
        CASE WHEN b.haki_number IS NOT NULL THEN 'haki' END]::varchar[], NULL)"""),
    ("search_text", "lower(p.name || ' ' || b.name || ' ' || b.brand || ' ' || left(p.description, 300))"),
]
_NAMES = ", ".join(name for name, _ in _COLUMNS)
_SELECT = ", ".join(f"{expr} AS {name}" for name, expr in _COLUMNS)
_SET = ", ".join(f"{name} = {expr}" for name, expr in _COLUMNS)

_INSERT = text(f"""
    INSERT INTO gallery_entries (product_id, business_id, org_id, training_id, enrollment_id, published_at,
                                 {_NAMES})
    SELECT p.id, b.id, :org_id, :training_id, :enrollment_id, :now, {_SELECT}
    FROM products p JOIN businesses b ON b.id = p.business_id
    WHERE p.business_id = :business_id AND (CAST(:product_id AS uuid) IS NULL OR p.id = :product_id)
    ON CONFLICT (product_id) DO NOTHING
    RETURNING product_id
""")

_PENDING = text("""
    SELECT g.product_id, g.training_id, g.enrollment_id, g.org_id, p.name, p.description, p.category,
           p.price_min, p.price_max, p.photo_count, b.id AS business_id, b.name AS business_name, b.brand,
           b.regency_code, b.regency_name, b.permit_kind, b.permit_number, b.halal_number, b.pirt_number,
           b.bpom_number, b.haki_number, t.title, t.start_date
    FROM gallery_entries g JOIN products p ON p.id = g.product_id JOIN businesses b ON b.id = g.business_id
    JOIN business_trainings t ON t.business_id = g.business_id AND t.training_id = g.training_id
    WHERE g.visible AND g.showcased_at IS NULL AND g.business_id = :business_id
      AND (CAST(:product_id AS uuid) IS NULL OR g.product_id = :product_id)
    ORDER BY g.product_id
    FOR UPDATE OF g
""")


async def refresh_entries(s: AsyncSession, *, business_id: uuid.UUID, product_id: uuid.UUID | None = None) -> None:
    """Copy current product/business values into their gallery rows."""
    await s.execute(text(f"""
        UPDATE gallery_entries g SET {_SET}
        FROM products p JOIN businesses b ON b.id = p.business_id
        WHERE g.product_id = p.id AND p.business_id = :business_id
          AND (CAST(:product_id AS uuid) IS NULL OR p.id = :product_id)"""),
        {"business_id": business_id, "product_id": product_id})


async def showcase_pending(ctx: UkmContext, s: AsyncSession, business_id: uuid.UUID,
                           product_id: uuid.UUID | None = None) -> int:
    """Emit one ProductShowcased for each visible entry never showcased; mark it. Returns the count."""
    rows = (await s.execute(_PENDING, {"business_id": business_id, "product_id": product_id})).mappings().all()
    now = ctx.clock.now()
    for r in rows:
        await ctx.outbox.add(s, _showcased(ctx, r, now), subject=str(r["product_id"]))
    if rows:
        await s.execute(text("UPDATE gallery_entries SET showcased_at = :now WHERE product_id = ANY(:ids)"),
                        {"now": now, "ids": [r["product_id"] for r in rows]})
    return len(rows)


def _showcased(ctx: UkmContext, r: Mapping, now: datetime) -> ProductShowcasedV1:
    return ProductShowcasedV1(
        product_id=r["product_id"], name=r["name"], description=r["description"], category=r["category"],
        price_min=r["price_min"], price_max=r["price_max"],
        photo_url=ctx.photo_url(r["product_id"], 1) if r["photo_count"] else None,
        business_id=r["business_id"], business_name=r["business_name"], brand=r["brand"],
        regency_code=r["regency_code"], regency_name=r["regency_name"], permits=permits_of(r),
        organisation_id=r["org_id"], training_id=r["training_id"], training_title=r["title"],
        training_start_date=r["start_date"], enrollment_id=r["enrollment_id"], showcased_at=now)


async def publish(ctx: UkmContext, s: AsyncSession, *, business_id: uuid.UUID, training: Mapping,
                  product_id: uuid.UUID | None = None) -> int:
    """Insert gallery rows for the business's products not yet in it; showcase the visible new ones."""
    inserted = (await s.execute(_INSERT, {
        "business_id": business_id, "product_id": product_id, "org_id": training["org_id"],
        "training_id": training["training_id"], "enrollment_id": training["enrollment_id"],
        "now": ctx.clock.now()})).all()
    shown = await showcase_pending(ctx, s, business_id, product_id) if inserted else 0
    log.info("gallery_published", business_id=str(business_id), new_entries=len(inserted), showcased=shown)
    return shown


async def latest_training(s: AsyncSession, business_id: uuid.UUID) -> Mapping | None:
    """The training whose confirmation most recently concerned this business, if any."""
    return (await s.execute(select(business_trainings).where(business_trainings.c.business_id == business_id)
                            .order_by(business_trainings.c.confirmed_at.desc()).limit(1))).mappings().first()
