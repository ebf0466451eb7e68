"""The training unit of work: enrollments, seats, closing, the classroom and registration reads
in one transaction."""
from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.uow import SqlUnitOfWork

from .classroom import SqlClassroom
from .closing import SqlClosing
from .consultations import ConsultationRepository
from .narasumber_repository import NarasumberRepository, RequestRepository, SqlLetters
from .registration import SqlRegistration
from .repository import EnrollmentRepository
from .seats import SqlSeats


class TrainingUnitOfWork(SqlUnitOfWork):
    """`async with uow:` load, change and save enrollments; `commit()` writes their events to the outbox."""

    enrollments: EnrollmentRepository
    seats: SqlSeats
    closing: SqlClosing
    classroom: SqlClassroom
    registration: SqlRegistration
    narasumber: NarasumberRepository
    narasumber_requests: RequestRepository
    letters: SqlLetters
    consultations: ConsultationRepository

    def repositories(self, session: AsyncSession) -> None:
        self.enrollments = EnrollmentRepository(session, self)
        self.seats = SqlSeats(session)
        self.closing = SqlClosing(session)
        self.classroom = SqlClassroom(session)
        self.registration = SqlRegistration(session)
        self.narasumber = NarasumberRepository(session, self)
        self.narasumber_requests = RequestRepository(session, self)
        self.letters = SqlLetters(session)
        self.consultations = ConsultationRepository(session, self)
