"""In-memory stand-ins of the training unit of work: no database, no broker, milliseconds.

`FakeDatabase` is the committed state; each unit of work works on a deep copy of it and puts the
copy in place on commit, so a refused or abandoned handler leaves nothing behind (like a rollback).
Repositories hand out copies, so a change that is not `save()`d is lost, as with the real one."""
from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from balai_contracts.training import EnrollmentVerifiedV1
from balai_platform.auth import Claims
from balai_platform.testing import FakeUnitOfWork, FrozenClock
from training.adapters.classroom import ClassProgress
from training.adapters.registration import RegistrationRows
from training.domain import lifecycle as lc
from training.domain.enrollment import Enrollment
from training.domain.enrollment_facts import BusinessCopy, ParticipantCopy, Seat, TrainingFacts
from training.domain.quiz import Question
from training.service.context import TrainingContext
from training.settings import Settings

ORG = uuid.UUID("0b0a1a10-0000-4000-8000-000000000001")
OTHER_ORG = uuid.UUID("0b0a1a10-0000-4000-8000-000000000002")


@dataclass
class State:
    trainings: dict[uuid.UUID, TrainingFacts] = field(default_factory=dict)
    seats: dict[uuid.UUID, list[int]] = field(default_factory=dict)  # training id -> [taken, quota]
    enrollments: dict[uuid.UUID, Enrollment] = field(default_factory=dict)
    files: dict[tuple[uuid.UUID, str, int], bytes] = field(default_factory=dict)
    present: dict[uuid.UUID, int] = field(default_factory=dict)  # enrollment id -> days present
    modules: dict[uuid.UUID, list[dict]] = field(default_factory=dict)  # training id -> modules
    done: dict[uuid.UUID, set] = field(default_factory=dict)  # enrollment id -> module ids
    attempts: dict[uuid.UUID, list[dict]] = field(default_factory=dict)  # enrollment id -> attempts
    questions: dict[uuid.UUID, list[Question]] = field(default_factory=dict)
    training_rows: dict[uuid.UUID, dict] = field(default_factory=dict)  # registration: trainings rows
    participants: dict[uuid.UUID, dict] = field(default_factory=dict)  # local copies
    businesses: dict[uuid.UUID, dict] = field(default_factory=dict)
    members: dict[tuple[uuid.UUID, uuid.UUID], str] = field(default_factory=dict)  # (business, participant)


class FakeDatabase:
    def __init__(self) -> None:
        self.state = State()
        self.uows: list[FakeTrainingUnitOfWork] = []

    @property
    def published(self) -> list:
        return [event for uow in self.uows for event in uow.events]


def _detached(e: Enrollment) -> Enrollment:
    out = copy.deepcopy(e)
    out.pull_events()
    return out


class FakeEnrollments:
    def __init__(self, uow: FakeTrainingUnitOfWork) -> None:
        self.uow = uow
        self.locked: list[uuid.UUID] = []

    async def get(self, enrollment_id: uuid.UUID, lock: bool = False) -> Enrollment | None:
        stored = self.uow.work.enrollments.get(enrollment_id)
        if stored is None:
            return None
        if lock:
            self.locked.append(enrollment_id)
        e = replace(_detached(stored), training=self.uow.work.trainings[stored.training.id])
        self.uow.track(e)
        return e

    def seat_looked_free(self, enrollment_id: uuid.UUID) -> bool:
        taken, quota = self.uow.work.seats[self.uow.work.enrollments[enrollment_id].training.id]
        return taken < quota

    async def add(self, e: Enrollment) -> None:
        await self.save(e)

    async def save(self, e: Enrollment) -> None:
        for f in e.new_files:
            self.uow.work.files[(e.id, f.kind, f.n)] = f.data
        e.new_files.clear()
        self.uow.work.enrollments[e.id] = _detached(e)
        self.uow.track(e)


