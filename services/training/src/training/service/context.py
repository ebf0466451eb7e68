"""What every training handler needs: settings, sessions, the outbox, the clock, units of work."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from balai_platform.clock import utcnow
from balai_platform.outbox import Outbox

from ..adapters.uow import TrainingUnitOfWork
from ..settings import Settings


@dataclass
class TrainingContext:
    settings: Settings
    sessionmaker: async_sessionmaker[AsyncSession]
    outbox: Outbox
    clock: Callable[[], datetime] = field(default=utcnow)
    # unit tests pass a factory of fake units of work (in-memory repositories, no I/O)
    uow_factory: Callable[[], Any] | None = None

    def uow(self) -> TrainingUnitOfWork:
        """A new unit of work: `async with ctx.uow() as uow: ...; await uow.commit()`."""
        if self.uow_factory is not None:
            return self.uow_factory()
        return TrainingUnitOfWork(self.sessionmaker, self.outbox)

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        """Today in WIB: ages and working days are counted on the local calendar."""
        return self.now().astimezone(ZoneInfo(self.settings.timezone)).date()

    def url(self, path: str) -> str:
        return f"{self.settings.public_path_prefix}{path}"
