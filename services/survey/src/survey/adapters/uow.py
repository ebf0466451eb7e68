"""survey's unit of work: its repositories on one session; commit writes the recorded events to the outbox."""
from __future__ import annotations

from typing import Self

from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.outbox import Outbox
from balai_platform.uow import SqlUnitOfWork, UnitOfWork

from .repositories import InvitationRepository, PeriodRepository, ResponseRepository


class SurveyUnitOfWork(SqlUnitOfWork):
    """`async with uow:` one transaction; `await uow.commit()` = state + outbox rows, atomically."""

    periods: PeriodRepository
    invitations: InvitationRepository
    responses: ResponseRepository

    def repositories(self, session: AsyncSession) -> None:
        self.periods = PeriodRepository(session, self)
        self.invitations = InvitationRepository(session, self)
        self.responses = ResponseRepository(session, self)


class JoinedSurveyUnitOfWork(SurveyUnitOfWork):
    """Inside a transaction another owns (a consumer's inbox transaction): `commit()` only writes the
    events to the outbox; the owner commits or rolls back everything, inbox row included."""

    def __init__(self, session: AsyncSession, outbox: Outbox) -> None:
        UnitOfWork.__init__(self)
        self.session, self.outbox = session, outbox

    async def __aenter__(self) -> Self:
        await UnitOfWork.__aenter__(self)
        self.repositories(self.session)
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.collect_events()

    async def commit(self) -> None:
        await self.flush_events()

    async def rollback(self) -> None:
        self.collect_events()
