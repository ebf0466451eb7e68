"""What every survey handler needs: settings, sessions, the outbox, the clock, units of work."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from balai_platform.clock import Clock
from balai_platform.outbox import Outbox

from ..adapters.uow import JoinedSurveyUnitOfWork, SurveyUnitOfWork
from ..settings import Settings


@dataclass
class SurveyContext:
    settings: Settings
    sessionmaker: async_sessionmaker[AsyncSession]
    outbox: Outbox
    clock: Clock = field(default_factory=Clock)  # UTC now() and WIB today(); tests pass a FrozenClock

    def uow(self, session: AsyncSession | None = None) -> SurveyUnitOfWork:
        """A unit of work on a new transaction, or inside `session`'s (a consumer's inbox transaction)."""
        if session is not None:
            return JoinedSurveyUnitOfWork(session, self.outbox)
        return SurveyUnitOfWork(self.sessionmaker, self.outbox)
