"""What every lodging handler needs: settings, sessions, the outbox, the clock, units of work."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from balai_platform.clock import Clock
from balai_platform.outbox import Outbox

from ..adapters.uow import JoinedLodgingUnitOfWork, LodgingUnitOfWork
from ..settings import Settings


@dataclass
class LodgingContext:
    settings: Settings
    sessionmaker: async_sessionmaker[AsyncSession]
    outbox: Outbox
    clock: Clock = field(default_factory=Clock)

    def uow(self, session: AsyncSession | None = None) -> LodgingUnitOfWork:
        """A unit of work on a new transaction, or inside `session`'s (a consumer's inbox transaction)."""
        if session is not None:
            return JoinedLodgingUnitOfWork(session, self.outbox)
        return LodgingUnitOfWork(self.sessionmaker, self.outbox)
