"""HTTP routes of the admin's SKM work: periods, questionnaire, recap, paper entry and import, archive."""
from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, Query, Request

from balai_platform.auth import Claims
from balai_platform.requests import admin_claims_of
from balai_platform.responses import PROBLEM_RESPONSES

from ..domain.skm_period import MAX_SCAN_BYTES
from ..service import periods, recap, recap_public, responses
from .deps import ctx_of, read_fields, read_upload
from .schemas import ImportedPublic, OrgSettingsPublic, PeriodPublic, PeriodsPublic, SubmittedPublic
from .schemas_recap import RecapPublic

router = APIRouter(prefix="/admin", responses=PROBLEM_RESPONSES)
SHEET_MAX_BYTES = 2 * 1024 * 1024


@router.get("/periods", response_model=PeriodsPublic)
async def list_periods(request: Request, org_id: uuid.UUID | None = Query(None),
                       claims: Claims = Depends(admin_claims_of)):
    return await periods.list_periods(ctx_of(request), claims, org_id)


@router.get("/periods/{period_id}", response_model=PeriodPublic)
async def get_period(period_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await periods.get_period(ctx_of(request), claims, period_id)


@router.put("/periods/{period_id}/content", response_model=PeriodPublic)
async def edit_content(period_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await periods.edit_content(ctx_of(request), claims, period_id, await read_fields(request))


@router.put("/periods/{period_id}/settings", response_model=PeriodPublic)
async def edit_settings(period_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await periods.edit_settings(ctx_of(request), claims, period_id, await read_fields(request))


@router.put("/periods/{period_id}/follow-up", response_model=PeriodPublic)
async def edit_follow_up(period_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await periods.edit_follow_up(ctx_of(request), claims, period_id, await read_fields(request))


@router.get("/periods/{period_id}/recap", response_model=RecapPublic)
async def get_recap(period_id: uuid.UUID, request: Request, training_id: uuid.UUID | None = Query(None),
                    claims: Claims = Depends(admin_claims_of)):
    view = await recap.period_recap(ctx_of(request), claims, period_id, training_id)
    return recap_public.recap_public(view)


@router.post("/periods/{period_id}/paper", status_code=201, response_model=SubmittedPublic)
async def paper(period_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await responses.submit_paper(ctx_of(request), claims, period_id, await read_fields(request))


@router.post("/periods/{period_id}/import", status_code=201, response_model=ImportedPublic)
async def import_sheet(period_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    data = await read_upload(request, "file", SHEET_MAX_BYTES)
    return await responses.import_paper(ctx_of(request), claims, period_id, data, "upload")


@router.post("/periods/{period_id}/signed-report", response_model=PeriodPublic)
async def signed_report(period_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    data = await read_upload(request, "file", MAX_SCAN_BYTES)
    return await periods.archive_signed(ctx_of(request), claims, period_id, data, "laporan-skm-ttd.pdf")


@router.get("/orgs/{org_id}/settings", response_model=OrgSettingsPublic)
async def org_settings(org_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await periods.get_org(ctx_of(request), claims, org_id)


@router.put("/orgs/{org_id}/settings", response_model=OrgSettingsPublic)
async def edit_org(org_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await periods.edit_org(ctx_of(request), claims, org_id, await read_fields(request))
