"""Serving product photos: anyone may see a visible product's photo; a hidden or unpublished
product's photo only its business's active members and admins (its gallery page is 404 too)."""
from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from balai_platform.auth import Claims
from balai_platform.logging import get_logger
from balai_platform.thumbnails import webp_thumbnail

from ..adapters.tables import product_photos, product_thumbnails, products
from .access import is_active_member
from .context import UkmContext
from .errors import NotFound

log = get_logger("product_photos")
PHOTO_NOT_FOUND = "Foto tidak ditemukan"
WEBP = "image/webp"


@dataclass(frozen=True)
class StoredPhoto:
    data: bytes | None  # None when the client's copy is current
    content_type: str
    etag: str
    public: bool  # the same for everybody: shared caches may keep it


async def photo_for(ctx: UkmContext, claims: Claims | None, product_id: uuid.UUID, n: int,
                    if_none_match: str | None = None, width: int | None = None) -> StoredPhoto:
    """Photo n of a product (or its WebP thumbnail `width` px wide), if this caller may see it;
    NotFound otherwise (never says it exists)."""
    p = product_photos.c
    where = (p.product_id == product_id, p.n == n)
    async with ctx.sessionmaker() as s:
        head = (await s.execute(
            select(p.content_type, p.etag, products.c.business_id, products.c.hidden,
                   products.c.unpublished_at)
            .join(products, products.c.id == p.product_id).where(*where))).first()
        if head is None:
            raise NotFound(PHOTO_NOT_FOUND)
        public = not head.hidden and head.unpublished_at is None
        if not public and not (claims is not None and (
                claims.is_admin or await is_active_member(s, head.business_id, claims))):
            raise NotFound(PHOTO_NOT_FOUND)
        if width is not None:
            etag = thumb_etag(head.etag, width)
            if if_none_match and etag in if_none_match:
                return StoredPhoto(None, WEBP, etag, public)
            return StoredPhoto(await _thumbnail(s, product_id, n, width, head.etag), WEBP, etag, public)
        if if_none_match and head.etag in if_none_match:
            return StoredPhoto(None, head.content_type, head.etag, public)
        data = await s.scalar(select(p.data).where(*where))
    return StoredPhoto(data, head.content_type, head.etag, public)


def thumb_etag(photo_etag: str, width: int) -> str:
    """Known before the thumbnail is read or made, so a revalidation costs one small query."""
    return f"{photo_etag[:26]}-w{width}"


async def _thumbnail(s, product_id: uuid.UUID, n: int, width: int, photo_etag: str) -> bytes:
    """The stored thumbnail of this version of the photo; made (off the event loop) and stored once.
    Two replicas making it at once store the same bytes: the upsert keeps either."""
    t = product_thumbnails.c
    where = (t.product_id == product_id, t.n == n, t.width == width)
    row = (await s.execute(select(t.data, t.source_etag).where(*where))).first()
    if row is not None and row.source_etag == photo_etag:
        return row.data
    original = await s.scalar(select(product_photos.c.data).where(
        product_photos.c.product_id == product_id, product_photos.c.n == n))
    thumb = await asyncio.to_thread(webp_thumbnail, original, width)
    values = {"source_etag": photo_etag, "data": thumb.data, "etag": thumb_etag(photo_etag, width)}
    await s.execute(insert(product_thumbnails).values(product_id=product_id, n=n, width=width, **values)
                    .on_conflict_do_update(index_elements=["product_id", "n", "width"], set_=values))
    await s.commit()
    log.info("thumbnail_made", product_id=str(product_id), n=n, width=width, bytes=len(thumb.data))
    return thumb.data
