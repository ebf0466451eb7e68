"""The admin dashboard's certificate tile: issued this week, still pending, stuck (failed to render)."""
from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from balai_platform.auth import Claims
from balai_platform.errors import Forbidden

from ..adapters.tables import certificates
from ..domain.certificate import ISSUED, PENDING
from .access import admin_org_filter
from .context import CertificateContext

STUCK_AFTER = timedelta(minutes=15)


def week_start(today: date) -> date:
    """Monday of `today`'s week."""
    return today - timedelta(days=today.weekday())


async def summary(ctx: CertificateContext, claims: Claims, org_id: uuid.UUID | None) -> dict:
    scope = admin_org_filter(claims)
    if scope is not None and org_id is not None and org_id != scope:
        raise Forbidden("Anda hanya dapat mengelola sertifikat organisasi Anda")
    scope = scope or org_id
    now, monday = ctx.clock.now(), week_start(ctx.clock.today())
    since = datetime.combine(monday, time(), tzinfo=ctx.clock.tz)
    c = certificates.c
    stmt = select(func.count().filter(c.status == ISSUED, c.issued_at >= since),
                  func.count().filter(c.status == PENDING),
                  func.count().filter(c.status == PENDING, c.created_at < now - STUCK_AFTER))
    if scope is not None:
        stmt = stmt.where(c.org_id == scope)
    async with ctx.sessionmaker() as s:
        issued, pending, stuck = (await s.execute(stmt)).one()
    return dict(org_id=str(scope) if scope else None, week_start=monday.isoformat(), issued_this_week=issued,
                pending=pending, failed=stuck)
