"""Lists of businesses: search to join, mine, the admin list, and the audit log."""
from __future__ import annotations

import uuid

from sqlalchemy import func, select

from balai_platform.auth import Claims

from ..adapters.tables import business_audit, business_members, businesses, participants
from ..domain import reference as ref
from ..domain.money import format_rupiah
from .access import load_business, participant_id, require_manager
from .context import UkmContext

_SUMMARY = (businesses.c.id, businesses.c.kind, businesses.c.name, businesses.c.brand, businesses.c.owner_name,
            businesses.c.regency_code, businesses.c.regency_name, businesses.c.category, businesses.c.product_type)


def like_pattern(q: str) -> str:
    return "%" + q.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _summary(r) -> dict:
    return dict(id=str(r["id"]), kind=r["kind"], kind_label=ref.KINDS.get(r["kind"]), name=r["name"],
                brand=r["brand"], owner_name=r["owner_name"], regency_code=r["regency_code"],
                regency_name=r["regency_name"], category=r["category"],
                category_label=ref.CATEGORIES.get(r["category"]), product_type=r["product_type"])


async def search_businesses(ctx: UkmContext, q: str, limit: int = 20) -> dict:
    """Pilih Data UKM/Koperasi: public fields only, by name, brand or owner name."""
    stmt = select(*_SUMMARY)
    q = " ".join(q.split())
    if q:
        stmt = stmt.where(businesses.c.search_text.like(like_pattern(q)))
    async with ctx.sessionmaker() as s:
        rows = (await s.execute(stmt.order_by(businesses.c.name, businesses.c.id).limit(limit))).mappings().all()
    return dict(items=[_summary(r) for r in rows])


async def my_businesses(ctx: UkmContext, claims: Claims) -> dict:
    pid = participant_id(claims)
    stmt = (select(*_SUMMARY, business_members.c.position, business_members.c.status)
            .join(business_members, business_members.c.business_id == businesses.c.id)
            .where(business_members.c.participant_id == pid).order_by(business_members.c.joined_at))
    async with ctx.sessionmaker() as s:
        rows = (await s.execute(stmt)).mappings().all()
    return dict(items=[{**_summary(r), "position": r["position"], "position_label": ref.POSITIONS.get(r["position"]),
                        "status": r["status"]} for r in rows])


async def admin_list(ctx: UkmContext, *, q: str, page: int, per_page: int) -> dict:
    stmt = select(*_SUMMARY, businesses.c.size_class, businesses.c.assets, businesses.c.turnover,
                  businesses.c.created_at)
    q = " ".join(q.split())
    if q:
        stmt = stmt.where(businesses.c.search_text.like(like_pattern(q)))
    async with ctx.sessionmaker() as s:
        total = await s.scalar(select(func.count()).select_from(stmt.subquery()))
        rows = (await s.execute(stmt.order_by(businesses.c.created_at.desc(), businesses.c.id)
                                .limit(per_page).offset((page - 1) * per_page))).mappings().all()
    items = [{**_summary(r), "size_class": r["size_class"], "size_class_label": ref.SIZE_CLASSES.get(r["size_class"]),
              "assets_display": format_rupiah(r["assets"]), "turnover_display": format_rupiah(r["turnover"]),
              "created_at": r["created_at"].isoformat()} for r in rows]
    return dict(items=items, total=total, page=page, per_page=per_page)


async def audit_log(ctx: UkmContext, claims: Claims, business_id: uuid.UUID, *, page: int, per_page: int) -> dict:
    """Who changed which fields when (old/new values); members and admins only."""
    async with ctx.sessionmaker() as s:
        await load_business(s, business_id)
        await require_manager(s, business_id, claims)
        where = business_audit.c.business_id == business_id
        total = await s.scalar(select(func.count()).select_from(business_audit).where(where))
        rows = (await s.execute(
            select(business_audit, participants.c.full_name)
            .join(participants, participants.c.participant_id == business_audit.c.actor_id, isouter=True)
            .where(where).order_by(business_audit.c.at.desc(), business_audit.c.id.desc())
            .limit(per_page).offset((page - 1) * per_page))).mappings().all()
    items = [dict(id=r["id"], at=r["at"].isoformat(), action=r["action"], actor_id=str(r["actor_id"]),
                  actor_role=r["actor_role"], actor_name=r["full_name"] or r["actor_username"] or None,
                  changes=r["changes"]) for r in rows]
    return dict(items=items, total=total, page=page, per_page=per_page)
