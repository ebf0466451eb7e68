"""Loading and saving the Product aggregate: its row, its changed photo slots, its gallery entry."""
from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.uow import UnitOfWork

from ..domain.errors import NotFound
from ..domain.product import PRODUCT_COLUMNS, GalleryEntry, Product
from .gallery_sql import insert_entry, refresh_entries
from .tables import business_trainings, gallery_entries, product_photos, products

NOT_FOUND = "Produk tidak ditemukan"
_g, _t = gallery_entries.c, business_trainings.c
_ENTRY = (_g.product_id, _g.org_id, _g.training_id, _g.enrollment_id, _g.published_at, _g.showcased_at,
          _t.title, _t.start_date)


class ProductRepository:
    """Remembers what it loaded, so `save` writes only what changed (and refreshes the gallery copy)."""

    def __init__(self, session: AsyncSession, uow: UnitOfWork) -> None:
        self.session, self.uow = session, uow
        self._loaded: dict[uuid.UUID, tuple[dict[str, Any], GalleryEntry | None]] = {}

    async def get(self, product_id: uuid.UUID, *, lock: bool = False) -> Product:
        """The product and its gallery entry; `lock` takes the product row lock FOR UPDATE."""
        found = await self._load(products.c.id == product_id, lock)
        if not found:
            raise NotFound(NOT_FOUND)
        return found[0]

    async def of_business(self, business_id: uuid.UUID, *, lock: bool = False) -> list[Product]:
        """All products of a business, in id order (the lock order of every writer)."""
        return await self._load(products.c.business_id == business_id, lock)

    async def add(self, product: Product) -> None:
        await self.session.execute(products.insert().values(**product.row()))
        self._loaded[product.id] = (product.row(), None)
        self.uow.track(product)
        await self.save(product)

    async def save(self, product: Product) -> None:
        row, entry = self._loaded[product.id]
        changed = {k: v for k, v in product.row().items() if row.get(k) != v}
        if changed:
            await self.session.execute(update(products).where(products.c.id == product.id).values(**changed))
        await self._write_photos(product)
        if product.gallery is not None and entry is None:
            # the entry is read after the product row lock, so it was not there: this is the only insert
            await insert_entry(self.session, product.id, product.gallery)
        elif product.gallery is not None and entry is not None:
            if product.gallery.showcased_at != entry.showcased_at:
                await self.session.execute(update(gallery_entries).where(_g.product_id == product.id)
                                           .values(showcased_at=product.gallery.showcased_at))
            if changed:  # the gallery row copies the product's name, prices, visibility
                await refresh_entries(self.session, business_id=product.business_id, product_id=product.id)
        self._remember(product)

    async def _load(self, where, lock: bool) -> list[Product]:
        stmt = select(products).where(where).order_by(products.c.id)
        rows = (await self.session.execute(stmt.with_for_update() if lock else stmt)).mappings().all()
        if not rows:
            return []
        # read after the row locks, so an entry committed meanwhile is seen (READ COMMITTED)
        entries = {e["product_id"]: e for e in (await self.session.execute(
            select(*_ENTRY).join(business_trainings, (_t.business_id == _g.business_id)
                                 & (_t.training_id == _g.training_id))
            .where(_g.product_id.in_([r["id"] for r in rows])))).mappings().all()}
        found = []
        for row in rows:
            e = entries.get(row["id"])
            gallery = None if e is None else GalleryEntry(
                org_id=e["org_id"], training_id=e["training_id"], enrollment_id=e["enrollment_id"],
                training_title=e["title"], training_start_date=e["start_date"], published_at=e["published_at"],
                showcased_at=e["showcased_at"])
            product = Product(**{k: row[k] for k in PRODUCT_COLUMNS}, gallery=gallery)
            self._remember(product)
            found.append(self.uow.track(product))
        return found

    async def _write_photos(self, product: Product) -> None:
        for n, photo in sorted(product.new_photos.items()):
            stmt = insert(product_photos).values(product_id=product.id, n=n, data=photo.data,
                                                 content_type=photo.content_type, etag=photo.etag)
            await self.session.execute(stmt.on_conflict_do_update(index_elements=["product_id", "n"], set_=dict(
                data=stmt.excluded.data, content_type=stmt.excluded.content_type, etag=stmt.excluded.etag)))
        product.new_photos.clear()

    def _remember(self, product: Product) -> None:
        g = product.gallery
        self._loaded[product.id] = (product.row(), None if g is None else GalleryEntry(**vars(g)))
