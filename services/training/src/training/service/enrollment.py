"""Daftar Pelatihan: the eligibility check and the submission of an enrollment."""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import asdict

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from balai_platform.logging import get_logger

from ..adapters.repository import STATE, training_facts
from ..adapters.tables import business_members, businesses
from ..domain import eligibility, lifecycle
from ..domain.enrollment import Enrollment
from ..domain.enrollment_facts import BusinessCopy, ParticipantCopy, StoredFile
from ..domain.photo import PhotoError, check_image
from .context import TrainingContext
from .errors import Conflict, Forbidden, InvalidInput, NotFound, NotYetSynced
from .views import enrollment_view

log = get_logger("enrollment")
ALREADY = "Anda sudah terdaftar pada pelatihan ini"
NOT_MEMBER = "Anda tidak terdaftar sebagai pemilik/pengurus usaha ini"


def requirements_of(t: Mapping) -> eligibility.Requirements:
    r = t["requirements"] or {}
    return eligibility.Requirements(
        age_min=r.get("age_min"), age_max=r.get("age_max"), assets_min=r.get("assets_min"),
        assets_max=r.get("assets_max"), turnover_min=r.get("turnover_min"), turnover_max=r.get("turnover_max"),
        workforce_min=r.get("workforce_min"), permits=tuple(r.get("permits") or ()),
        regencies=tuple(r.get("regencies") or ()))


async def _facts(ctx: TrainingContext, training_id: uuid.UUID, participant_id: uuid.UUID, business_id: uuid.UUID):
    """Training, participant and business copies, membership and an active enrollment."""
    async with ctx.uow() as uow:
        return await _facts_in(uow, training_id, participant_id, business_id)


async def _facts_in(uow, training_id: uuid.UUID, participant_id: uuid.UUID, business_id: uuid.UUID):
    rows = await uow.registration.rows(training_id, participant_id, business_id)
    if rows is None:
        raise NotFound("Pelatihan tidak ditemukan")
    if rows.participant is None or rows.business is None:
        raise NotYetSynced()
    if rows.position is None:
        raise Forbidden(NOT_MEMBER, {"business_id": NOT_MEMBER})
    return rows.training, rows.participant, rows.business, rows.active_id


def _results(ctx: TrainingContext, t, p, b) -> list[eligibility.RequirementResult]:
    person = eligibility.ParticipantFacts(birth_date=p["birth_date"], regency_code=p["regency_code"])
    biz = eligibility.BusinessFacts(assets=b["assets"], turnover=b["turnover"], workforce=b["workforce_total"],
                                    permits=frozenset(b["permits"]), regency_code=b["regency_code"])
    return eligibility.check(requirements_of(t), person, biz, ctx.today())


async def check_eligibility(ctx: TrainingContext, participant_id: uuid.UUID, training_id: uuid.UUID,
                            business_id: uuid.UUID) -> dict:
    """Each requirement's result for this participant and business, as the form shows it."""
    t, p, b, existing = await _facts(ctx, training_id, participant_id, business_id)
    results = _results(ctx, t, p, b)
    status = lifecycle.registration_status(ctx.now(), t["registration_opens_at"], t["registration_closes_at"],
                                           t["seats_taken"], t["quota"], t["closed_at"] is not None)
    return dict(training_id=str(training_id), business_id=str(business_id), business_name=b["name"],
                eligible=all(r.ok for r in results), results=[asdict(r) for r in results],
                checklist=list((t["requirements"] or {}).get("checklist") or ()),
                registration_status=status, registration_label=lifecycle.REG_LABELS[status],
                already_enrolled=existing is not None, enrollment_id=str(existing) if existing else None)


def _photo_errors(photos: Mapping[str, bytes]) -> tuple[dict[str, str], list]:
    errors, checked = {}, []
    for field in sorted(photos):
        try:
            c = check_image(photos[field])
            checked.append((int(field.rsplit("_", 1)[1]), c.data, c.content_type))
        except PhotoError as exc:
            errors[field] = exc.message
    return errors, checked


async def submit_enrollment(ctx: TrainingContext, participant_id: uuid.UUID, training_id: uuid.UUID,
                            business_id: uuid.UUID, ticks: list[int], photos: Mapping[str, bytes]) -> dict:
    """Register for a training; all requirements met and ticked. Emits EnrollmentSubmitted.
    The facts are read in the transaction that inserts (one transaction, not two: a rush of
    submissions is bound by round trips); the photos are checked before it opens."""
    photo_errors, checked = _photo_errors(photos)
    try:
        async with ctx.uow() as uow:
            t, p, b, existing = await _facts_in(uow, training_id, participant_id, business_id)
            if existing:
                raise Conflict(ALREADY)
            status = lifecycle.registration_status(ctx.now(), t["registration_opens_at"], t["registration_closes_at"],
                                                   t["seats_taken"], t["quota"], t["closed_at"] is not None)
            if status != lifecycle.REG_OPEN:
                raise Conflict("Kuota pelatihan sudah penuh" if status == lifecycle.REG_FULL
                               else lifecycle.REG_LABELS[status])
            results = _results(ctx, t, p, b)
            errors = {r.key: r.message for r in results if not r.ok}
            checklist = (t["requirements"] or {}).get("checklist") or []
            if set(range(len(checklist))) - set(ticks) or any(i not in range(len(checklist)) for i in ticks):
                errors["ticks"] = "Centang semua syarat pelatihan"
            errors.update(photo_errors)
            if errors:
                unmet = any(r.key in errors for r in results)
                raise InvalidInput(errors, "Anda belum memenuhi syarat pelatihan ini" if unmet else
                                   "Data belum valid, periksa isian yang ditandai")
            e = Enrollment.submit(
                id=uuid.uuid4(), participant_id=participant_id, business_id=business_id, training=training_facts(t),
                participant=ParticipantCopy(p["full_name"], p["sex"]), business=BusinessCopy(b["name"]), ticks=ticks,
                eligibility=[asdict(r) for r in results], at=ctx.now(),
                product_photos=[StoredFile("product", n, data, ctype) for n, data, ctype in checked])
            await uow.enrollments.add(e)
            await uow.commit()
    except IntegrityError as exc:  # a concurrent submission of the same participant won
        if "uq_enrollments_active" in str(exc.orig):
            raise Conflict(ALREADY) from exc
        raise
    eid = e.id
    log.info("enrollment_submitted", enrollment_id=str(eid), training_id=str(training_id))
    row = {n: getattr(e, n) for n in STATE} | {"training_id": training_id}
    out = enrollment_view(row, t, participant_name=p["full_name"], business_name=b["name"], url=ctx.url)
    out["product_photo_urls"] = [ctx.url(f"/enrollments/{eid}/photos/{n}") for n, _, _ in checked]
    return out


async def my_businesses(ctx: TrainingContext, participant_id: uuid.UUID) -> list[dict]:
    """The businesses the participant holds a post in (for the "UKM / Koperasi" choice)."""
    async with ctx.sessionmaker() as s:
        rows = (await s.execute(
            select(businesses, business_members.c.position)
            .join(business_members, business_members.c.business_id == businesses.c.business_id)
            .where(business_members.c.participant_id == participant_id).order_by(businesses.c.name))).mappings().all()
    return [dict(id=str(r["business_id"]), name=r["name"], brand=r["brand"], kind=r["kind"], position=r["position"],
                 assets=r["assets"], turnover=r["turnover"], workforce_total=r["workforce_total"],
                 permits=r["permits"], regency_name=r["regency_name"]) for r in rows]
