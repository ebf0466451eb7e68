"""Products of a business: create, edit, hide/unhide in the gallery, admin unpublish, photos."""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..adapters.tables import (
    business_trainings,
    gallery_entries,
    product_photos,
    products,
)
from ..domain.photo import CheckedPhoto, check_photos
from ..domain.validation import PRODUCT_FIELDS, validate_product
from . import publishing
from .access import load_business, load_product, require_manager, require_member
from .context import UkmContext
from .errors import Conflict, Forbidden, InvalidInput, NotFound
from .views import product_view

log = get_logger("products")


async def insert_product(s, business_id: uuid.UUID, clean: Mapping, photos: dict[int, CheckedPhoto],
                         now: datetime) -> uuid.UUID:
    product_id = uuid.uuid4()
    await s.execute(products.insert().values(
        id=product_id, business_id=business_id, name=clean["name"], description=clean.get("description") or "",
        category=clean["category"], price_min=clean.get("price_min"), price_max=clean.get("price_max"),
        photo_count=0, created_at=now, updated_at=now))
    await _store_photos(s, product_id, photos)
    return product_id


async def _store_photos(s, product_id: uuid.UUID, photos: dict[int, CheckedPhoto]) -> None:
    """Put photos in their slots; slots stay contiguous (a photo 3 without a 2 becomes 2)."""
    existing = await s.scalar(select(products.c.photo_count).where(products.c.id == product_id)) or 0
    for n, photo in sorted(photos.items()):
        slot = min(n, existing + 1)
        stmt = insert(product_photos).values(product_id=product_id, n=slot, data=photo.data,
                                             content_type=photo.content_type, etag=photo.etag)
        await s.execute(stmt.on_conflict_do_update(index_elements=["product_id", "n"], set_=dict(
            data=stmt.excluded.data, content_type=stmt.excluded.content_type, etag=stmt.excluded.etag)))
        existing = max(existing, slot)
    await s.execute(products.update().where(products.c.id == product_id).values(photo_count=existing))


async def create_product(ctx: UkmContext, claims: Claims, business_id: uuid.UUID, data: Mapping,
                         photos: dict[int, bytes | None]) -> dict:
    """Add a product; when the business is already in the gallery the product enters it too."""
    clean, errors = validate_product(data)
    checked, photo_errors = check_photos(photos, first_required=True)
    errors.update(photo_errors)
    now = datetime.now(UTC)
    async with ctx.sessionmaker() as s, s.begin():
        await load_business(s, business_id, lock=True)
        await require_manager(s, business_id, claims)
        if errors:
            raise InvalidInput(errors)
        product_id = await insert_product(s, business_id, clean, checked, now)
        training = await publishing.latest_training(s, business_id)
        if training is not None:
            await publishing.publish(ctx, s, business_id=business_id, training=training, product_id=product_id)
        row = await load_product(s, product_id)
    log.info("product_created", product_id=str(product_id), business_id=str(business_id))
    return product_view(row, ctx.photo_url)


async def update_product(ctx: UkmContext, claims: Claims, product_id: uuid.UUID, data: Mapping,
                         photos: dict[int, bytes | None]) -> dict:
    wanted = [f for f in PRODUCT_FIELDS if f in data]
    if not wanted and not any(photos.values()):
        raise InvalidInput({"body": "Tidak ada isian yang diubah"})
    async with ctx.sessionmaker() as s, s.begin():
        current = await load_product(s, product_id, lock=True)
        await require_manager(s, current["business_id"], claims)
        clean, errors = validate_product(data, wanted, current=current)
        checked, photo_errors = check_photos(photos, first_required=False)
        errors.update(photo_errors)
        if errors:
            raise InvalidInput(errors)
        if "description" in clean:
            clean["description"] = clean["description"] or ""
        await s.execute(products.update().where(products.c.id == product_id)
                        .values(updated_at=datetime.now(UTC), **clean))
        await _store_photos(s, product_id, checked)
        await publishing.refresh_entries(s, business_id=current["business_id"], product_id=product_id)
        row = await load_product(s, product_id)
    log.info("product_updated", product_id=str(product_id), fields=sorted(clean))
    return product_view(row, ctx.photo_url)


async def set_hidden(ctx: UkmContext, claims: Claims, product_id: uuid.UUID, hidden: bool) -> dict:
    """A member hides or shows the product in the gallery."""
    async with ctx.sessionmaker() as s, s.begin():
        current = await load_product(s, product_id, lock=True)
        await require_member(s, current["business_id"], claims)
        await s.execute(products.update().where(products.c.id == product_id).values(hidden=hidden))
        await _after_visibility_change(ctx, s, current["business_id"], product_id)
        row = await load_product(s, product_id)
    log.info("product_hidden" if hidden else "product_unhidden", product_id=str(product_id))
    return product_view(row, ctx.photo_url)


async def set_unpublished(ctx: UkmContext, claims: Claims, product_id: uuid.UUID, reason: str | None) -> dict:
    """Admin takes a product out of the gallery with a reason (`reason` None = republish)."""
    if not claims.is_admin:
        raise Forbidden("Halaman ini hanya untuk admin/petugas")
    async with ctx.sessionmaker() as s, s.begin():
        current = await load_product(s, product_id, lock=True)
        if claims.role != "superadmin":
            orgs = set((await s.scalars(select(business_trainings.c.org_id).where(
                business_trainings.c.business_id == current["business_id"]))).all())
            if claims.org is None or uuid.UUID(claims.org) not in orgs:
                raise Forbidden("Produk ini tidak masuk galeri melalui pelatihan balai Anda")
        if await s.scalar(select(gallery_entries.c.product_id).where(gallery_entries.c.product_id == product_id)) is None:
            raise Conflict("Produk ini belum tampil di galeri")
        values = (dict(unpublished_reason=reason, unpublished_by=uuid.UUID(claims.sub),
                       unpublished_at=datetime.now(UTC)) if reason is not None
                  else dict(unpublished_reason=None, unpublished_by=None, unpublished_at=None))
        await s.execute(products.update().where(products.c.id == product_id).values(**values))
        await _after_visibility_change(ctx, s, current["business_id"], product_id)
        row = await load_product(s, product_id)
    log.info("product_unpublished" if reason is not None else "product_republished", product_id=str(product_id))
    return product_view(row, ctx.photo_url)


async def _after_visibility_change(ctx: UkmContext, s, business_id: uuid.UUID, product_id: uuid.UUID) -> None:
    await publishing.refresh_entries(s, business_id=business_id, product_id=product_id)
    # an entry hidden when it entered the gallery is showcased when it first becomes visible
    await publishing.showcase_pending(ctx, s, business_id, product_id)


async def get_photo(ctx: UkmContext, product_id: uuid.UUID, n: int,
                    if_none_match: str | None = None) -> tuple[bytes | None, str, str]:
    """(data, content type, etag) of a photo; data is None when the client's copy is current."""
    p = product_photos.c
    where = (p.product_id == product_id, p.n == n)
    async with ctx.sessionmaker() as s:
        head = (await s.execute(select(p.content_type, p.etag).where(*where))).first()
        if head is None:
            raise NotFound("Foto tidak ditemukan")
        if if_none_match and head.etag in if_none_match:
            return None, head.content_type, head.etag
        data = await s.scalar(select(p.data).where(*where))
    return data, head.content_type, head.etag
