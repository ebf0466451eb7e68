"""The admin dashboard's training tile: what waits for the admin of one organisation (or all)."""
from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import and_, func, select

from balai_platform.auth import Claims

from ..adapters.tables import enrollments, trainings
from ..domain import lifecycle
from .access import org_scope
from .admin_queries import overdue
from .context import TrainingContext
from .views import display_title

UPCOMING_DAYS = 14
UPCOMING_LIMIT = 20


def upcoming_window(today: date, days: int = UPCOMING_DAYS) -> tuple[date, date]:
    """Trainings starting from today up to and including `days` days ahead."""
    return today, today + timedelta(days=days)


def _count(status: str):
    return func.count().filter(enrollments.c.status == status)


async def summary(ctx: TrainingContext, claims: Claims, *, org_id: uuid.UUID | None) -> dict:
    """Applications waiting (and overdue), trainings starting soon with seats and missing confirmations."""
    scope = org_scope(claims, org_id)
    first, last = upcoming_window(ctx.today())
    in_scope = [] if scope is None else [trainings.c.org_id == scope]
    waiting_stmt = (select(_count(lifecycle.SUBMITTED), _count(lifecycle.WAITLISTED))
                    .select_from(enrollments.join(trainings, trainings.c.id == enrollments.c.training_id))
                    .where(enrollments.c.status.in_((lifecycle.SUBMITTED, lifecycle.WAITLISTED)), *in_scope))
    soon_stmt = (select(trainings.c.id, trainings.c.title, trainings.c.batch, trainings.c.org_id,
                        trainings.c.start_date, trainings.c.quota, trainings.c.seats_taken,
                        _count(lifecycle.VERIFIED).label("unconfirmed"),
                        _count(lifecycle.SUBMITTED).label("submitted"))
                 .select_from(trainings.outerjoin(enrollments, and_(enrollments.c.training_id == trainings.c.id,
                              enrollments.c.status.in_((lifecycle.VERIFIED, lifecycle.SUBMITTED)))))
                 .where(trainings.c.start_date >= first, trainings.c.start_date <= last,
                        trainings.c.closed_at.is_(None), *in_scope)
                 .group_by(trainings.c.id)
                 .order_by(trainings.c.start_date, trainings.c.title, trainings.c.id).limit(UPCOMING_LIMIT))
    async with ctx.sessionmaker() as s:
        submitted, waitlisted = (await s.execute(waiting_stmt)).one()
        soon = (await s.execute(soon_stmt)).mappings().all()
    late = await overdue(ctx, claims, org_id=scope, days=None)
    upcoming = [dict(id=str(r["id"]), title=display_title(r), org_id=str(r["org_id"]),
                     start_date=r["start_date"].isoformat(), quota=r["quota"], seats_taken=r["seats_taken"],
                     confirmations_missing=r["unconfirmed"], waiting=r["submitted"]) for r in soon]
    return dict(org_id=str(scope) if scope else None, waiting=submitted, waitlisted=waitlisted,
                overdue=late["total"], working_days=late["working_days"], upcoming_days=UPCOMING_DAYS,
                upcoming=upcoming, confirmations_missing=sum(u["confirmations_missing"] for u in upcoming))
