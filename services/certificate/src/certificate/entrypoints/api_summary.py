"""Admin dashboard: the certificate tile's counts for one organisation (a superadmin: all or one)."""
from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, Request

from balai_platform.auth import Claims
from balai_platform.requests import admin_claims_of
from balai_platform.responses import PROBLEM_RESPONSES, PublicModel

from ..service import summary as summaries
from .deps import ctx_of

router = APIRouter(prefix="/admin", responses=PROBLEM_RESPONSES)


class CertificateSummary(PublicModel):
    """`failed`: still pending after 15 minutes (the PDF could not be made or signed yet)."""

    org_id: str | None
    week_start: str
    issued_this_week: int
    pending: int
    failed: int


@router.get("/summary", response_model=CertificateSummary)
async def summary(request: Request, claims: Claims = Depends(admin_claims_of), org_id: uuid.UUID | None = None):
    return await summaries.summary(ctx_of(request), claims, org_id)
