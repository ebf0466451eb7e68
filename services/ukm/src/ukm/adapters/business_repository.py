"""Loading and saving the Business aggregate: the businesses row, its members, its new audit lines."""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.uow import UnitOfWork

from ..domain.actors import Member
from ..domain.business import Business
from ..domain.errors import NotFound
from .gallery_sql import refresh_entries
from .tables import business_audit, business_members, business_trainings, businesses

NOT_FOUND = "UKM/Koperasi tidak ditemukan"
_OWN_COLUMNS = ("id", "created_by", "created_at", "updated_at")
_MemberState = dict[uuid.UUID, tuple[str, str]]


class BusinessRepository:
    """Remembers what it loaded, so `save` writes only what changed (and refreshes gallery copies)."""

    def __init__(self, session: AsyncSession, uow: UnitOfWork) -> None:
        self.session, self.uow = session, uow
        self._loaded: dict[uuid.UUID, tuple[dict[str, Any], _MemberState]] = {}

    async def get(self, business_id: uuid.UUID, *, lock: bool = False) -> Business:
        """The business with all its members (pending too); `lock` takes the row lock FOR UPDATE."""
        stmt = select(businesses).where(businesses.c.id == business_id)
        row = (await self.session.execute(stmt.with_for_update() if lock else stmt)).mappings().first()
        if row is None:
            raise NotFound(NOT_FOUND)
        members = (await self.session.execute(
            select(business_members).where(business_members.c.business_id == business_id)
            .order_by(business_members.c.joined_at))).mappings().all()
        business = Business(
            id=row["id"], data={k: v for k, v in row.items() if k not in _OWN_COLUMNS},
            created_by=row["created_by"], created_at=row["created_at"], updated_at=row["updated_at"],
            members=[Member(m["participant_id"], m["position"], m["status"], m["joined_at"]) for m in members])
        self._remember(business)
        self.uow.track(business)
        return business

    async def add(self, business: Business) -> None:
        await self.session.execute(businesses.insert().values(**_columns(business)))
        await self._write_members(business, {})
        await self._write_audit(business)
        self._remember(business)
        self.uow.track(business)

    async def save(self, business: Business) -> None:
        row, members = self._loaded[business.id]
        columns = _columns(business)
        changed = {k: v for k, v in columns.items() if row.get(k) != v}
        if changed:
            await self.session.execute(update(businesses).where(businesses.c.id == business.id).values(**changed))
            # the gallery rows copy the business's name, brand, region and permits
            await refresh_entries(self.session, business_id=business.id)
        await self._write_members(business, members)
        await self._write_audit(business)
        self._remember(business)

    async def latest_training(self, business_id: uuid.UUID) -> Mapping | None:
        """The training whose confirmation most recently concerned this business, if any."""
        return (await self.session.execute(
            select(business_trainings).where(business_trainings.c.business_id == business_id)
            .order_by(business_trainings.c.confirmed_at.desc()).limit(1))).mappings().first()

    async def training_orgs(self, business_id: uuid.UUID) -> set[uuid.UUID]:
        """The balai (organisations) whose trainings the business attended."""
        return set((await self.session.scalars(select(business_trainings.c.org_id).where(
            business_trainings.c.business_id == business_id))).all())

    async def _write_members(self, business: Business, before: _MemberState) -> None:
        m = business_members.c
        now = {x.participant_id: x for x in business.members}
        gone = [pid for pid in before if pid not in now]
        if gone:
            await self.session.execute(delete(business_members).where(
                m.business_id == business.id, m.participant_id.in_(gone)))
        for pid, member in now.items():
            if pid not in before:
                await self.session.execute(business_members.insert().values(
                    business_id=business.id, participant_id=pid, position=member.position,
                    status=member.status, joined_at=member.joined_at))
            elif before[pid] != (member.position, member.status):
                await self.session.execute(update(business_members).where(
                    m.business_id == business.id, m.participant_id == pid)
                    .values(position=member.position, status=member.status))

    async def _write_audit(self, business: Business) -> None:
        for entry in business.new_audit:
            await self.session.execute(business_audit.insert().values(
                business_id=business.id, actor_id=entry.actor.audit_id, actor_role=entry.actor.role,
                actor_username=entry.actor.username[:32], action=entry.action,
                changes=entry.jsonable_changes(), at=entry.at))
        business.new_audit.clear()

    def _remember(self, business: Business) -> None:
        self._loaded[business.id] = (_columns(business),
                                     {m.participant_id: (m.position, m.status) for m in business.members})


def _columns(business: Business) -> dict[str, Any]:
    return {**business.data, "id": business.id, "created_by": business.created_by,
            "created_at": business.created_at, "updated_at": business.updated_at}
