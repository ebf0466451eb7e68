"""The failed-login log (table `login_failures`): keys are keyed hashes, never a clear login."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain.login_throttle import FailureStats
from .tables import login_failures


class SqlLoginFailures:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def serialize(self, key: bytes) -> None:
        """Hold a transaction lock on this key, so parallel guesses are checked one after another."""
        lock_id = int.from_bytes(key[:8], "big", signed=True)
        await self.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": lock_id})

    async def stats(self, key: bytes, since: datetime) -> FailureStats:
        row = (await self.session.execute(
            select(func.count(), func.min(login_failures.c.at), func.max(login_failures.c.at))
            .where(login_failures.c.key == key, login_failures.c.at > since))).one()
        return FailureStats(count=row[0], first_at=row[1], last_at=row[2])

    async def add(self, keys: list[bytes], at: datetime) -> None:
        await self.session.execute(login_failures.insert(), [{"key": k, "at": at} for k in keys])

    async def clear(self, key: bytes) -> None:
        await self.session.execute(delete(login_failures).where(login_failures.c.key == key))
