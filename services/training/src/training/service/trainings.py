"""Jadwal Pelatihan: admins create and edit their organisation's trainings; anyone lists them."""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import extract, func, or_, select

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..adapters.tables import enrollments, trainings
from ..domain.schedule import schedule_errors
from . import seats
from .access import org_for_new, org_scope, require_org
from .context import TrainingContext
from .errors import InvalidInput, NotFound
from .views import training_admin, training_public

log = get_logger("trainings")
FIELDS = ("title", "batch", "kind", "level", "mode", "venue", "description", "start_date", "end_date",
          "registration_opens_at", "registration_closes_at", "quota", "hours", "whatsapp_link", "requirements",
          "min_attendance_percent", "has_evaluation", "pass_mark")


def _aware(ctx: TrainingContext, value: datetime) -> datetime:
    """A datetime without offset is read as WIB (what the admin's form shows)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(ctx.settings.timezone))
    return value.astimezone(UTC)


def _clean(ctx: TrainingContext, data: Mapping) -> dict:
    out = {k: data[k] for k in FIELDS if k in data}
    for k in ("registration_opens_at", "registration_closes_at"):
        if k in out:
            out[k] = _aware(ctx, out[k])
    if "requirements" in out:
        out["requirements"] = {k: v for k, v in dict(out["requirements"]).items() if v not in (None, [], "")}
    return out


async def create_training(ctx: TrainingContext, claims: Claims, data: Mapping) -> dict:
    """Add a training to the schedule of the admin's organisation."""
    org_id = org_for_new(claims, data.get("org_id"))
    values = _clean(ctx, data)
    errors = schedule_errors({"seats_taken": 0, **values})
    if errors:
        raise InvalidInput(errors)
    tid = uuid.uuid4()
    now = ctx.now()
    async with ctx.sessionmaker() as s, s.begin():
        await s.execute(trainings.insert().values(id=tid, org_id=org_id, created_by=uuid.UUID(claims.sub),
                                                  created_at=now, updated_at=now, **values))
    log.info("training_created", training_id=str(tid), org_id=str(org_id))
    return await get_training_admin(ctx, claims, tid)


async def update_training(ctx: TrainingContext, claims: Claims, training_id: uuid.UUID, data: Mapping) -> dict:
    """Edit a training; a larger quota moves the waiting list at once."""
    changes = _clean(ctx, data)
    async with ctx.uow() as uow:
        s = uow.session  # the schedule itself is plain SQL; the waiting list moves through the aggregate
        row = (await s.execute(select(trainings).where(trainings.c.id == training_id).with_for_update())
               ).mappings().first()
        if row is None:
            raise NotFound("Pelatihan tidak ditemukan")
        require_org(claims, row["org_id"])
        merged = {**row, **changes}
        if "requirements" in changes:
            merged["requirements"] = changes["requirements"]
        errors = schedule_errors(merged)
        if errors:
            raise InvalidInput(errors)
        await s.execute(trainings.update().where(trainings.c.id == training_id).values(updated_at=ctx.now(), **changes))
        if changes.get("quota", row["quota"]) > row["quota"]:
            await seats.promote_waitlist(uow, training_id, ctx.now(), limit=changes["quota"] - row["quota"])
        await uow.commit()
    log.info("training_updated", training_id=str(training_id), fields=sorted(changes))
    return await get_training_admin(ctx, claims, training_id)


async def _row(s, training_id: uuid.UUID) -> Mapping:
    row = (await s.execute(select(trainings).where(trainings.c.id == training_id))).mappings().first()
    if row is None:
        raise NotFound("Pelatihan tidak ditemukan")
    return row


async def get_training(ctx: TrainingContext, training_id: uuid.UUID) -> dict:
    async with ctx.sessionmaker() as s:
        return training_public(await _row(s, training_id), ctx.now())


async def status_counts(s, training_ids: list) -> dict:
    rows = (await s.execute(select(enrollments.c.training_id, enrollments.c.status, func.count())
                            .where(enrollments.c.training_id.in_(training_ids))
                            .group_by(enrollments.c.training_id, enrollments.c.status))).all()
    out: dict = {}
    for tid, status, n in rows:
        out.setdefault(tid, {})[status] = n
    return out


async def get_training_admin(ctx: TrainingContext, claims: Claims, training_id: uuid.UUID) -> dict:
    async with ctx.sessionmaker() as s:
        row = await _row(s, training_id)
        require_org(claims, row["org_id"])
        counts = (await status_counts(s, [training_id])).get(training_id, {})
    return training_admin(row, ctx.now(), counts)


def _filtered(q: str, org_id, mode, month: str | None, open_only: bool, now: datetime):
    stmt = select(trainings)
    if q.strip():
        like = "%" + q.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(or_(func.lower(trainings.c.title).like(like), func.lower(trainings.c.venue).like(like)))
    if org_id is not None:
        stmt = stmt.where(trainings.c.org_id == org_id)
    if mode:
        stmt = stmt.where(trainings.c.mode == mode)
    if month:
        year, mon = (int(p) for p in month.split("-"))
        stmt = stmt.where(extract("year", trainings.c.start_date) == year,
                          extract("month", trainings.c.start_date) == mon)
    if open_only:
        stmt = stmt.where(trainings.c.registration_opens_at <= now, trainings.c.registration_closes_at >= now,
                          trainings.c.seats_taken < trainings.c.quota, trainings.c.closed_at.is_(None))
    return stmt


async def list_trainings(ctx: TrainingContext, *, q: str = "", org_id=None, mode=None, month=None,
                         open_only: bool = False, page: int = 1, per_page: int = 10,
                         admin: Claims | None = None) -> dict:
    """The schedule, newest first; for an admin limited to their organisation, with counts."""
    now = ctx.now()
    if admin is not None:
        org_id = org_scope(admin, org_id)
    stmt = _filtered(q, org_id, mode, month, open_only, now)
    async with ctx.sessionmaker() as s:
        total = await s.scalar(select(func.count()).select_from(stmt.subquery()))
        rows = (await s.execute(stmt.order_by(trainings.c.start_date.desc(), trainings.c.title, trainings.c.id)
                                .limit(per_page).offset((page - 1) * per_page))).mappings().all()
        counts = await status_counts(s, [r["id"] for r in rows]) if admin is not None and rows else {}
    items = [training_admin(r, now, counts.get(r["id"])) if admin is not None else training_public(r, now)
             for r in rows]
    return dict(items=items, total=total, page=page, per_page=per_page)


