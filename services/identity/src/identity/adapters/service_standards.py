"""Repository of the Standar Pelayanan aggregate, and the plain queries of the public page."""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from balai_contracts.identity import DEFAULT_DEADLINES
from balai_platform.errors import NotFound

from ..domain.service_standards import ServiceEntry, ServiceStandards
from .tables import organisations, service_standards

ORG_NOT_FOUND = "Organisasi tidak ditemukan"
_COLUMNS = (organisations.c.id, organisations.c.code, organisations.c.name, service_standards.c.services,
            service_standards.c.deadlines, service_standards.c.version, service_standards.c.updated_at)


def _from_row(row) -> ServiceStandards:
    deadlines = dict(DEFAULT_DEADLINES)
    for key, item in (row["deadlines"] or {}).items():
        deadlines[key] = (int(item["amount"]), str(item["unit"]))
    return ServiceStandards(org_id=row["id"], org_code=row["code"], org_name=row["name"],
                            services=[ServiceEntry(**s) for s in row["services"] or []], deadlines=deadlines,
                            version=row["version"] or 0, updated_at=row["updated_at"])


def _joined():
    return select(*_COLUMNS).select_from(organisations.outerjoin(
        service_standards, service_standards.c.org_id == organisations.c.id))


class SqlServiceStandards:
    def __init__(self, session: AsyncSession, track) -> None:
        self.session, self.track = session, track

    async def get(self, org_id: uuid.UUID, *, lock: bool = False) -> ServiceStandards:
        """The organisation's standards (empty with default limits before the first save); the
        organisation row is locked FOR UPDATE when `lock`, so two saves of one organisation queue."""
        if lock:
            locked = await self.session.scalar(
                select(organisations.c.id).where(organisations.c.id == org_id).with_for_update())
            if locked is None:
                raise NotFound(ORG_NOT_FOUND)
        row = (await self.session.execute(_joined().where(organisations.c.id == org_id))).mappings().first()
        if row is None:
            raise NotFound(ORG_NOT_FOUND)
        return self.track(_from_row(row))

    async def save(self, std: ServiceStandards) -> None:
        values = dict(services=[s.to_dict() for s in std.services],
                      deadlines={k: {"amount": a, "unit": u} for k, (a, u) in std.deadlines.items()},
                      version=std.version, updated_at=std.updated_at)
        stmt = insert(service_standards).values(org_id=std.org_id, **values)
        await self.session.execute(stmt.on_conflict_do_update(index_elements=[service_standards.c.org_id],
                                                              set_=values))


async def all_public(session: AsyncSession) -> list[ServiceStandards]:
    """Every organisation with its standards (published or not), by name."""
    rows = (await session.execute(_joined().order_by(organisations.c.name))).mappings().all()
    return [_from_row(r) for r in rows]
