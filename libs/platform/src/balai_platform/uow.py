"""Unit of work: one session, one transaction; on commit the aggregates' events go to the outbox.

    async with uow:
        enrollment = await uow.enrollments.get(enrollment_id, lock=True)
        enrollment.verify(...)
        await uow.commit()

Leaving the block without `commit()` (or with an exception) rolls everything back, events
included. A service subclasses `SqlUnitOfWork` and builds its repositories in `repositories()`;
its unit tests use `FakeUnitOfWork` (balai_platform.testing) with in-memory repositories.
"""
from __future__ import annotations

from typing import Any, Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from .aggregate import Aggregate
from .outbox import Outbox


class UnitOfWork:
    """What handlers see: track aggregates, publish loose events, commit, roll back."""

    def __init__(self) -> None:
        self._seen: list[Aggregate] = []
        self._loose: list[tuple[str, Any]] = []

    def track(self, aggregate: Aggregate) -> Aggregate:
        """Repositories call this for every aggregate they load or add."""
        if not any(a is aggregate for a in self._seen):
            self._seen.append(aggregate)
        return aggregate

    def publish(self, event: Any, subject: str) -> None:
        """An event not recorded by an aggregate (e.g. from a plain-SQL write path)."""
        self._loose.append((subject, event))

    def collect_events(self) -> list[tuple[str, Any]]:
        events = [pair for agg in self._seen for pair in agg.pull_events()]
        events += self._loose
        self._loose = []
        return events

    async def __aenter__(self) -> Self:
        self._seen, self._loose = [], []
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.rollback()

    async def commit(self) -> None:
        raise NotImplementedError

    async def rollback(self) -> None:
        raise NotImplementedError


class SqlUnitOfWork(UnitOfWork):
    """A SQLAlchemy session and transaction; commit writes the collected events to the outbox."""

    session: AsyncSession

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], outbox: Outbox) -> None:
        super().__init__()
        self.sessionmaker = sessionmaker
        self.outbox = outbox

    def repositories(self, session: AsyncSession) -> None:
        """Override: build this service's repositories on `self` for the new session."""

    async def __aenter__(self) -> Self:
        await super().__aenter__()
        self.session = self.sessionmaker()
        await self.session.begin()
        self.repositories(self.session)
        return self

    async def __aexit__(self, *exc: object) -> None:
        try:
            await self.rollback()
        finally:
            await self.session.close()

    async def flush_events(self) -> list:
        """Write the events recorded so far to the outbox (still inside the transaction); their envelopes."""
        return [await self.outbox.add(self.session, event, subject=subject)
                for subject, event in self.collect_events()]

    async def commit(self) -> None:
        await self.flush_events()
        await self.session.commit()

    async def rollback(self) -> None:
        if self.session.in_transaction():
            await self.session.rollback()


class JoinedUnitOfWork(SqlUnitOfWork):
    """A service's unit of work inside a transaction another owns (a consumer's inbox transaction):
    `commit()` only writes the events to the outbox; the owner commits or rolls back everything,
    inbox row included. Use as the first base: `class JoinedXUnitOfWork(JoinedUnitOfWork, XUnitOfWork)`."""

    def __init__(self, session: AsyncSession, outbox: Outbox) -> None:
        UnitOfWork.__init__(self)
        self.session, self.outbox = session, outbox

    async def __aenter__(self) -> Self:
        await UnitOfWork.__aenter__(self)
        self.repositories(self.session)
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.collect_events()  # events not committed are dropped; the owner's rollback undoes the state

    async def commit(self) -> None:
        await self.flush_events()

    async def rollback(self) -> None:
        self.collect_events()
