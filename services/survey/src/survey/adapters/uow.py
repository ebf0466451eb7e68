"""survey's unit of work: its repositories on one session; commit writes the recorded events to the outbox."""
from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.uow import JoinedUnitOfWork, SqlUnitOfWork

from .complaints import ComplaintRepository
from .repositories import InvitationRepository, PeriodRepository, ResponseRepository


class SurveyUnitOfWork(SqlUnitOfWork):
    """`async with uow:` one transaction; `await uow.commit()` = state + outbox rows, atomically."""

    periods: PeriodRepository
    invitations: InvitationRepository
    responses: ResponseRepository
    complaints: ComplaintRepository

    def repositories(self, session: AsyncSession) -> None:
        self.periods = PeriodRepository(session, self)
        self.invitations = InvitationRepository(session, self)
        self.responses = ResponseRepository(session, self)
        self.complaints = ComplaintRepository(session, self)


class JoinedSurveyUnitOfWork(JoinedUnitOfWork, SurveyUnitOfWork):
    """Inside a transaction another owns (a consumer's inbox transaction): `commit()` only writes the
    events to the outbox; the owner commits or rolls back everything, inbox row included."""
