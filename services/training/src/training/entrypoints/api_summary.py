"""Admin dashboard: the training tile's counts for one organisation (a superadmin: all or one)."""
from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, Request

from balai_platform.auth import Claims
from balai_platform.responses import PROBLEM_RESPONSES, PublicModel

from ..service import admin_summary
from .api_admin import admin_of
from .deps import ctx_of

router = APIRouter(prefix="/admin", responses=PROBLEM_RESPONSES)


class UpcomingTraining(PublicModel):
    id: str
    title: str
    org_id: str
    start_date: str
    quota: int
    seats_taken: int
    confirmations_missing: int
    waiting: int


class TrainingSummary(PublicModel):
    """`waiting`: applications not yet verified; `overdue`: of those, waiting > `working_days` working days."""

    org_id: str | None
    waiting: int
    waitlisted: int
    overdue: int
    working_days: int
    upcoming_days: int
    upcoming: list[UpcomingTraining]
    confirmations_missing: int


@router.get("/summary", response_model=TrainingSummary)
async def summary(request: Request, claims: Claims = Depends(admin_of), org_id: uuid.UUID | None = None):
    return await admin_summary.summary(ctx_of(request), claims, org_id=org_id)
