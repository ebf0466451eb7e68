"""Admin lists: a training's registrations and those waiting too long for verification."""
from __future__ import annotations

import uuid
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from balai_platform.auth import Claims

from ..adapters.tables import businesses, enrollments, participants, trainings
from ..domain import lifecycle
from ..domain.workdays import working_days_waited
from .access import org_scope, require_org
from .context import TrainingContext
from .deadlines import verification_days
from .errors import NotFound
from .views import display_title, enrollment_view

_COLS = (enrollments, participants.c.full_name, participants.c.username, participants.c.sex,
         participants.c.phone_wa, participants.c.regency_name.label("participant_regency"), businesses.c.name.label("business_name"))


def joined():
    return (select(*_COLS)
            .outerjoin(participants, participants.c.participant_id == enrollments.c.participant_id)
            .outerjoin(businesses, businesses.c.business_id == enrollments.c.business_id))


def admin_item(ctx: TrainingContext, r, t) -> dict:
    out = enrollment_view(r, t, participant_name=r["full_name"], business_name=r["business_name"],
                          for_admin=True, url=ctx.url)
    out.update(username=r["username"], sex=r["sex"], participant_regency=r["participant_regency"],
               participant_phone_wa=r["phone_wa"])
    return out


async def training_enrollments(ctx: TrainingContext, claims: Claims, training_id: uuid.UUID, *,
                               status: str | None, q: str, page: int, per_page: int) -> dict:
    """A training's registrations, oldest first (the order they are verified in)."""
    async with ctx.sessionmaker() as s:
        t = (await s.execute(select(trainings).where(trainings.c.id == training_id))).mappings().first()
        if t is None:
            raise NotFound("Pelatihan tidak ditemukan")
        require_org(claims, t["org_id"])
        stmt = joined().where(enrollments.c.training_id == training_id)
        if status:
            stmt = stmt.where(enrollments.c.status == status)
        if q.strip():
            like = "%" + q.strip().lower().replace("%", "\\%").replace("_", "\\_") + "%"
            stmt = stmt.where(func.lower(participants.c.full_name).like(like)
                              | func.lower(businesses.c.name).like(like))
        total = await s.scalar(select(func.count()).select_from(stmt.subquery()))
        rows = (await s.execute(stmt.order_by(enrollments.c.submitted_at, enrollments.c.id)
                                .limit(per_page).offset((page - 1) * per_page))).mappings().all()
    return dict(items=[admin_item(ctx, r, t) for r in rows], total=total, page=page, per_page=per_page)


async def enrollment_detail(ctx: TrainingContext, claims: Claims, enrollment_id: uuid.UUID) -> dict:
    from .participation import file_urls
    async with ctx.sessionmaker() as s:
        r = (await s.execute(joined().where(enrollments.c.id == enrollment_id))).mappings().first()
        if r is None:
            raise NotFound("Pendaftaran tidak ditemukan")
        t = (await s.execute(select(trainings).where(trainings.c.id == r["training_id"]))).mappings().one()
        require_org(claims, t["org_id"])
        urls = await file_urls(ctx, s, enrollment_id)
    return {**admin_item(ctx, r, t), "product_photo_urls": urls}


async def overdue(ctx: TrainingContext, claims: Claims, *, org_id: uuid.UUID | None, days: int | None) -> dict:
    """Registrations still `submitted` after more than N working days (Indonesian holidays excluded)."""
    scope = org_scope(claims, org_id)
    if days is None:  # the organisation's Standar Pelayanan (default: 3 working days)
        async with ctx.sessionmaker() as s:
            days = await verification_days(s, scope, ctx.settings.verification_working_days)
    limit = days
    today = ctx.today()
    tz = ZoneInfo(ctx.settings.timezone)
    # working days never exceed calendar days: a cheap pre-filter in SQL
    cutoff = ctx.now() - timedelta(days=limit)
    stmt = (joined().add_columns(trainings.c.title, trainings.c.batch, trainings.c.org_id)
            .join(trainings, trainings.c.id == enrollments.c.training_id)
            .where(enrollments.c.status == lifecycle.SUBMITTED, enrollments.c.submitted_at < cutoff))
    if scope is not None:
        stmt = stmt.where(trainings.c.org_id == scope)
    async with ctx.sessionmaker() as s:
        rows = (await s.execute(stmt.order_by(enrollments.c.submitted_at).limit(5000))).mappings().all()
    items = []
    for r in rows:
        submitted_day = r["submitted_at"].astimezone(tz).date()
        waited = working_days_waited(submitted_day, today)
        if waited > limit:
            items.append(dict(id=str(r["id"]), training_id=str(r["training_id"]), training_title=display_title(r),
                              org_id=str(r["org_id"]), participant_name=r["full_name"],
                              business_name=r["business_name"], submitted_at=r["submitted_at"].isoformat(),
                              working_days_waiting=waited))
    return dict(items=items, total=len(items), working_days=limit)
