"""lodging's unit of work: stays and the dormitory on one session; commit writes the events to the outbox."""
from __future__ import annotations

import uuid
import zlib

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.uow import JoinedUnitOfWork, SqlUnitOfWork

from .dormitory import Dormitory
from .stay_repository import StayRepository


class LodgingUnitOfWork(SqlUnitOfWork):
    """`async with uow:` one transaction; `await uow.commit()` = state + outbox rows, atomically."""

    stays: StayRepository
    dormitory: Dormitory

    def repositories(self, session: AsyncSession) -> None:
        self.stays = StayRepository(session, self)
        self.dormitory = Dormitory(session)

    def savepoint(self):
        """`async with uow.savepoint():` a nested transaction; an exception rolls back only its part."""
        return self.session.begin_nested()

    async def lock_waiting_list(self, org_id: uuid.UUID) -> None:
        """Serialise, per organisation, putting a stay on the waiting list and serving that list, so a
        bed freed at the same moment a guest starts waiting is never left empty (transaction lock)."""
        key = zlib.crc32(b"lodging-waiting:" + org_id.bytes)
        await self.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})


class JoinedLodgingUnitOfWork(JoinedUnitOfWork, LodgingUnitOfWork):
    """Inside a transaction another owns (a consumer's inbox transaction): `commit()` only writes the
    events to the outbox; the owner commits or rolls back everything, inbox row included."""
