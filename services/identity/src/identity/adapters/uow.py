"""Identity's unit of work: one transaction over its repositories; events go to the outbox."""
from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.uow import SqlUnitOfWork

from .accounts import SqlAccounts, SqlPasswordResets, SqlRefreshTokens
from .login_failures import SqlLoginFailures
from .service_standards import SqlServiceStandards


class IdentityUnitOfWork(SqlUnitOfWork):
    accounts: SqlAccounts
    password_resets: SqlPasswordResets
    refresh_tokens: SqlRefreshTokens
    login_failures: SqlLoginFailures
    service_standards: SqlServiceStandards

    def repositories(self, session: AsyncSession) -> None:
        self.accounts = SqlAccounts(session, self.track)
        self.password_resets = SqlPasswordResets(session)
        self.refresh_tokens = SqlRefreshTokens(session)
        self.login_failures = SqlLoginFailures(session)
        self.service_standards = SqlServiceStandards(session, self.track)
