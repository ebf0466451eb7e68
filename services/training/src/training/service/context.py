"""What every training handler needs: settings, sessions, the outbox, the clock."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from balai_platform.outbox import Outbox

from ..settings import Settings


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class TrainingContext:
    settings: Settings
    sessionmaker: async_sessionmaker[AsyncSession]
    outbox: Outbox
    clock: Callable[[], datetime] = field(default=_utcnow)

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        """Today in WIB: ages and working days are counted on the local calendar."""
        return self.now().astimezone(ZoneInfo(self.settings.timezone)).date()

    def url(self, path: str) -> str:
        return f"{self.settings.public_path_prefix}{path}"
