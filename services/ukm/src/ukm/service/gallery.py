"""The public E-Dukasi gallery: listing with search, filters and paging; product detail."""
from __future__ import annotations

import uuid

from sqlalchemy import select

from balai_platform.regions import region_name

from ..adapters.tables import business_trainings, businesses, products
from ..adapters.tables import gallery_entries as g
from ..domain import reference as ref
from ..domain.business import display_phone, permit_labels, permits_of, whatsapp_url
from .business_queries import like_pattern
from .context import UkmContext
from .errors import NotFound
from .views import price_label, product_view


def _item(r, photo_url) -> dict:
    """One GalleryItem from a listing row (asyncpg Record; ids already text). published_at stays a
    datetime in UTC: orjson writes it exactly as isoformat() would, in C."""
    product_id, category = r["product_id"], r["category"]
    price_min, price_max = r["price_min"], r["price_max"]
    return dict(product_id=product_id, name=r["product_name"], category=category,
                category_label=ref.PRODUCT_TYPES.get(category), price_min=price_min, price_max=price_max,
                price_label=price_label(price_min, price_max),
                photo_url=photo_url(product_id, 1) if r["has_photo"] else None,
                business_id=r["business_id"], business_name=r["business_name"], brand=r["brand"],
                regency_code=r["regency_code"], regency_name=r["regency_name"], permits=r["permits"],
                published_at=r["published_at"])


async def list_gallery(ctx: UkmContext, *, q: str, regency_code: str | None, category: str | None,
                       permit: str | None, page: int, per_page: int, sort: str) -> dict:
    """Visible entries only. The page comes from an index scan; the total is counted apart (a window
    count would read every matching row on every request), and a large total is cached briefly.
    Runs on the gallery's asyncpg pool (adapters.gallery_reads): one prepared statement per query shape."""
    words = q.lower().split()[:5]
    key = (tuple(words), regency_code, category, permit)
    rows, total, counted = await ctx.gallery_reads.listing(
        [like_pattern(word) for word in words], regency_code, category, permit, sort,
        per_page, (page - 1) * per_page, ctx.counts.get(key))
    if counted:
        ctx.counts.put(key, total)
    photo_url = ctx.photo_url
    return dict(items=[_item(r, photo_url) for r in rows], total=total, page=page, per_page=per_page,
                pages=(total + per_page - 1) // per_page)


async def gallery_detail(ctx: UkmContext, product_id: uuid.UUID) -> dict:
    """Product, its business (contact, permits, region) and the trainings the business joined."""
    async with ctx.sessionmaker() as s:
        entry = (await s.execute(select(g.c.business_id, g.c.published_at)
                                 .where(g.c.product_id == product_id, g.c.visible))).first()
        if entry is None:
            raise NotFound("Produk tidak ditemukan di galeri")
        p = (await s.execute(select(products).where(products.c.id == product_id))).mappings().one()
        b = (await s.execute(select(businesses).where(businesses.c.id == entry.business_id))).mappings().one()
        trainings = (await s.execute(
            select(business_trainings.c.training_id, business_trainings.c.title, business_trainings.c.start_date,
                   business_trainings.c.end_date, business_trainings.c.org_id)
            .where(business_trainings.c.business_id == entry.business_id)
            .order_by(business_trainings.c.start_date.desc()))).mappings().all()
        others = (await s.execute(select(g.c.product_id, g.c.product_name, g.c.has_photo).where(
            g.c.business_id == entry.business_id, g.c.visible, g.c.product_id != product_id)
            .order_by(g.c.product_name).limit(12))).mappings().all()
    product = product_view(p, ctx.photo_url)
    for key in ("hidden", "unpublished", "unpublished_reason"):
        product.pop(key)
    business = dict(
        id=str(b["id"]), kind=b["kind"], kind_label=ref.KINDS.get(b["kind"]), name=b["name"], brand=b["brand"],
        owner_name=b["owner_name"], category=b["category"], category_label=ref.CATEGORIES.get(b["category"]),
        specification=b["specification"], founded_year=b["founded_year"],
        legal_form_label=ref.LEGAL_FORMS.get(b["legal_form"]), sector_label=ref.SECTORS.get(b["sector"]),
        regency_code=b["regency_code"], regency_name=b["regency_name"],
        district_name=region_name(b["district_code"]), village_name=region_name(b["village_code"]),
        phone_display=display_phone(b["phone"]), whatsapp_url=whatsapp_url(b["phone"]),
        social_media=b["social_media"], permits=permit_labels(permits_of(b)),
    )
    return dict(product=product, business=business, published_at=entry.published_at.isoformat(),
                trainings=[dict(training_id=str(t["training_id"]), title=t["title"],
                                start_date=t["start_date"].isoformat(), end_date=t["end_date"].isoformat(),
                                org_id=str(t["org_id"])) for t in trainings],
                other_products=[dict(product_id=str(o["product_id"]), name=o["product_name"],
                                     photo_url=ctx.photo_url(o["product_id"], 1) if o["has_photo"] else None)
                                for o in others])
