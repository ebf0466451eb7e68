"""Loading and saving complaints (pengaduan), the ticket counter and the copied deadlines."""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import fields

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.errors import NotFound
from balai_platform.uow import UnitOfWork

from ..domain.complaint import Complaint, Deadlines
from .tables import complaint_counters, complaints, org_deadlines

COMPLAINT_NOT_FOUND = "Pengaduan tidak ditemukan"
_STEP_COLUMNS = ("status", "verified_at", "verification_note", "answer_due", "answered_at", "answer",
                 "follow_up", "closed_at", "closing_note")


def complaint_of(row: Mapping) -> Complaint:
    return Complaint(**{f.name: row[f.name] for f in fields(Complaint)})


def deadlines_of(value: Mapping | None) -> Deadlines:
    out: Deadlines = {}
    for key, item in (value or {}).items():
        try:
            out[key] = (int(item["amount"]), str(item["unit"]))
        except (KeyError, TypeError, ValueError):
            continue
    return out


class ComplaintRepository:
    def __init__(self, session: AsyncSession, uow: UnitOfWork) -> None:
        self.session, self.uow = session, uow

    async def next_seq(self, year: int) -> int:
        """The year's next ticket number; the counter row stays locked until the transaction ends."""
        stmt = insert(complaint_counters).values(year=year, last=1)
        stmt = stmt.on_conflict_do_update(index_elements=[complaint_counters.c.year],
                                          set_={"last": complaint_counters.c.last + 1})
        return int(await self.session.scalar(stmt.returning(complaint_counters.c.last)))

    async def deadlines(self, org_id: uuid.UUID) -> Deadlines:
        """The organisation's copied limits ({} before any ServiceStandardsPublished: defaults apply)."""
        value = await self.session.scalar(select(org_deadlines.c.deadlines).where(org_deadlines.c.org_id == org_id))
        return deadlines_of(value)

    async def add(self, c: Complaint) -> None:
        await self.session.execute(complaints.insert().values(
            **{f.name: getattr(c, f.name) for f in fields(Complaint)}))
        self.uow.track(c)

    async def get(self, complaint_id: uuid.UUID, *, lock: bool = False) -> Complaint:
        stmt = select(complaints).where(complaints.c.id == complaint_id)
        row = (await self.session.execute(stmt.with_for_update() if lock else stmt)).mappings().first()
        if row is None:
            raise NotFound(COMPLAINT_NOT_FOUND)
        return self.uow.track(complaint_of(row))

    async def by_follow_hash(self, digest: bytes) -> Complaint:
        row = (await self.session.execute(select(complaints).where(complaints.c.follow_hash == digest))).mappings().first()
        if row is None:
            raise NotFound(COMPLAINT_NOT_FOUND)
        return complaint_of(row)

    async def save(self, c: Complaint) -> None:
        await self.session.execute(update(complaints).where(complaints.c.id == c.id).values(
            **{name: getattr(c, name) for name in _STEP_COLUMNS}))
