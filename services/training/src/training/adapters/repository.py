"""Loading and saving the Enrollment aggregate: one joined round trip in, changed columns out."""
from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.uow import UnitOfWork

from ..domain.enrollment import Enrollment
from ..domain.enrollment_facts import BusinessCopy, ParticipantCopy, StoredFile, TrainingFacts
from .tables import businesses, enrollment_files, enrollments, participants, trainings

# aggregate attribute == column name; training_id lives in `training.id`
STATE = tuple(c.name for c in enrollments.c if c.name != "training_id")
_TRAINING = ("id", "org_id", "title", "batch", "kind", "level", "mode", "venue", "hours", "start_date",
             "end_date", "has_evaluation", "pass_mark", "min_attendance_percent", "quiz_pass_mark",
             "quiz_max_attempts")
_COLUMNS = ([enrollments.c[n].label("e_" + n) for n in STATE]
            + [trainings.c[n].label("t_" + n) for n in (*_TRAINING, "closed_at")]
            + [participants.c.participant_id.label("p_id"), participants.c.full_name, participants.c.sex,
               businesses.c.business_id.label("b_id"), businesses.c.name.label("b_name"),
               (trainings.c.seats_taken < trainings.c.quota).label("t_seat_free")])


# Built once (SQLAlchemy memoizes a statement object's cache key); the SET and VALUES columns come
# from the parameters of each call.
_INSERT = enrollments.insert()
_UPDATE = enrollments.update().where(enrollments.c.id == bindparam("key_id"))


_GET = (select(*_COLUMNS)
        .join(trainings, trainings.c.id == enrollments.c.training_id)
        .outerjoin(participants, participants.c.participant_id == enrollments.c.participant_id)
        .outerjoin(businesses, businesses.c.business_id == enrollments.c.business_id)
        .where(enrollments.c.id == bindparam("key_id")))
_GET_LOCKED = _GET.with_for_update(of=enrollments)


def training_facts(t: Mapping) -> TrainingFacts:
    """The facts of a `trainings` row (keys are column names)."""
    return TrainingFacts(**{n: t[n] for n in _TRAINING}, closed=t["closed_at"] is not None)


def _aggregate(row: Any) -> Enrollment:
    training = training_facts({n: row["t_" + n] for n in (*_TRAINING, "closed_at")})
    participant = ParticipantCopy(row["full_name"], row["sex"]) if row["p_id"] is not None else None
    business = BusinessCopy(row["b_name"]) if row["b_id"] is not None else None
    return Enrollment(training=training, participant=participant, business=business,
                      **{n: row["e_" + n] for n in STATE})


def _state(e: Enrollment) -> dict[str, Any]:
    return {n: getattr(e, n) for n in STATE}


class EnrollmentRepository:
    """Enrollments of one unit of work; every aggregate it hands out is tracked for its events."""

    def __init__(self, session: AsyncSession, uow: UnitOfWork) -> None:
        self.session = session
        self.uow = uow
        self._saved: dict[uuid.UUID, dict[str, Any]] = {}  # state as last read/written, for save()
        self._seat_free: dict[uuid.UUID, bool] = {}

    async def get(self, enrollment_id: uuid.UUID, lock: bool = False) -> Enrollment | None:
        """The enrollment with its training facts and local copies (row-locked when `lock`), or None."""
        row = (await self.session.execute(_GET_LOCKED if lock else _GET, {"key_id": enrollment_id})).mappings().first()
        if row is None:
            return None
        e = _aggregate(row)
        self._saved[e.id] = _state(e)
        self._seat_free[e.id] = row["t_seat_free"]
        self.uow.track(e)
        return e

    def seat_looked_free(self, enrollment_id: uuid.UUID) -> bool:
        """Whether its training had a free seat when get() read it (a plain read, no lock: it only
        chooses the order of an approval's statements, never whether a seat is taken)."""
        return self._seat_free.get(enrollment_id, False)

    async def add(self, e: Enrollment) -> None:
        """Insert a new enrollment (a concurrent active one fails on uq_enrollments_active)."""
        await self.session.execute(_INSERT, dict(training_id=e.training.id, **_state(e)))
        self._saved[e.id] = _state(e)
        await self._write_files(e)
        self.uow.track(e)

    async def save(self, e: Enrollment) -> None:
        """Write the columns that changed since get/add, and any new files."""
        before, now = self._saved.get(e.id, {}), _state(e)
        changed = {n: v for n, v in now.items() if n not in before or before[n] != v}
        if changed:
            await self.session.execute(_UPDATE, dict(changed, key_id=e.id))
        self._saved[e.id] = now
        await self._write_files(e)
        self.uow.track(e)

    async def _write_files(self, e: Enrollment) -> None:
        for f in e.new_files:
            stmt = insert(enrollment_files).values(enrollment_id=e.id, kind=f.kind, n=f.n, data=f.data,
                                                   content_type=f.content_type, etag=_etag(f))
            await self.session.execute(stmt.on_conflict_do_update(
                index_elements=["enrollment_id", "kind", "n"],
                set_={"data": stmt.excluded.data, "etag": stmt.excluded.etag,
                      "content_type": stmt.excluded.content_type}))
        e.new_files.clear()


def _etag(f: StoredFile) -> str:
    return hashlib.sha256(f.data).hexdigest()[:32]
