"""The public E-Dukasi gallery: listing with search, filters and paging; product detail."""
from __future__ import annotations

import uuid

from sqlalchemy import func, literal, select
from sqlalchemy.dialects.postgresql import array

from balai_platform.regions import region_name

from ..adapters.tables import business_trainings, businesses, products
from ..adapters.tables import gallery_entries as g
from ..domain import reference as ref
from ..domain.business import display_phone, permit_labels, permits_of, whatsapp_url
from .business_queries import like_pattern
from .context import UkmContext
from .errors import NotFound
from .views import product_view

_LIST_COLUMNS = (g.c.product_id, g.c.product_name, g.c.business_id, g.c.business_name, g.c.brand,
                 g.c.regency_code, g.c.regency_name, g.c.category, g.c.price_min, g.c.price_max,
                 g.c.has_photo, g.c.permits, g.c.published_at)
SORTS = {"newest": (g.c.published_at.desc(), g.c.product_id.desc()),
         "name": (g.c.product_name.asc(), g.c.product_id.asc())}


def _item(ctx: UkmContext, r) -> dict:
    view = product_view(dict(id=r["product_id"], business_id=r["business_id"], name=r["product_name"],
                             description="", category=r["category"], price_min=r["price_min"],
                             price_max=r["price_max"], photo_count=1 if r["has_photo"] else 0,
                             hidden=False, unpublished_at=None, unpublished_reason=None), ctx.photo_url)
    return dict(product_id=view["id"], name=view["name"], category=view["category"],
                category_label=view["category_label"], price_min=view["price_min"], price_max=view["price_max"],
                price_label=view["price_label"], photo_url=(view["photo_urls"] or [None])[0],
                business_id=view["business_id"], business_name=r["business_name"], brand=r["brand"],
                regency_code=r["regency_code"], regency_name=r["regency_name"], permits=list(r["permits"]),
                published_at=r["published_at"].isoformat())


async def list_gallery(ctx: UkmContext, *, q: str, regency_code: str | None, category: str | None,
                       permit: str | None, page: int, per_page: int, sort: str) -> dict:
    """Visible entries only. The page comes from an index scan; the total is counted apart (a window
    count would read every matching row on every request), and a large total is cached briefly."""
    where = [g.c.visible]
    for word in q.lower().split()[:5]:
        where.append(g.c.search_text.like(like_pattern(word)))
    if regency_code:
        where.append(g.c.regency_code == regency_code)
    if category:
        where.append(g.c.category == category)
    if permit:
        where.append(g.c.permits.contains(array([literal(permit)])))
    stmt = (select(*_LIST_COLUMNS).where(*where).order_by(*SORTS[sort])
            .limit(per_page).offset((page - 1) * per_page))
    async with ctx.read_connection() as s:
        rows = (await s.execute(stmt)).mappings().all()
        if page == 1 and len(rows) < per_page:
            total = len(rows)
        else:
            key = (tuple(q.lower().split()[:5]), regency_code, category, permit)
            total = ctx.counts.get(key)
            if total is None:
                total = await s.scalar(select(func.count()).select_from(g).where(*where))
                ctx.counts.put(key, total)
    return dict(items=[_item(ctx, r) for r in rows], total=total, page=page, per_page=per_page,
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
