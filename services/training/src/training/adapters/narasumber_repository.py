"""Loading and saving narasumber registrations and requests; letter numbers and letterheads."""
from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.errors import Conflict, NotFound
from balai_platform.uow import UnitOfWork

from ..domain.material import CheckedMaterial
from ..domain.narasumber import Assignment, Narasumber, TrainingSlot
from ..domain.narasumber_request import NarasumberRequest
from .narasumber_letters import DEFAULT_LETTERHEAD, Letterhead
from .tables import trainings
from .tables_narasumber import (
    narasumber,
    narasumber_assignments,
    narasumber_files,
    narasumber_letter_counters,
    narasumber_offices,
    narasumber_requests,
)

NOT_FOUND = "Data narasumber tidak ditemukan"
REQUEST_NOT_FOUND = "Permintaan narasumber tidak ditemukan"
STATE = tuple(c.name for c in narasumber.c)
REQUEST_STATE = tuple(c.name for c in narasumber_requests.c if c.name not in ("letter_filename", "letter_data"))
ASSIGNMENT = tuple(c.name for c in narasumber_assignments.c if c.name != "narasumber_id")
OFFICE = ("name", "parent", "address", "place", "head_position", "head_name", "head_nip")


class NarasumberRepository:
    """Registrations of one unit of work; every aggregate it hands out is tracked for its events."""

    def __init__(self, session: AsyncSession, uow: UnitOfWork) -> None:
        self.session = session
        self.uow = uow
        self._saved: dict[uuid.UUID, dict[str, Any]] = {}

    async def get(self, narasumber_id: uuid.UUID, *, lock: bool = False) -> Narasumber:
        stmt = select(narasumber).where(narasumber.c.id == narasumber_id)
        row = (await self.session.execute(stmt.with_for_update() if lock else stmt)).mappings().first()
        if row is None:
            raise NotFound(NOT_FOUND)
        rows = (await self.session.execute(
            select(narasumber_assignments).where(narasumber_assignments.c.narasumber_id == narasumber_id)
        )).mappings().all()
        n = Narasumber(**{k: row[k] for k in STATE},
                       assignments=[Assignment(narasumber_id=narasumber_id, **{k: r[k] for k in ASSIGNMENT})
                                    for r in rows])
        self._saved[n.id] = _state(n)
        self.uow.track(n)
        return n

    async def add(self, n: Narasumber, files: list[tuple[str, int, CheckedMaterial]]) -> None:
        """Insert a registration and its documents; a second one of the account with the organisation
        fails on uq_narasumber_account_org (Conflict)."""
        try:
            async with self.session.begin_nested():
                await self.session.execute(narasumber.insert().values(**_state(n)))
        except IntegrityError:
            raise Conflict("Anda sudah terdaftar sebagai narasumber di organisasi ini") from None
        for kind, no, f in files:
            await self.session.execute(narasumber_files.insert().values(
                narasumber_id=n.id, kind=kind, n=no, filename=f.filename, size=f.size, data=f.data, etag=f.etag))
        self._saved[n.id] = _state(n)
        self.uow.track(n)

    async def save(self, n: Narasumber) -> None:
        before, now = self._saved.get(n.id, {}), _state(n)
        changed = {k: v for k, v in now.items() if before.get(k) != v}
        if changed:
            await self.session.execute(narasumber.update().where(narasumber.c.id == n.id).values(**changed))
        for a in n.assignments:
            if a.new:
                try:
                    async with self.session.begin_nested():
                        await self.session.execute(narasumber_assignments.insert().values(
                            narasumber_id=n.id, **{k: getattr(a, k) for k in ASSIGNMENT}))
                except IntegrityError:
                    raise Conflict("Narasumber sudah ditugaskan untuk modul ini pada tanggal tersebut") from None
                a.new = False
        self._saved[n.id] = now
        self.uow.track(n)

    async def status_of(self, narasumber_id: uuid.UUID) -> tuple[str, uuid.UUID] | None:
        """(status, organisation) of a registration, or None."""
        row = (await self.session.execute(select(narasumber.c.status, narasumber.c.org_id)
                                          .where(narasumber.c.id == narasumber_id))).first()
        return (row.status, row.org_id) if row else None

    async def training_slot(self, training_id: uuid.UUID) -> TrainingSlot:
        row = (await self.session.execute(
            select(trainings.c.id, trainings.c.org_id, trainings.c.title, trainings.c.batch, trainings.c.start_date,
                   trainings.c.end_date, trainings.c.closed_at).where(trainings.c.id == training_id))).first()
        if row is None:
            raise NotFound("Pelatihan tidak ditemukan")
        return TrainingSlot(id=row.id, org_id=row.org_id, title=f"{row.title} Angkatan {row.batch}",
                            start_date=row.start_date, end_date=row.end_date, closed=row.closed_at is not None)