class FakeSeats:
    def __init__(self, uow: FakeTrainingUnitOfWork) -> None:
        self.uow = uow

    async def take(self, training_id: uuid.UUID) -> Seat | None:
        seat = self.uow.work.seats[training_id]
        if seat[0] >= seat[1]:
            return None
        seat[0] += 1
        return Seat(*seat)

    async def release(self, training_id: uuid.UUID) -> None:
        seat = self.uow.work.seats[training_id]
        seat[0] = max(0, seat[0] - 1)

    async def next_waiting(self, training_id: uuid.UUID) -> uuid.UUID | None:
        waiting = [e for e in self.uow.work.enrollments.values()
                   if e.training.id == training_id and e.status == lc.WAITLISTED]
        return min(waiting, key=lambda e: (e.submitted_at, str(e.id))).id if waiting else None


class FakeClosing:
    def __init__(self, uow: FakeTrainingUnitOfWork) -> None:
        self.uow = uow

    async def training(self, training_id: uuid.UUID) -> dict | None:
        t = self.uow.work.trainings.get(training_id)
        return None if t is None else dict(org_id=t.org_id, start_date=t.start_date, end_date=t.end_date,
                                           hours=t.hours)

    async def close(self, training_id: uuid.UUID, at: datetime) -> bool:
        t = self.uow.work.trainings[training_id]
        self.uow.work.trainings[training_id] = replace(t, closed=True)
        return not t.closed

    async def attending(self, training_id: uuid.UUID) -> list[uuid.UUID]:
        rows = sorted((e for e in self.uow.work.enrollments.values() if e.training.id == training_id
                       and e.status in (lc.VERIFIED, lc.CONFIRMED)), key=lambda e: e.submitted_at)
        return [e.id for e in rows]

    async def pending(self, training_id: uuid.UUID) -> list[uuid.UUID]:
        rows = sorted((e for e in self.uow.work.enrollments.values() if e.training.id == training_id
                       and e.status in lc.PENDING), key=lambda e: e.submitted_at)
        return [e.id for e in rows]

    async def module_titles(self, training_id: uuid.UUID) -> list[str]:
        return [m["title"] for m in sorted(self.uow.work.modules.get(training_id, []), key=lambda m: m["position"])]

    async def present_days(self, ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        return {eid: self.uow.work.present[eid] for eid in ids if eid in self.uow.work.present}


class FakeClassroom:
    def __init__(self, uow: FakeTrainingUnitOfWork) -> None:
        self.uow = uow

    async def progress(self, training_id: uuid.UUID, enrollment_id: uuid.UUID) -> ClassProgress:
        w = self.uow.work
        return ClassProgress(list(w.modules.get(training_id, [])), set(w.done.get(enrollment_id, set())),
                             list(w.attempts.get(enrollment_id, [])), len(w.questions.get(training_id, [])))

    async def module_files(self, module_ids) -> list[dict]:
        return []

    async def has_module(self, training_id: uuid.UUID, module_id: uuid.UUID) -> bool:
        return any(m["id"] == module_id for m in self.uow.work.modules.get(training_id, []))

    async def mark_done(self, enrollment_id: uuid.UUID, module_id: uuid.UUID, at: datetime) -> None:
        self.uow.work.done.setdefault(enrollment_id, set()).add(module_id)

    async def questions(self, training_id: uuid.UUID) -> list[Question]:
        return list(self.uow.work.questions.get(training_id, []))

    async def attempt(self, enrollment_id: uuid.UUID, attempt_id: uuid.UUID) -> dict | None:
        return next((a for a in self.uow.work.attempts.get(enrollment_id, []) if a["id"] == attempt_id), None)

    async def add_attempt(self, attempt_id, enrollment_id, number, paper, at) -> None:
        self.uow.work.attempts.setdefault(enrollment_id, []).append(
            dict(id=attempt_id, number=number, paper=paper, started_at=at, submitted_at=None, score=None,
                 passed=None))

    async def record_result(self, attempt_id, score, passed, at) -> None:
        for attempts in self.uow.work.attempts.values():
            for a in attempts:
                if a["id"] == attempt_id:
                    a.update(submitted_at=at, score=score, passed=passed)


class FakeRegistration:
    def __init__(self, uow: FakeTrainingUnitOfWork) -> None:
        self.uow = uow

    async def rows(self, training_id, participant_id, business_id) -> RegistrationRows | None:
        w = self.uow.work
        if training_id not in w.training_rows:
            return None
        active = next((e.id for e in w.enrollments.values() if e.training.id == training_id
                       and e.participant_id == participant_id and e.status not in (lc.CANCELLED, lc.REJECTED)), None)
        return RegistrationRows(w.training_rows[training_id], w.participants.get(participant_id),
                                w.businesses.get(business_id), w.members.get((business_id, participant_id)), active)


class FakeTrainingUnitOfWork(FakeUnitOfWork):
    """The training unit of work over a FakeDatabase."""

    def __init__(self, db: FakeDatabase) -> None:
        super().__init__()
        self.db = db
        self.work = db.state
        self.enrollments = FakeEnrollments(self)
        self.seats = FakeSeats(self)
        self.closing = FakeClosing(self)
        self.classroom = FakeClassroom(self)
        self.registration = FakeRegistration(self)
        db.uows.append(self)

    async def __aenter__(self):
        await super().__aenter__()
        self.work = copy.deepcopy(self.db.state)
        return self

    async def commit(self) -> None:
        await super().commit()
        self.db.state = self.work
        self.work = copy.deepcopy(self.work)

    async def commit_taking_seat(self, training_id: uuid.UUID) -> bool:
        """As the real one: the seat last, its numbers into the EnrollmentVerified; False when full."""
        seat = await self.seats.take(training_id)
        if seat is None:
            return False
        self._loose = [(subject, event.model_copy(update=dict(seats_taken=seat.taken, quota=seat.quota))
                        if isinstance(event, EnrollmentVerifiedV1) else event)
                       for subject, event in self.collect_events()]
        await self.commit()
        return True


# --- builders -------------------------------------------------------------------------------
START = datetime(2026, 6, 1, 2, 0)


def facts(**over) -> TrainingFacts:
    base = dict(id=uuid.uuid4(), org_id=ORG, title="Koperasi Modern", batch=2, kind="Reguler", level="Dasar",
                mode="residential", venue="Balai Semarang", hours=30, start_date=date(2026, 7, 1),
                end_date=date(2026, 7, 3))
    return TrainingFacts(**{**base, **over})


def enrollment(t: TrainingFacts, status: str = lc.SUBMITTED, *, n: int = 0, **over) -> Enrollment:
    """An enrollment as stored; `n` orders submissions (minutes after START)."""
    base = dict(id=uuid.uuid4(), participant_id=uuid.uuid4(), business_id=uuid.uuid4(), training=t,
                participant=ParticipantCopy("Siti Rahayu", "P"), business=BusinessCopy("Roti Enak"), status=status,
                submitted_at=START + timedelta(minutes=n), updated_at=START + timedelta(minutes=n))
    return Enrollment(**{**base, **over})


class World:
    """A fake database with trainings and enrollments, and a context whose units of work use it."""

    def __init__(self) -> None:
        self.db = FakeDatabase()
        self.clock = FrozenClock()
        self.ctx = TrainingContext(settings=Settings(), sessionmaker=None, outbox=None, clock=self.clock,
                                   uow_factory=lambda: FakeTrainingUnitOfWork(self.db))

    def training(self, quota: int = 10, taken: int = 0, **over) -> TrainingFacts:
        t = facts(**over)
        self.db.state.trainings[t.id] = t
        self.db.state.seats[t.id] = [taken, quota]
        return t

    def enroll(self, t: TrainingFacts, status: str = lc.SUBMITTED, **over) -> Enrollment:
        e = enrollment(t, status, **over)
        self.db.state.enrollments[e.id] = e
        return e

    def get(self, e: Enrollment) -> Enrollment:
        return self.db.state.enrollments[e.id]

    def seats(self, t: TrainingFacts) -> list[int]:
        return self.db.state.seats[t.id]

    @property
    def events(self) -> list:
        return self.db.published


def admin(org: uuid.UUID = ORG) -> Claims:
    return Claims(sub=str(uuid.uuid4()), role="admin", username="petugas", org=str(org), exp=0)
