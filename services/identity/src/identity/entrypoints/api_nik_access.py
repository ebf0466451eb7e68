"""HTTP route of the NIK access log (superadmin only)."""
from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel

from balai_platform.auth import Claims
from balai_platform.requests import admin_claims_of
from balai_platform.responses import PROBLEM_RESPONSES

from ..service import nik_access
from .deps import ctx_of

router = APIRouter(responses=PROBLEM_RESPONSES)


class NikAccessEntryPublic(BaseModel):
    id: int
    at: str
    admin_id: str
    admin_username: str | None
    admin_name: str | None
    participant_id: str
    participant_username: str | None
    participant_name: str | None
    fields: list[str]
    request_id: str


class NikAccessPagePublic(BaseModel):
    items: list[NikAccessEntryPublic]
    total: int
    page: int
    per_page: int


@router.get("/admin/nik-access-log", response_model=NikAccessPagePublic)
async def nik_access_log(request: Request, claims: Claims = Depends(admin_claims_of),
                         participant_id: uuid.UUID | None = None, admin_id: uuid.UUID | None = None,
                         page: int = Query(1, ge=1, le=100000), per_page: int = Query(20, ge=1, le=100)):
    """Who saw which participant's full NIK/KK, newest first (UU PDP accountability)."""
    return await nik_access.list_access_log(ctx_of(request), claims, participant_id=participant_id,
                                            admin_id=admin_id, page=page, per_page=per_page)
