"""ukm's unit of work: its repositories on one session; commit writes the recorded events to the outbox."""
from __future__ import annotations

from typing import Self

from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.outbox import Outbox
from balai_platform.uow import SqlUnitOfWork, UnitOfWork

from .business_repository import BusinessRepository
from .product_repository import ProductRepository


class UkmUnitOfWork(SqlUnitOfWork):
    """`async with uow:` one transaction; `await uow.commit()` = state + outbox rows, atomically."""

    businesses: BusinessRepository
    products: ProductRepository

    def repositories(self, session: AsyncSession) -> None:
        self.businesses = BusinessRepository(session, self)
        self.products = ProductRepository(session, self)


class JoinedUkmUnitOfWork(UkmUnitOfWork):
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
        self.collect_events()  # events not committed are dropped; the owner's rollback undoes the state

    async def commit(self) -> None:
        await self.flush_events()

    async def rollback(self) -> None:
        self.collect_events()
