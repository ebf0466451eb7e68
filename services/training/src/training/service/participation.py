"""The participant's side: Riwayat Pelatihan, cancelling, Konfirmasi Pelatihan, uploaded files."""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..adapters.tables import businesses, enrollment_files, enrollments, participants, trainings
from ..adapters.tables_class import testimonials
from ..domain import lifecycle
from ..domain.enrollment_facts import StoredFile
from ..domain.photo import PhotoError, check_blue_background
from . import enrollment_reads, seats
from .access import require_org
from .context import TrainingContext
from .errors import Forbidden, InvalidInput, NotFound
from .loading import load_enrollment, refusals
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
        x = await enrollment_reads.load(s, enrollment_id)
        _may_see(claims, x)
        has_t = await s.scalar(select(testimonials.c.id).where(testimonials.c.enrollment_id == enrollment_id))
        urls = await file_urls(ctx, s, enrollment_id)
    out = enrollment_view(x.e, x.t, participant_name=x.p["full_name"] if x.p else None,
                          business_name=x.b["name"] if x.b else None, has_testimonial=has_t is not None,
                          url=ctx.url, for_admin=claims.is_admin)
    out["product_photo_urls"] = urls
    return out


def _may_see(claims: Claims, x: enrollment_reads.Bundle) -> None:
    if claims.is_admin:
        require_org(claims, x.t["org_id"])
    elif str(x.e["participant_id"]) != claims.sub:
        raise Forbidden("Anda tidak berhak melihat pendaftaran ini")


async def cancel(ctx: TrainingContext, participant_id: uuid.UUID, enrollment_id: uuid.UUID, reason: str) -> str:
    """Cancel before completion; a freed seat goes to the first on the waiting list."""
    async with ctx.uow() as uow:
        e = await load_enrollment(uow, enrollment_id, lock=True)
        previous, now = e.status, ctx.now()
        with refusals():
            freed = e.cancel(participant_id, reason, now)
        await uow.enrollments.save(e)
        if freed:
            await seats.give_back(uow, e.training.id, now)
        await uow.commit()
    log.info("enrollment_cancelled", enrollment_id=str(enrollment_id), previous_status=previous)
    return lifecycle.CANCELLED


async def confirm(ctx: TrainingContext, participant_id: uuid.UUID, enrollment_id: uuid.UUID,
                  photo: bytes | None) -> None:
    """Konfirmasi Pelatihan with a blue-background photo; emits AttendanceConfirmed."""
    async with ctx.uow() as uow:
        e = await load_enrollment(uow, enrollment_id, lock=True)
        with refusals():
            e.check_may_confirm(participant_id)  # who and when first: no image is decoded for a stranger
        try:
            checked = check_blue_background(photo)
        except PhotoError as exc:
            raise InvalidInput({"photo": exc.message}, exc.message) from exc
        with refusals():
            e.confirm(participant_id, StoredFile("confirmation", 1, checked.data, checked.content_type), ctx.now())
        await uow.enrollments.save(e)
        await uow.commit()
    log.info("attendance_confirmed", enrollment_id=str(enrollment_id), mode=e.training.mode)


async def get_file(ctx: TrainingContext, claims: Claims, enrollment_id: uuid.UUID, kind: str, n: int):
    async with ctx.sessionmaker() as s:
        x = await enrollment_reads.load(s, enrollment_id)
        _may_see(claims, x)
        row = (await s.execute(select(enrollment_files.c.data, enrollment_files.c.content_type,
                                      enrollment_files.c.etag).where(
            enrollment_files.c.enrollment_id == enrollment_id, enrollment_files.c.kind == kind,
            enrollment_files.c.n == n))).first()
    if row is None:
        raise NotFound("Foto tidak ditemukan")
    return row.data, row.content_type, row.etag