class RequestRepository:
    def __init__(self, session: AsyncSession, uow: UnitOfWork) -> None:
        self.session = session
        self.uow = uow

    async def get(self, request_id: uuid.UUID, *, lock: bool = False) -> NarasumberRequest:
        stmt = select(*[narasumber_requests.c[k] for k in REQUEST_STATE]).where(narasumber_requests.c.id == request_id)
        row = (await self.session.execute(stmt.with_for_update() if lock else stmt)).mappings().first()
        if row is None:
            raise NotFound(REQUEST_NOT_FOUND)
        r = NarasumberRequest(**dict(row))
        self.uow.track(r)
        return r

    async def add(self, r: NarasumberRequest, letter: CheckedMaterial) -> None:
        await self.session.execute(narasumber_requests.insert().values(
            letter_filename=letter.filename, letter_data=letter.data, **{k: getattr(r, k) for k in REQUEST_STATE}))
        self.uow.track(r)

    async def save(self, r: NarasumberRequest) -> None:
        decided = ("status", "narasumber_id", "decision_reason", "decided_by", "decided_at", "answer_number")
        await self.session.execute(narasumber_requests.update().where(narasumber_requests.c.id == r.id)
                                   .values(**{k: getattr(r, k) for k in decided}))
        self.uow.track(r)


class SqlLetters:
    """Letter numbers (a counter row per organisation, kind and year) and the organisation's letterhead."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def next_seq(self, org_id: uuid.UUID, kind: str, year: int) -> int:
        """The next number: INSERT ... ON CONFLICT DO UPDATE ... RETURNING holds the counter row's lock until
        commit, so concurrent decisions of one organisation get consecutive, distinct numbers."""
        stmt = insert(narasumber_letter_counters).values(org_id=org_id, kind=kind, year=year, last=1)
        stmt = stmt.on_conflict_do_update(index_elements=["org_id", "kind", "year"],
                                          set_={"last": narasumber_letter_counters.c.last + 1})
        return int(await self.session.scalar(stmt.returning(narasumber_letter_counters.c.last)))

    async def office_known(self, org_id: uuid.UUID) -> bool:
        """An organisation training knows: it keeps a letterhead here or runs trainings."""
        if await self.session.scalar(select(narasumber_offices.c.org_id).where(narasumber_offices.c.org_id == org_id)):
            return True
        return await self.session.scalar(select(trainings.c.id).where(trainings.c.org_id == org_id).limit(1)) is not None

    async def letterhead(self, org_id: uuid.UUID) -> Letterhead:
        row = (await self.session.execute(select(*[narasumber_offices.c[k] for k in OFFICE])
                                          .where(narasumber_offices.c.org_id == org_id))).mappings().first()
        return Letterhead(**dict(row)) if row else DEFAULT_LETTERHEAD


def _state(n: Narasumber) -> dict[str, Any]:
    return {k: (list(getattr(n, k)) if k == "modules" else getattr(n, k)) for k in STATE}
