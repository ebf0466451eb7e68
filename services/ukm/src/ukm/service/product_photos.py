"""Serving product photos: anyone may see a visible product's photo; a hidden or unpublished
product's photo only its business's active members and admins (its gallery page is 404 too)."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from balai_platform.auth import Claims

from ..adapters.tables import product_photos, products
from .access import is_active_member
from .context import UkmContext
from .errors import NotFound

PHOTO_NOT_FOUND = "Foto tidak ditemukan"


@dataclass(frozen=True)
class StoredPhoto:
    data: bytes | None  # None when the client's copy is current
    content_type: str
    etag: str
    public: bool  # the same for everybody: shared caches may keep it


async def photo_for(ctx: UkmContext, claims: Claims | None, product_id: uuid.UUID, n: int,
                    if_none_match: str | None = None) -> StoredPhoto:
    """Photo n of a product, if this caller may see it; NotFound otherwise (never says it exists)."""
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
        if if_none_match and head.etag in if_none_match:
            return StoredPhoto(None, head.content_type, head.etag, public)
        data = await s.scalar(select(p.data).where(*where))
    return StoredPhoto(data, head.content_type, head.etag, public)
