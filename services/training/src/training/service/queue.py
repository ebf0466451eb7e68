"""Verifikasi: the admin's work queue, every application of the organisation waiting for a decision.

Across trainings, oldest first, with the working days it has waited (Indonesian holidays excluded)
and whether it is past the service standard: the organisation's `enrollment_verification` limit from
its published Standar Pelayanan (training's copy; 3 working days when it published none). The overdue
line is one SQL comparison: waiting only grows the earlier the submission (`workdays.overdue_until`)."""
from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, select

from balai_platform.auth import Claims

from ..adapters.tables import enrollments, participants, trainings
from ..domain import lifecycle
from ..domain.workdays import overdue_until, working_days_waited
from .access import org_scope
from .admin_queries import admin_item, joined
from .context import TrainingContext
from .deadlines import verification_days
from .views import display_title


def _like(q: str) -> str:
    return "%" + q.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


async def work_queue(ctx: TrainingContext, claims: Claims, *, org_id: uuid.UUID | None, training_id: uuid.UUID | None,
                     status: str | None, overdue_only: bool, q: str, participant_id: uuid.UUID | None,
                     page: int, per_page: int) -> dict:
    """Pending applications (submitted / waitlisted) of the admin's organisation, oldest first."""
    scope = org_scope(claims, org_id)
    async with ctx.sessionmaker() as s:  # the organisation's Standar Pelayanan (default: 3 working days)
        limit = await verification_days(s, scope, ctx.settings.verification_working_days)
    tz = ZoneInfo(ctx.settings.timezone)
    today = ctx.today()
    # submitted before the start of the day after `overdue_until` (local time) == overdue
    line = datetime.combine(overdue_until(today, limit) + timedelta(days=1), time(), tz)
    base = [enrollments.c.status.in_((status,) if status else lifecycle.PENDING)]
    if scope is not None:
        base.append(trainings.c.org_id == scope)
    where = list(base)
    if training_id is not None:
        where.append(enrollments.c.training_id == training_id)
    if overdue_only:
        where.append(enrollments.c.submitted_at < line)
    if participant_id is not None:
        where.append(enrollments.c.participant_id == participant_id)
    if q.strip():
        like = _like(q.strip())
        where.append(func.lower(participants.c.full_name).like(like) | func.lower(participants.c.username).like(like))
    stmt = joined().add_columns(*(trainings.c[n] for n in _TRAINING_COLS)).join(
        trainings, trainings.c.id == enrollments.c.training_id).where(and_(*where))
    overdue_col = func.count().filter(enrollments.c.submitted_at < line)
    async with ctx.sessionmaker() as s:
        total = await s.scalar(select(func.count()).select_from(stmt.subquery()))
        rows = (await s.execute(stmt.order_by(enrollments.c.submitted_at, enrollments.c.id)
                                .limit(per_page).offset((page - 1) * per_page))).mappings().all()
        per_training = (await s.execute(
            select(trainings.c.id, trainings.c.title, trainings.c.batch, func.count(), overdue_col)
            .join(enrollments, enrollments.c.training_id == trainings.c.id).where(and_(*base))
            .group_by(trainings.c.id).order_by(trainings.c.start_date, trainings.c.title))).all()
    items = []
    for r in rows:
        t = {n: r[n] for n in _TRAINING_COLS} | {"id": r["training_id"]}
        waited = working_days_waited(r["submitted_at"].astimezone(tz).date(), today)
        items.append(admin_item(ctx, r, t) | dict(working_days_waiting=waited, overdue=waited > limit))
    return dict(items=items, total=total, page=page, per_page=per_page, working_days=limit,
                waiting=sum(n for *_, n, _o in per_training), overdue=sum(o for *_, o in per_training),
                trainings=[dict(id=str(tid), title=display_title({"title": title, "batch": batch}), waiting=n,
                                overdue=o) for tid, title, batch, n, o in per_training])


_TRAINING_COLS = ("org_id", "title", "batch", "kind", "level", "mode", "venue", "start_date", "end_date",
                  "whatsapp_link")
