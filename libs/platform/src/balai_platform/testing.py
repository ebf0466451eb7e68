"""Test helpers for service-layer unit tests: no I/O, no broker, no database."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from .uow import UnitOfWork


class FakeUnitOfWork(UnitOfWork):
    """Commits into lists: `published` holds the (subject, event) pairs a real commit would
    have written to the outbox; `commits` counts commits. A subclass adds fake repositories."""

    def __init__(self) -> None:
        super().__init__()
        self.published: list[tuple[str, Any]] = []
        self.commits = 0

    async def commit(self) -> None:
        self.published += self.collect_events()
        self.commits += 1

    async def rollback(self) -> None:
        for agg in self._seen:  # uncommitted events are lost with the transaction
            agg.pull_events()
        self._loose = []

    @property
    def events(self) -> list[Any]:
        return [event for _, event in self.published]


class FrozenClock:
    """A controllable clock: `clock()` returns the current fake time; `advance()` moves it."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 6, 1, 2, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now
