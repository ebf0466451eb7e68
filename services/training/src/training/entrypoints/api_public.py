"""Public and participant routes: the schedule, eligibility, enrolling, Riwayat Pelatihan."""
from __future__ import annotations

import uuid
from typing import Literal

from fastapi import APIRouter, Depends, Query, Request, Response

from balai_platform.auth import Claims
from balai_platform.requests import claims_of
from balai_platform.responses import PROBLEM_RESPONSES, binary_responses

from ..service import enrollment, participation, testimonials, trainings
from ..service.access import require_participant
from ..service.errors import InvalidInput
from .deps import ctx_of, file_response, read_form
from .schemas import ReasonIn, TestimonialIn
from .schemas_enrollments import EnrollmentDetail, MyEnrollments
from .schemas_trainings import EligibilityPublic, MyBusinessList, TrainingPage, TrainingPublic, TrainingTestimonials

router = APIRouter(responses=PROBLEM_RESPONSES)
MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
PHOTOS = ("photo_1", "photo_2")


@router.get("/trainings", response_model=TrainingPage)
async def schedule(request: Request, q: str = Query("", max_length=100), org_id: uuid.UUID | None = None,
                   mode: Literal["residential", "regional", "online"] | None = None,
                   month: str | None = Query(None, pattern=MONTH), open_only: bool = False,
                   page: int = Query(1, ge=1, le=100000), per_page: int = Query(10, ge=1, le=100)):
    return await trainings.list_trainings(ctx_of(request), q=q, org_id=org_id, mode=mode, month=month,
                                          open_only=open_only, page=page, per_page=per_page)


@router.get("/trainings/{training_id}", response_model=TrainingPublic)
async def training(training_id: uuid.UUID, request: Request):
    return await trainings.get_training(ctx_of(request), training_id)


@router.get("/trainings/{training_id}/testimonials", response_model=TrainingTestimonials)
async def training_testimonials(training_id: uuid.UUID, request: Request, page: int = Query(1, ge=1, le=100000),
                                per_page: int = Query(10, ge=1, le=100)):
    return await testimonials.training_testimonials(ctx_of(request), training_id, page=page, per_page=per_page)


@router.get("/trainings/{training_id}/eligibility", response_model=EligibilityPublic)
async def eligibility(training_id: uuid.UUID, business_id: uuid.UUID, request: Request,
                      claims: Claims = Depends(claims_of)):
    pid = require_participant(claims)
    return await enrollment.check_eligibility(ctx_of(request), pid, training_id, business_id)


def _ticks(values: list[str]) -> list[int]:
    out = []
    for v in values:
        for part in v.split(","):
            if part.strip():
                if not part.strip().isdigit():
                    raise InvalidInput({"ticks": "Centang semua syarat pelatihan"})
                out.append(int(part))
    return out


@router.post("/trainings/{training_id}/enrollments", status_code=201, response_model=EnrollmentDetail, response_model_exclude_unset=True)
async def enroll(training_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    pid = require_participant(claims)
    ctx = ctx_of(request)
    fields, files = await read_form(request, ctx.settings.max_upload_bytes, PHOTOS)
    raw_business = (fields.get("business_id") or [""])[0]
    try:
        business_id = uuid.UUID(raw_business)
    except ValueError:
        raise InvalidInput({"business_id": "Pilih UKM / Koperasi yang akan mengikuti pelatihan"}) from None
    return await enrollment.submit_enrollment(ctx, pid, training_id, business_id, _ticks(fields.get("ticks", [])),
                                              files)


@router.get("/my/businesses", response_model=MyBusinessList)
async def my_businesses(request: Request, claims: Claims = Depends(claims_of)):
    return {"items": await enrollment.my_businesses(ctx_of(request), require_participant(claims))}


@router.get("/enrollments/mine", response_model=MyEnrollments)
async def mine(request: Request, claims: Claims = Depends(claims_of)):
    return await participation.my_enrollments(ctx_of(request), require_participant(claims))


@router.get("/enrollments/{enrollment_id}", response_model=EnrollmentDetail, response_model_exclude_unset=True)
async def get_enrollment(enrollment_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    return await participation.get_enrollment(ctx_of(request), claims, enrollment_id)


@router.post("/enrollments/{enrollment_id}/cancel", response_model=EnrollmentDetail, response_model_exclude_unset=True)
async def cancel(enrollment_id: uuid.UUID, request: Request, body: ReasonIn | None = None,
                 claims: Claims = Depends(claims_of)):
    ctx = ctx_of(request)
    await participation.cancel(ctx, require_participant(claims), enrollment_id, body.reason if body else "")
    return await participation.get_enrollment(ctx, claims, enrollment_id)


@router.post("/enrollments/{enrollment_id}/confirm", response_model=EnrollmentDetail, response_model_exclude_unset=True)
async def confirm(enrollment_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    pid = require_participant(claims)
    ctx = ctx_of(request)
    _, files = await read_form(request, ctx.settings.max_upload_bytes, ("photo",))
    await participation.confirm(ctx, pid, enrollment_id, files.get("photo"))
    return await participation.get_enrollment(ctx, claims, enrollment_id)


@router.get("/enrollments/{enrollment_id}/photos/{n}", response_class=Response,
            responses=binary_responses("image/jpeg", "image/png", description="Foto"))
async def product_photo(enrollment_id: uuid.UUID, n: int, request: Request, claims: Claims = Depends(claims_of)):
    data, ctype, etag = await participation.get_file(ctx_of(request), claims, enrollment_id, "product", n)
    return file_response(request, data, ctype, etag)


@router.get("/enrollments/{enrollment_id}/confirmation-photo", response_class=Response,
            responses=binary_responses("image/jpeg", "image/png", description="Foto"))
async def confirmation_photo(enrollment_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    data, ctype, etag = await participation.get_file(ctx_of(request), claims, enrollment_id, "confirmation", 1)
    return file_response(request, data, ctype, etag)


@router.put("/enrollments/{enrollment_id}/testimonial", response_model=TrainingTestimonials)
async def testimonial(enrollment_id: uuid.UUID, body: TestimonialIn, request: Request,
                      claims: Claims = Depends(claims_of)):
    return await testimonials.write(ctx_of(request), require_participant(claims), enrollment_id,
                                    body.rating, body.text)
