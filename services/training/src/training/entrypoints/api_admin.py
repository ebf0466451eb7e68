"""Admin routes: the schedule, verification, the overdue list, presensi, scores, closing, testimonials."""
from __future__ import annotations

import uuid
from typing import Literal

from fastapi import APIRouter, Depends, Query, Request

from balai_platform.auth import Claims
from balai_platform.responses import PROBLEM_RESPONSES

from ..domain import lifecycle
from ..service import admin_queries, completion, testimonials, trainings, verification
from ..service.queue import work_queue
from .deps import admin_of, ctx_of
from .schemas import (
    AttendanceIn,
    BulkIn,
    ModerateIn,
    ReasonIn,
    ScoreIn,
    TrainingIn,
    TrainingPatch,
)
from .schemas_enrollments import (
    AttendanceSheet,
    BulkOutcome,
    ClosingPublic,
    EnrollmentAdminDetail,
    EnrollmentAdminPage,
    EnrollmentStatus,
    OverdueList,
    QueuePage,
    ScorePublic,
)
from .schemas_trainings import TestimonialPage, TestimonialPublic, TrainingAdmin, TrainingAdminPage

router = APIRouter(prefix="/admin", responses=PROBLEM_RESPONSES)
MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
Status = Literal[tuple(lifecycle.LABELS)]  # type: ignore[valid-type]
NULLABLE = {"pass_mark"}


@router.post("/trainings", status_code=201, response_model=TrainingAdmin)
async def create(body: TrainingIn, request: Request, claims: Claims = Depends(admin_of)):
    return await trainings.create_training(ctx_of(request), claims, body.model_dump())


@router.get("/trainings", response_model=TrainingAdminPage)
async def list_(request: Request, claims: Claims = Depends(admin_of), q: str = Query("", max_length=100),
                org_id: uuid.UUID | None = None, mode: Literal["residential", "regional", "online"] | None = None,
                month: str | None = Query(None, pattern=MONTH), page: int = Query(1, ge=1, le=100000),
                per_page: int = Query(20, ge=1, le=100)):
    return await trainings.list_trainings(ctx_of(request), q=q, org_id=org_id, mode=mode, month=month,
                                          page=page, per_page=per_page, admin=claims)


@router.get("/trainings/{training_id}", response_model=TrainingAdmin)
async def get(training_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_of)):
    return await trainings.get_training_admin(ctx_of(request), claims, training_id)


@router.patch("/trainings/{training_id}", response_model=TrainingAdmin)
async def edit(training_id: uuid.UUID, body: TrainingPatch, request: Request, claims: Claims = Depends(admin_of)):
    changes = {k: v for k, v in body.model_dump(exclude_unset=True).items() if v is not None or k in NULLABLE}
    return await trainings.update_training(ctx_of(request), claims, training_id, changes)


@router.get("/trainings/{training_id}/enrollments", response_model=EnrollmentAdminPage)
async def enrollments(training_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_of),
                      status: Status | None = None, q: str = Query("", max_length=100),
                      page: int = Query(1, ge=1, le=100000), per_page: int = Query(50, ge=1, le=500)):
    return await admin_queries.training_enrollments(ctx_of(request), claims, training_id, status=status, q=q,
                                                    page=page, per_page=per_page)


@router.get("/enrollments/queue", response_model=QueuePage)
async def queue(request: Request, claims: Claims = Depends(admin_of), org_id: uuid.UUID | None = None,
                training_id: uuid.UUID | None = None, status: Literal["submitted", "waitlisted"] | None = None,
                overdue: bool = False, q: str = Query("", max_length=100), participant_id: uuid.UUID | None = None,
                page: int = Query(1, ge=1, le=100000), per_page: int = Query(50, ge=1, le=200)):
    """Verifikasi: every application waiting for a decision, across trainings, oldest first."""
    return await work_queue(ctx_of(request), claims, org_id=org_id, training_id=training_id, status=status,
                            overdue_only=overdue, q=q, participant_id=participant_id, page=page, per_page=per_page)


