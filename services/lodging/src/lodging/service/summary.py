"""The admin dashboard's lodging tile: who waits for a room, who arrives today, who is in now."""
from __future__ import annotations

import uuid

from sqlalchemy import func, select

from balai_platform.auth import Claims

from ..adapters.tables import stays
from ..domain.errors import Forbidden
from ..domain.stay import ASSIGNED, CHECKED_IN, WAITING
from .access import ADMIN_ONLY, OTHER_ORG
from .context import LodgingContext


def scope_of(claims: Claims, requested: uuid.UUID | None) -> uuid.UUID | None:
    """An admin sees their organisation; a superadmin all of them, or the one named."""
    if not claims.is_admin:
        raise Forbidden(ADMIN_ONLY)
    if claims.role == "superadmin":
        return requested
    if claims.org is None or (requested is not None and str(requested) != claims.org):
        raise Forbidden(OTHER_ORG)
    return uuid.UUID(claims.org)


async def summary(ctx: LodgingContext, claims: Claims, org_id: uuid.UUID | None) -> dict:
    scope = scope_of(claims, org_id)
    today = ctx.clock.today()
    counts = select(func.count().filter(stays.c.status == WAITING),
                    func.count().filter(stays.c.status == ASSIGNED, stays.c.first_night == today),
                    func.count().filter(stays.c.status == ASSIGNED, stays.c.first_night < today,
                                        stays.c.last_night >= today),
                    func.count().filter(stays.c.status == CHECKED_IN))
    if scope is not None:
        counts = counts.where(stays.c.org_id == scope)
    async with ctx.sessionmaker() as s:
        waiting, arriving, late, in_house = (await s.execute(counts)).one()
    return dict(org_id=str(scope) if scope else None, today=today.isoformat(), waiting_for_room=waiting,
                arriving_today=arriving, not_checked_in=late, checked_in=in_house)
