"""Templates per organisation and training kind ('*' is the organisation's default)."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import case, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain.template import ANY_KIND, OrgTemplate
from .tables import templates


class TemplateStore:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def find(self, org_id: uuid.UUID, kind: str) -> OrgTemplate | None:
        """The kind's own template, else the organisation's default; None when neither was saved."""
        stmt = (select(templates).where(templates.c.org_id == org_id, templates.c.kind.in_((kind, ANY_KIND)))
                .order_by(case((templates.c.kind == ANY_KIND, 1), else_=0)).limit(1))
        row = (await self.session.execute(stmt)).mappings().first()
        return OrgTemplate.of_row(row) if row else None

    async def kinds(self, org_id: uuid.UUID) -> list[str]:
        return list((await self.session.scalars(
            select(templates.c.kind).where(templates.c.org_id == org_id).order_by(templates.c.kind))).all())

    async def save(self, org_id: uuid.UUID, kind: str, template: OrgTemplate, at: datetime) -> None:
        values = {**template.row(), "updated_at": at}
        stmt = insert(templates).values(org_id=org_id, kind=kind, **values)
        await self.session.execute(stmt.on_conflict_do_update(index_elements=["org_id", "kind"], set_=values))
