"""ukm's unit of work: its repositories on one session; commit writes the recorded events to the outbox."""
from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.uow import JoinedUnitOfWork, SqlUnitOfWork

from .business_repository import BusinessRepository
from .product_repository import ProductRepository


class UkmUnitOfWork(SqlUnitOfWork):
    """`async with uow:` one transaction; `await uow.commit()` = state + outbox rows, atomically."""

    businesses: BusinessRepository
    products: ProductRepository

    def repositories(self, session: AsyncSession) -> None:
        self.businesses = BusinessRepository(session, self)
        self.products = ProductRepository(session, self)


class JoinedUkmUnitOfWork(JoinedUnitOfWork, UkmUnitOfWork):
    """Inside a transaction another owns (a consumer's inbox transaction): `commit()` only writes the
    events to the outbox; the owner commits or rolls back everything, inbox row included."""
