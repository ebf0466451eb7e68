"""Putting products into the E-Dukasi gallery, exactly once.

Exactly once in effect: the consumer's inbox drops a redelivered AttendanceConfirmed; the product
rows are locked (FOR UPDATE, id order) before their gallery entries are read; and the entry's
primary key refuses a second insert, so a product is showcased (ProductShowcased) at most once per stay
in the gallery (leaving it records ProductWithdrawn; see domain.product)."""
from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping

from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.logging import get_logger

from ..adapters.uow import UkmUnitOfWork
from ..domain.business import Business
from ..domain.product import Product
from .context import UkmContext

log = get_logger("gallery")


async def publish(ctx: UkmContext, s: AsyncSession, *, business_id: uuid.UUID, training: Mapping,
                  product_id: uuid.UUID | None = None) -> int:
    """Inside the consumer's transaction `s`: the business's products not yet in the gallery enter it;
    the visible ones are showcased. Returns how many were showcased."""
    async with ctx.uow(session=s) as uow:
        business = await uow.businesses.get(business_id)
        if product_id is None:
            products = await uow.products.of_business(business_id, lock=True)
        else:
            products = [await uow.products.get(product_id, lock=True)]
        shown = await enter_gallery(ctx, uow, business, products, training)
        await uow.commit()
    return shown


async def enter_gallery(ctx: UkmContext, uow: UkmUnitOfWork, business: Business, products: Iterable[Product],
                        training: Mapping) -> int:
    """Products without a gallery place take one through `training`; visible ones are showcased; saved."""
    now = ctx.clock.now()
    entered = [p for p in products if p.enter_gallery(training, now)]
    shown = sum(p.showcase(business, ctx.photo_url, now) for p in entered)
    for product in entered:
        await uow.products.save(product)
    log.info("gallery_published", business_id=str(business.id), new_entries=len(entered), showcased=shown)
    return shown


def showcase_if_due(ctx: UkmContext, business: Business, product: Product) -> bool:
    """An entry hidden when it entered the gallery is showcased when it first becomes visible."""
    return product.showcase(business, ctx.photo_url, ctx.clock.now())
