"""What every ukm handler needs: settings, sessions, the outbox, the clock, units of work."""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from balai_platform.clock import Clock
from balai_platform.outbox import Outbox

from ..adapters.gallery_reads import GalleryReads
from ..adapters.uow import JoinedUkmUnitOfWork, UkmUnitOfWork
from ..settings import Settings


class CountCache:
    """Gallery totals of large result sets, kept a few seconds: counting thousands of rows on every
    page view costs more than the page itself. Small totals are never cached, so they stay exact."""

    def __init__(self, ttl_seconds: float = 5.0, min_cached: int = 500, max_keys: int = 1000) -> None:
        self.ttl, self.min_cached, self.max_keys = ttl_seconds, min_cached, max_keys
        self._data: dict[tuple, tuple[float, int]] = {}

    def get(self, key: tuple) -> int | None:
        hit = self._data.get(key)
        if hit is None or hit[0] < time.monotonic():
            return None
        return hit[1]

    def put(self, key: tuple, total: int) -> None:
        if total < self.min_cached:
            return
        if len(self._data) >= self.max_keys:
            self._data.clear()
        self._data[key] = (time.monotonic() + self.ttl, total)


@dataclass
class UkmContext:
    settings: Settings
    sessionmaker: async_sessionmaker[AsyncSession]
    outbox: Outbox
    counts: CountCache = field(default_factory=CountCache)
    clock: Clock = field(default_factory=Clock)  # UTC now() and WIB today(); tests pass a FrozenClock
    # the public gallery listing's own asyncpg pool (adapters.gallery_reads)
    gallery_reads: GalleryReads | None = None

    def uow(self, session: AsyncSession | None = None) -> UkmUnitOfWork:
        """A unit of work on a new transaction, or inside `session`'s (a consumer's inbox transaction)."""
        if session is not None:
            return JoinedUkmUnitOfWork(session, self.outbox)
        return UkmUnitOfWork(self.sessionmaker, self.outbox)

    def photo_url(self, product_id: object, n: int = 1) -> str:
        return f"{self.settings.public_path_prefix}/products/{product_id}/photos/{n}"
