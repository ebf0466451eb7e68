"""The gallery's copied columns: each gallery row carries what the public listing needs, so it reads one table."""
from __future__ import annotations

import uuid

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain.product import GalleryEntry

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

# A plain INSERT: the primary key (product_id) refuses a second entry instead of hiding it, so a
# product can never be showcased twice.
_INSERT = text(f"""
    INSERT INTO gallery_entries (product_id, business_id, org_id, training_id, enrollment_id, published_at,
                                 showcased_at, {_NAMES})
    SELECT p.id, b.id, :org_id, :training_id, :enrollment_id, :published_at, :showcased_at, {_SELECT}
    FROM products p JOIN businesses b ON b.id = p.business_id
    WHERE p.id = :product_id
""")

_REFRESH = text(f"""
    UPDATE gallery_entries g SET {_SET}
    FROM products p JOIN businesses b ON b.id = p.business_id
    WHERE g.product_id = p.id AND p.business_id = :business_id
      AND (CAST(:product_id AS uuid) IS NULL OR p.id = :product_id)""")


async def insert_entry(s: AsyncSession, product_id: uuid.UUID, entry: GalleryEntry) -> None:
    await s.execute(_INSERT, {"product_id": product_id, "org_id": entry.org_id, "training_id": entry.training_id,
                              "enrollment_id": entry.enrollment_id, "published_at": entry.published_at,
                              "showcased_at": entry.showcased_at})


async def refresh_entries(s: AsyncSession, *, business_id: uuid.UUID, product_id: uuid.UUID | None = None) -> None:
    """Copy current product/business values into their gallery rows."""
    await s.execute(_REFRESH, {"business_id": business_id, "product_id": product_id})
