"""The training unit of work: enrollments, seats, closing, the classroom and registration reads
in one transaction."""
from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from balai_contracts.training import EnrollmentVerifiedV1
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

    async def commit_taking_seat(self, training_id: uuid.UUID) -> bool:
        """Commit an approval whose seat is taken last, in the COMMIT's own round trip (see
        adapters/seats.py). False when the training was full after all: nothing is committed, and
        the caller leaves the unit of work (rollback)."""
        envelopes = await self.flush_events()
        verified = [env for env in envelopes if env.type == EnrollmentVerifiedV1.event_type]
        if len(verified) != 1:
            raise RuntimeError("commit_taking_seat: expected exactly one EnrollmentVerified event")
        if not await self.seats.take_and_commit(training_id, verified[0].id):
            return False
        # The server has committed; this only settles SQLAlchemy's and asyncpg's bookkeeping (the
        # server answers "no transaction in progress" with a warning, not an error).
        await self.session.commit()
        return True

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
