"""The certificate unit of work: its repositories on one session; commit writes events to the outbox."""
from __future__ import annotations

from typing import Self

from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.outbox import Outbox
from balai_platform.uow import SqlUnitOfWork, UnitOfWork

from .repository import CertificateRepository
from .templates import TemplateStore


class CertificateUnitOfWork(SqlUnitOfWork):
    """`async with uow:` one transaction; `await uow.commit()` = state + outbox rows, atomically."""

    certificates: CertificateRepository
    templates: TemplateStore

    def repositories(self, session: AsyncSession) -> None:
        self.certificates = CertificateRepository(session, self)
        self.templates = TemplateStore(session)


class JoinedCertificateUnitOfWork(CertificateUnitOfWork):
    """Inside a consumer's inbox transaction: `commit()` only writes the events to the outbox."""

    def __init__(self, session: AsyncSession, outbox: Outbox) -> None:
        UnitOfWork.__init__(self)
        self.session, self.outbox = session, outbox

    async def __aenter__(self) -> Self:
        await UnitOfWork.__aenter__(self)
        self.repositories(self.session)
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.collect_events()

    async def commit(self) -> None:
        await self.flush_events()

    async def rollback(self) -> None:
        self.collect_events()
