"""The participant's side: Riwayat Pelatihan, cancelling, Konfirmasi Pelatihan, uploaded files."""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..adapters.tables import businesses, enrollment_files, enrollments, participants, trainings
from ..adapters.tables_class import testimonials
from ..domain import lifecycle
from ..domain.photo import PhotoError, check_blue_background
from . import events, seats
from .access import require_org
from .context import TrainingContext
from .errors import Conflict, Forbidden, InvalidInput, NotFound, NotYetSynced
from .views import enrollment_view

log = get_logger("participation")


async def file_urls(ctx: TrainingContext, s: AsyncSession, enrollment_id: uuid.UUID) -> list[str]:
    ns = (await s.scalars(select(enrollment_files.c.n).where(
        enrollment_files.c.enrollment_id == enrollment_id, enrollment_files.c.kind == "product")
        .order_by(enrollment_files.c.n))).all()
    return [ctx.url(f"/enrollments/{enrollment_id}/photos/{n}") for n in ns]


async def my_enrollments(ctx: TrainingContext, participant_id: uuid.UUID) -> dict:
    """Riwayat Pelatihan: newest first, with the actions allowed now."""
    async with ctx.sessionmaker() as s:
        rows = (await s.execute(
            select(enrollments, businesses.c.name.label("business_name"), participants.c.full_name,
                   testimonials.c.id.label("testimonial_id"))
            .outerjoin(businesses, businesses.c.business_id == enrollments.c.business_id)
            .outerjoin(participants, participants.c.participant_id == enrollments.c.participant_id)
            .outerjoin(testimonials, testimonials.c.enrollment_id == enrollments.c.id)
            .where(enrollments.c.participant_id == participant_id)
            .order_by(enrollments.c.submitted_at.desc()))).mappings().all()
        tids = {r["training_id"] for r in rows}
        ts = {t["id"]: t for t in (await s.execute(select(trainings).where(trainings.c.id.in_(tids)))).mappings()}
    items = [enrollment_view(r, ts[r["training_id"]], participant_name=r["full_name"],
                             business_name=r["business_name"], has_testimonial=r["testimonial_id"] is not None,
                             url=ctx.url) for r in rows]
    done = sum(1 for r in rows if r["status"] == lifecycle.COMPLETED)
    return dict(items=items, total=len(items), completed_count=done)


async def get_enrollment(ctx: TrainingContext, claims: Claims, enrollment_id: uuid.UUID) -> dict:
    async with ctx.sessionmaker() as s:
        x = await events.load(s, enrollment_id)
        _may_see(claims, x)
        has_t = await s.scalar(select(testimonials.c.id).where(testimonials.c.enrollment_id == enrollment_id))
        urls = await file_urls(ctx, s, enrollment_id)
    out = enrollment_view(x.e, x.t, participant_name=x.p["full_name"] if x.p else None,
                          business_name=x.b["name"] if x.b else None, has_testimonial=has_t is not None,
                          url=ctx.url, for_admin=claims.is_admin)
    out["product_photo_urls"] = urls
    return out


def _may_see(claims: Claims, x: events.Bundle) -> None:
    if claims.is_admin:
        require_org(claims, x.t["org_id"])
    elif str(x.e["participant_id"]) != claims.sub:
        raise Forbidden("Anda tidak berhak melihat pendaftaran ini")


async def _own_locked(s: AsyncSession, participant_id: uuid.UUID, enrollment_id: uuid.UUID, action: str):
    x = await events.load(s, enrollment_id, lock=True)
    if x.e["participant_id"] != participant_id:
        raise Forbidden("Anda tidak berhak mengubah pendaftaran ini")
    try:
        lifecycle.require(action, x.e["status"], x.t["mode"])
    except lifecycle.TransitionError as exc:
        raise Conflict(exc.message) from exc
    if x.t["closed_at"] is not None:
        raise Conflict("Pelatihan sudah ditutup")
    return x


async def cancel(ctx: TrainingContext, participant_id: uuid.UUID, enrollment_id: uuid.UUID, reason: str) -> str:
    """Cancel before completion; a freed seat goes to the first on the waiting list."""
    async with ctx.sessionmaker() as s, s.begin():
        x = await _own_locked(s, participant_id, enrollment_id, "cancel")
        now = ctx.now()
        await s.execute(enrollments.update().where(enrollments.c.id == enrollment_id).values(
            status=lifecycle.CANCELLED, cancelled_at=now, cancel_reason=reason.strip()[:500], updated_at=now))
        await events.cancelled(ctx, s, x, at=now, reason=reason.strip()[:500])
        if lifecycle.frees_seat(x.e["status"]):
            await seats.release(s, x.t["id"])
            await seats.promote_waitlist(ctx, s, x.t["id"])
    log.info("enrollment_cancelled", enrollment_id=str(enrollment_id), previous_status=x.e["status"])
    return lifecycle.CANCELLED


async def confirm(ctx: TrainingContext, participant_id: uuid.UUID, enrollment_id: uuid.UUID,
                  photo: bytes | None) -> None:
    """Konfirmasi Pelatihan with a blue-background photo; emits AttendanceConfirmed."""
    try:
        checked = check_blue_background(photo)
    except PhotoError as exc:
        raise InvalidInput({"photo": exc.message}, exc.message) from exc
    async with ctx.sessionmaker() as s, s.begin():
        x = await _own_locked(s, participant_id, enrollment_id, "confirm")
        if x.p is None or x.b is None:
            raise NotYetSynced()
        now = ctx.now()
        await s.execute(enrollments.update().where(enrollments.c.id == enrollment_id).values(
            status=lifecycle.CONFIRMED, confirmed_at=now, updated_at=now))
        stmt = insert(enrollment_files).values(enrollment_id=enrollment_id, kind="confirmation", n=1, data=checked.data,
                                               content_type=checked.content_type, etag=checked.etag)
        await s.execute(stmt.on_conflict_do_update(index_elements=["enrollment_id", "kind", "n"],
                                                   set_={"data": stmt.excluded.data, "etag": stmt.excluded.etag,
                                                         "content_type": stmt.excluded.content_type}))
        await events.attendance_confirmed(ctx, s, x, at=now)
    log.info("attendance_confirmed", enrollment_id=str(enrollment_id), mode=x.t["mode"])


async def get_file(ctx: TrainingContext, claims: Claims, enrollment_id: uuid.UUID, kind: str, n: int):
    async with ctx.sessionmaker() as s:
        x = await events.load(s, enrollment_id)
        _may_see(claims, x)
        row = (await s.execute(select(enrollment_files.c.data, enrollment_files.c.content_type,
                                      enrollment_files.c.etag).where(
            enrollment_files.c.enrollment_id == enrollment_id, enrollment_files.c.kind == kind,
            enrollment_files.c.n == n))).first()
    if row is None:
        raise NotFound("Foto tidak ditemukan")
    return row.data, row.content_type, row.etag
