"""Products of a business: create, edit, hide/unhide in the gallery, admin unpublish, photos."""
from __future__ import annotations

import uuid
from collections.abc import Mapping

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..domain.photo import check_photos
from ..domain.product import Product
from . import publishing
from .businesses import actor_of
from .context import UkmContext
from .errors import Forbidden
from .views import product_view

log = get_logger("products")
ADMIN_ONLY = "Halaman ini hanya untuk admin/petugas"


async def create_product(ctx: UkmContext, claims: Claims, business_id: uuid.UUID, data: Mapping,
                         photos: dict[int, bytes | None]) -> dict:
    """Add a product; when the business is already in the gallery the product enters it too."""
    checked, photo_errors = check_photos(photos, first_required=True)
    async with ctx.uow() as uow:
        business = await uow.businesses.get(business_id, lock=True)
        business.ensure_manager(actor_of(claims))
        product = Product.create(uuid.uuid4(), business_id, data, checked, ctx.clock.now(), errors=photo_errors)
        await uow.products.add(product)
        training = await uow.businesses.latest_training(business_id)
        if training is not None:
            await publishing.enter_gallery(ctx, uow, business, [product], training)
        await uow.commit()
    log.info("product_created", product_id=str(product.id), business_id=str(business_id))
    return product_view(product.row(), ctx.photo_url)


async def update_product(ctx: UkmContext, claims: Claims, product_id: uuid.UUID, data: Mapping,
                         photos: dict[int, bytes | None]) -> dict:
    """Change the fields given and replace or add photos; the gallery copy follows."""
    wanted = Product.edited_fields(data, photos)
    async with ctx.uow() as uow:
        product = await uow.products.get(product_id, lock=True)
        business = await uow.businesses.get(product.business_id)
        business.ensure_manager(actor_of(claims))
        checked, photo_errors = check_photos(photos, first_required=False)
        changed = product.edit(data, wanted, checked, ctx.clock.now(), errors=photo_errors)
        await uow.products.save(product)
        await uow.commit()
    log.info("product_updated", product_id=str(product_id), fields=changed)
    return product_view(product.row(), ctx.photo_url)


async def set_hidden(ctx: UkmContext, claims: Claims, product_id: uuid.UUID, hidden: bool) -> dict:
    """A member hides or shows the product in the gallery."""
    async with ctx.uow() as uow:
        product = await uow.products.get(product_id, lock=True)
        business = await uow.businesses.get(product.business_id)
        business.ensure_member(actor_of(claims))
        if hidden:
            product.hide(ctx.clock.now())
        else:
            product.unhide()
        publishing.showcase_if_due(ctx, business, product)
        await uow.products.save(product)
        await uow.commit()
    log.info("product_hidden" if hidden else "product_unhidden", product_id=str(product_id))
    return product_view(product.row(), ctx.photo_url)


async def set_unpublished(ctx: UkmContext, claims: Claims, product_id: uuid.UUID, reason: str | None) -> dict:
    """Admin takes a product out of the gallery with a reason (`reason` None = republish)."""
    if not claims.is_admin:
        raise Forbidden(ADMIN_ONLY)
    actor = actor_of(claims)
    async with ctx.uow() as uow:
        product = await uow.products.get(product_id, lock=True)
        business = await uow.businesses.get(product.business_id)
        orgs = await uow.businesses.training_orgs(product.business_id)
        if reason is not None:
            product.unpublish(actor, reason, orgs, ctx.clock.now())
        else:
            product.republish(actor, orgs)
        publishing.showcase_if_due(ctx, business, product)
        await uow.products.save(product)
        await uow.commit()
    log.info("product_unpublished" if reason is not None else "product_republished", product_id=str(product_id))
    return product_view(product.row(), ctx.photo_url)