@router.get("/enrollments/overdue", response_model=OverdueList)
async def overdue(request: Request, claims: Claims = Depends(admin_of), org_id: uuid.UUID | None = None,
                  working_days: int | None = Query(None, ge=0, le=365)):
    return await admin_queries.overdue(ctx_of(request), claims, org_id=org_id, days=working_days)


@router.get("/enrollments/{enrollment_id}", response_model=EnrollmentAdminDetail)
async def enrollment(enrollment_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_of)):
    return await admin_queries.enrollment_detail(ctx_of(request), claims, enrollment_id)


@router.post("/enrollments/{enrollment_id}/verify", response_model=EnrollmentStatus)
async def verify(enrollment_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_of)):
    status = await verification.verify(ctx_of(request), claims, enrollment_id)
    return {"id": str(enrollment_id), "status": status, "status_label": lifecycle.LABELS[status]}


@router.post("/enrollments/{enrollment_id}/reject", response_model=EnrollmentStatus)
async def reject(enrollment_id: uuid.UUID, body: ReasonIn, request: Request, claims: Claims = Depends(admin_of)):
    status = await verification.reject(ctx_of(request), claims, enrollment_id, body.reason)
    return {"id": str(enrollment_id), "status": status, "status_label": lifecycle.LABELS[status]}


@router.post("/enrollments/{enrollment_id}/cancel", response_model=EnrollmentStatus)
async def cancel(enrollment_id: uuid.UUID, body: ReasonIn, request: Request, claims: Claims = Depends(admin_of)):
    """Batalkan on the participant's behalf, with a reason."""
    status = await verification.cancel_for_participant(ctx_of(request), claims, enrollment_id, body.reason)
    return {"id": str(enrollment_id), "status": status, "status_label": lifecycle.LABELS[status]}


@router.post("/enrollments/bulk", response_model=BulkOutcome, response_model_exclude_unset=True)
async def bulk(body: BulkIn, request: Request, claims: Claims = Depends(admin_of)):
    return await verification.bulk(ctx_of(request), claims, body.enrollment_ids, body.action, body.reason)


@router.put("/enrollments/{enrollment_id}/score", response_model=ScorePublic)
async def score(enrollment_id: uuid.UUID, body: ScoreIn, request: Request, claims: Claims = Depends(admin_of)):
    return await completion.set_score(ctx_of(request), claims, enrollment_id, body.score)


@router.get("/trainings/{training_id}/attendance", response_model=AttendanceSheet)
async def attendance(training_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_of)):
    return await completion.attendance_sheet(ctx_of(request), claims, training_id)


@router.put("/trainings/{training_id}/attendance", response_model=AttendanceSheet)
async def record_attendance(training_id: uuid.UUID, body: AttendanceIn, request: Request,
                            claims: Claims = Depends(admin_of)):
    records = [(r.enrollment_id, r.present) for r in body.records]
    return await completion.record_attendance(ctx_of(request), claims, training_id, body.day, records)


@router.post("/trainings/{training_id}/close", response_model=ClosingPublic)
async def close(training_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_of)):
    return await completion.close_training(ctx_of(request), claims, training_id)


@router.get("/testimonials", response_model=TestimonialPage)
async def list_testimonials(request: Request, claims: Claims = Depends(admin_of), org_id: uuid.UUID | None = None,
                            training_id: uuid.UUID | None = None, page: int = Query(1, ge=1, le=100000),
                            per_page: int = Query(20, ge=1, le=100)):
    return await testimonials.admin_list(ctx_of(request), claims, org_id=org_id, training_id=training_id,
                                         page=page, per_page=per_page)


@router.post("/testimonials/{testimonial_id}/moderate", response_model=TestimonialPublic)
async def moderate(testimonial_id: uuid.UUID, body: ModerateIn, request: Request, claims: Claims = Depends(admin_of)):
    return await testimonials.moderate(ctx_of(request), claims, testimonial_id, body.hidden)
