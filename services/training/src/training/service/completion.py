"""Presensi, evaluation scores and closing a training: TrainingCompleted once per passing participant."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..adapters.tables import attendance, enrollments, participants, trainings
from ..domain import lifecycle
from ..domain.attendance import attendance_percent, training_days
from ..domain.enrollment_facts import syllabus_of
from .access import require_org
from .context import TrainingContext
from .errors import Conflict, InvalidInput, NotFound
from .loading import load_enrollment, refusals

log = get_logger("completion")
ATTENDING = (lifecycle.VERIFIED, lifecycle.CONFIRMED)


async def _training(s, claims: Claims, training_id: uuid.UUID, *, lock: bool = False):
    stmt = select(trainings).where(trainings.c.id == training_id)
    t = (await s.execute(stmt.with_for_update() if lock else stmt)).mappings().first()
    if t is None:
        raise NotFound("Pelatihan tidak ditemukan")
    require_org(claims, t["org_id"])
    return t


async def record_attendance(ctx: TrainingContext, claims: Claims, training_id: uuid.UUID, day: date,
                            records: list[tuple[uuid.UUID, bool]]) -> dict:
    """Presensi of one session day; a later record of the same day replaces the earlier one."""
    async with ctx.sessionmaker() as s, s.begin():
        t = await _training(s, claims, training_id)
        if t["closed_at"] is not None:
            raise Conflict("Pelatihan sudah ditutup")
        if t["mode"] == "online":
            raise Conflict("Kelas online tidak memakai presensi harian")
        if day not in training_days(t["start_date"], t["end_date"]):
            raise InvalidInput({"day": "Tanggal di luar jadwal pelatihan"})
        if day > ctx.today():
            raise InvalidInput({"day": "Presensi belum dapat diisi untuk hari yang akan datang"})
        ids = [eid for eid, _ in records]
        ok = set((await s.scalars(select(enrollments.c.id).where(
            enrollments.c.id.in_(ids), enrollments.c.training_id == training_id,
            enrollments.c.status.in_(ATTENDING)))).all())
        bad = [str(eid) for eid in ids if eid not in ok]
        if bad:
            raise InvalidInput({"records": "Peserta tidak terdaftar/terverifikasi pada pelatihan ini: "
                                           + ", ".join(bad[:5])})
        if records:
            stmt = insert(attendance).values([dict(enrollment_id=eid, day=day, present=present,
                                                   recorded_by=uuid.UUID(claims.sub), recorded_at=ctx.now())
                                              for eid, present in dict(records).items()])
            await s.execute(stmt.on_conflict_do_update(
                index_elements=["enrollment_id", "day"],
                set_={"present": stmt.excluded.present, "recorded_by": stmt.excluded.recorded_by,
                      "recorded_at": stmt.excluded.recorded_at}))
    return await attendance_sheet(ctx, claims, training_id)


async def attendance_sheet(ctx: TrainingContext, claims: Claims, training_id: uuid.UUID) -> dict:
    """Every attending participant with their days and percentage so far."""
    async with ctx.sessionmaker() as s:
        t = await _training(s, claims, training_id)
        rows = (await s.execute(
            select(enrollments.c.id, enrollments.c.status, enrollments.c.score, participants.c.full_name)
            .outerjoin(participants, participants.c.participant_id == enrollments.c.participant_id)
            .where(enrollments.c.training_id == training_id,
                   enrollments.c.status.in_((*ATTENDING, lifecycle.COMPLETED, lifecycle.NOT_COMPLETED)))
            .order_by(participants.c.full_name))).all()
        marks = (await s.execute(select(attendance.c.enrollment_id, attendance.c.day, attendance.c.present)
                                 .join(enrollments, enrollments.c.id == attendance.c.enrollment_id)
                                 .where(enrollments.c.training_id == training_id))).all()
    days = training_days(t["start_date"], t["end_date"])
    by: dict = {}
    for eid, day, present in marks:
        by.setdefault(eid, {})[day.isoformat()] = present
    items = [dict(enrollment_id=str(r.id), participant_name=r.full_name, status=r.status,
                  status_label=lifecycle.LABELS[r.status], score=r.score, days=by.get(r.id, {}),
                  attendance_percent=attendance_percent(sum(by.get(r.id, {}).values()), len(days)))
             for r in rows]
    return dict(training_id=str(training_id), days=[d.isoformat() for d in days],
                min_attendance_percent=t["min_attendance_percent"], items=items)


async def set_score(ctx: TrainingContext, claims: Claims, enrollment_id: uuid.UUID, score: int) -> dict:
    async with ctx.uow() as uow:
        e = await load_enrollment(uow, enrollment_id, lock=True)
        require_org(claims, e.training.org_id)
        with refusals():
            e.set_score(score, ctx.now())
        await uow.enrollments.save(e)
        await uow.commit()
    return dict(enrollment_id=str(enrollment_id), score=score)


async def close_training(ctx: TrainingContext, claims: Claims, training_id: uuid.UUID) -> dict:
    """Close: each attending participant becomes completed (TrainingCompleted) or not_completed; what is
    still pending is rejected with "Pelatihan sudah ditutup" (EnrollmentRejected).

    The conditional UPDATE of the closing port lets exactly one of two concurrent closes through."""
    async with ctx.uow() as uow:
        t = await uow.closing.training(training_id)
        if t is None:
            raise NotFound("Pelatihan tidak ditemukan")
        require_org(claims, t["org_id"])
        if ctx.today() < t["end_date"]:
            raise Conflict("Pelatihan baru dapat ditutup pada hari terakhir pelaksanaan")
        now = ctx.now()
        if not await uow.closing.close(training_id, now):
            raise Conflict("Pelatihan sudah ditutup")
        ids = await uow.closing.attending(training_id)
        syllabus = syllabus_of(await uow.closing.module_titles(training_id), t["hours"])
        present = await uow.closing.present_days(ids)
        total_days = len(training_days(t["start_date"], t["end_date"]))
        done = failed = 0
        for eid in ids:
            e = await load_enrollment(uow, eid)  # already row-locked by `attending`
            pct = None if e.training.online else attendance_percent(present.get(eid, 0), total_days)
            if e.conclude(pct, now, syllabus):
                done += 1
            else:
                failed += 1
            await uow.enrollments.save(e)
        pending = await uow.closing.pending(training_id)
        for eid in pending:  # nothing stays "Belum diverifikasi" or on the waiting list for ever
            e = await load_enrollment(uow, eid)  # row-locked by `pending`
            e.reject_at_closing(now)
            await uow.enrollments.save(e)
        await uow.commit()
    log.info("training_closed", training_id=str(training_id), completed=done, not_completed=failed,
             rejected=len(pending))
    return dict(training_id=str(training_id), completed=done, not_completed=failed, rejected=len(pending),
                closed_at=now.isoformat())
