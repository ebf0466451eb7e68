"""Loading an enrollment with its training and local copies, and the events built from them."""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from balai_contracts.training import (
    AttendanceConfirmedV1,
    EnrollmentCancelledV1,
    EnrollmentRejectedV1,
    EnrollmentSubmittedV1,
    EnrollmentVerifiedV1,
    TrainingCompletedV1,
)

from ..adapters.tables import businesses, enrollments, participants, trainings
from .context import TrainingContext
from .errors import NotFound
from .views import display_title


@dataclass
class Bundle:
    e: Mapping
    t: Mapping
    p: Mapping | None
    b: Mapping | None


def _prefixed(table, prefix: str):
    return [c.label(prefix + c.name) for c in table.c]


async def load(s: AsyncSession, enrollment_id: uuid.UUID, *, lock: bool = False) -> Bundle:
    """The enrollment (row-locked when `lock`), its training and the local copies: one round trip."""
    stmt = (select(*_prefixed(enrollments, "e_"), *_prefixed(trainings, "t_"), *_prefixed(participants, "p_"),
                   *_prefixed(businesses, "b_"))
            .join(trainings, trainings.c.id == enrollments.c.training_id)
            .outerjoin(participants, participants.c.participant_id == enrollments.c.participant_id)
            .outerjoin(businesses, businesses.c.business_id == enrollments.c.business_id)
            .where(enrollments.c.id == enrollment_id))
    row = (await s.execute(stmt.with_for_update(of=enrollments) if lock else stmt)).mappings().first()
    if row is None:
        raise NotFound("Pendaftaran tidak ditemukan")

    def part(table, prefix: str, key: str) -> dict | None:
        out = {c.name: row[prefix + c.name] for c in table.c}
        return out if out[key] is not None else None
    return Bundle(part(enrollments, "e_", "id"), part(trainings, "t_", "id"),
                  part(participants, "p_", "participant_id"), part(businesses, "b_", "business_id"))


def _base(x: Bundle) -> dict:
    return dict(
        enrollment_id=x.e["id"], org_id=x.t["org_id"], training_id=x.t["id"], training_title=display_title(x.t),
        start_date=x.t["start_date"], end_date=x.t["end_date"], mode=x.t["mode"],
        participant_id=x.e["participant_id"], participant_name=x.p["full_name"] if x.p else "",
        business_id=x.e["business_id"], business_name=x.b["name"] if x.b else "",
    )


async def _emit(ctx: TrainingContext, s: AsyncSession, event) -> None:
    await ctx.outbox.add(s, event, subject=str(event.enrollment_id))


async def submitted(ctx, s, x: Bundle) -> None:
    await _emit(ctx, s, EnrollmentSubmittedV1(**_base(x), submitted_at=x.e["submitted_at"]))


async def verified(ctx, s, x: Bundle, *, at, from_waitlist: bool, seats_taken: int, quota: int) -> None:
    await _emit(ctx, s, EnrollmentVerifiedV1(**_base(x), verified_at=at, from_waitlist=from_waitlist,
                                             seats_taken=seats_taken, quota=quota))


async def rejected(ctx, s, x: Bundle, *, at, reason: str) -> None:
    await _emit(ctx, s, EnrollmentRejectedV1(**_base(x), reason=reason, previous_status=x.e["status"],
                                             rejected_at=at))


async def cancelled(ctx, s, x: Bundle, *, at, reason: str) -> None:
    await _emit(ctx, s, EnrollmentCancelledV1(**_base(x), previous_status=x.e["status"],
                                              residential=x.t["mode"] == "residential", reason=reason,
                                              cancelled_at=at))


async def attendance_confirmed(ctx, s, x: Bundle, *, at) -> None:
    await _emit(ctx, s, AttendanceConfirmedV1(**_base(x), residential=x.t["mode"] == "residential",
                                              sex=x.p["sex"], confirmed_at=at))


async def completed(ctx, s, x: Bundle, *, at, attendance_percent: int | None, score: int | None) -> None:
    t = x.t
    await _emit(ctx, s, TrainingCompletedV1(
        **_base(x), batch=t["batch"], kind=t["kind"], level=t["level"], hours=t["hours"], venue=t["venue"],
        sex=x.p["sex"], attendance_percent=attendance_percent, score=score, completed_at=at))
