"""The NIK access log: who saw which participant's full NIK/KK/NPWP, when, in which request."""
from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from balai_platform.auth import Claims
from balai_platform.logging import correlation_id, get_logger

from ..adapters.tables import accounts, nik_access_log
from .context import IdentityContext
from .errors import Forbidden

log = get_logger("nik_access")
SUPERADMINS_ONLY = "Log akses NIK hanya dapat dibaca oleh superadmin"


async def record_view(session: AsyncSession, viewer: Claims, participant_id: uuid.UUID,
                      fields: list[str]) -> None:
    """Append one access-log row (ids, field names, time, request id; never the values)."""
    request_id = correlation_id.get()[:64]
    await session.execute(nik_access_log.insert().values(
        admin_id=uuid.UUID(viewer.sub), participant_id=participant_id, fields=fields, request_id=request_id))
    log.info("nik_viewed", admin_id=viewer.sub, participant_id=str(participant_id), fields=fields)


async def list_access_log(ctx: IdentityContext, viewer: Claims, *, participant_id: uuid.UUID | None,
                          admin_id: uuid.UUID | None, page: int, per_page: int) -> dict:
    """Superadmin: the access log, newest first, optionally for one participant and/or admin."""
    if viewer.role != "superadmin":
        raise Forbidden(SUPERADMINS_ONLY)
    admin, person = aliased(accounts), aliased(accounts)
    stmt = (select(nik_access_log, admin.c.username.label("admin_username"),
                   admin.c.full_name.label("admin_name"), person.c.username.label("participant_username"),
                   person.c.full_name.label("participant_name"))
            .outerjoin(admin, admin.c.id == nik_access_log.c.admin_id)
            .outerjoin(person, person.c.id == nik_access_log.c.participant_id))
    count = select(func.count()).select_from(nik_access_log)
    if participant_id is not None:
        stmt = stmt.where(nik_access_log.c.participant_id == participant_id)
        count = count.where(nik_access_log.c.participant_id == participant_id)
    if admin_id is not None:
        stmt = stmt.where(nik_access_log.c.admin_id == admin_id)
        count = count.where(nik_access_log.c.admin_id == admin_id)
    async with ctx.sessionmaker() as s:
        total = await s.scalar(count)
        rows = (await s.execute(stmt.order_by(nik_access_log.c.at.desc(), nik_access_log.c.id.desc())
                                .limit(per_page).offset((page - 1) * per_page))).mappings().all()
    items = [dict(id=r["id"], at=r["at"].isoformat(), admin_id=str(r["admin_id"]),
                  admin_username=r["admin_username"], admin_name=r["admin_name"],
                  participant_id=str(r["participant_id"]), participant_username=r["participant_username"],
                  participant_name=r["participant_name"], fields=list(r["fields"]), request_id=r["request_id"])
             for r in rows]
    return dict(items=items, total=total or 0, page=page, per_page=per_page)
