"""The certificate unit of work: its repositories on one session; commit writes events to the outbox."""
from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.uow import JoinedUnitOfWork, SqlUnitOfWork

from .repository import CertificateRepository
from .templates import TemplateStore


class CertificateUnitOfWork(SqlUnitOfWork):
    """`async with uow:` one transaction; `await uow.commit()` = state + outbox rows, atomically."""

    certificates: CertificateRepository
    templates: TemplateStore

    def repositories(self, session: AsyncSession) -> None:
        self.certificates = CertificateRepository(session, self)
        self.templates = TemplateStore(session)


class JoinedCertificateUnitOfWork(JoinedUnitOfWork, CertificateUnitOfWork):
    """Inside a consumer's inbox transaction: `commit()` only writes the events to the outbox."""
