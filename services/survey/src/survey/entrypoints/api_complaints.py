"""HTTP routes of complaints (pengaduan): public filing and following, the complainant's own list,
the organisation's handling steps and the dashboard summary."""
from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from balai_platform import forms
from balai_platform.auth import Claims
from balai_platform.requests import admin_claims_of, claims_of
from balai_platform.responses import PROBLEM_RESPONSES, PublicModel, binary_responses

from ..domain.complaint import MAX_EVIDENCE_BYTES
from ..service import complaints
from ..service.errors import PayloadTooLarge
from .deps import client_ip, ctx_of, optional_claims, read_fields

router = APIRouter(responses=PROBLEM_RESPONSES)
TOKEN = Path(min_length=20, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")
EVIDENCE = binary_responses("application/pdf", "image/jpeg", "image/png", description="Bukti pengaduan")


class LimitPublic(PublicModel):
    key: str
    amount: int
    unit: str


class CategoryPublic(PublicModel):
    key: str
    label: str


class ComplaintFormPublic(PublicModel):
    org_id: str
    org_name: str
    form_token: str
    categories: list[CategoryPublic]
    limits: list[LimitPublic]
    lapor_url: str


class ComplaintOrgPublic(PublicModel):
    org_id: str
    org_name: str


class ComplaintOrgsPublic(PublicModel):
    items: list[ComplaintOrgPublic]
    lapor_url: str


class ComplaintFiledPublic(PublicModel):
    ticket: str
    follow_token: str
    status: str
    verify_due: datetime


class ComplaintPublic(PublicModel):
    id: str
    ticket: str
    org_id: str
    org_name: str
    service: str
    category: str
    category_label: str
    description: str
    anonymous: bool
    status: str
    status_label: str
    submitted_at: datetime
    verify_due: datetime
    verified_at: datetime | None
    verification_note: str
    answer_due: datetime | None
    answered_at: datetime | None
    answer: str
    follow_up: str
    closed_at: datetime | None
    closing_note: str
    has_evidence: bool
    evidence_type: str | None
    overdue: bool
    lapor_url: str


class ComplaintAdminPublic(ComplaintPublic):
    name: str | None
    contact: str | None


class ComplaintLinePublic(PublicModel):
    id: str
    ticket: str
    org_id: str
    org_name: str
    service: str
    category: str
    category_label: str
    status: str
    status_label: str
    anonymous: bool
    submitted_at: datetime
    due: datetime | None
    overdue: bool


class ComplaintPagePublic(PublicModel):
    items: list[ComplaintLinePublic]
    total: int
    page: int
    per_page: int


class ComplaintSummaryPublic(PublicModel):
    waiting_verification: int
    waiting_answer: int
    overdue: int


def _file(data: bytes, media_type: str) -> Response:
    ext = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}.get(media_type, "bin")
    return Response(content=data, media_type=media_type, headers={
        "Content-Disposition": f'attachment; filename="bukti-pengaduan.{ext}"',
        "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"})


@router.get("/public/complaint-orgs", response_model=ComplaintOrgsPublic)
async def orgs(request: Request):
    return await complaints.public_orgs(ctx_of(request))


@router.get("/public/orgs/{org_id}/complaint-form", response_model=ComplaintFormPublic)
async def form(org_id: uuid.UUID, request: Request):
    return await complaints.public_form(ctx_of(request), org_id)


@router.post("/public/orgs/{org_id}/complaints", status_code=201, response_model=ComplaintFiledPublic)
async def file_complaint(org_id: uuid.UUID, request: Request, claims: Claims | None = Depends(optional_claims)):
    form = await forms.read_form(request, max_bytes=MAX_EVIDENCE_BYTES + 128 * 1024, file_fields=("evidence",),
                                 file_max_bytes=MAX_EVIDENCE_BYTES, max_files=1, size_first=True,
                                 too_large=lambda: PayloadTooLarge("Ukuran bukti maksimal 3 MB"))
    return await complaints.file_complaint(ctx_of(request), claims, org_id, dict(form.last_values()),
                                           form.files.get("evidence"), client_ip(request))


@router.get("/public/complaints/{token}", response_model=ComplaintPublic)
async def follow(request: Request, token: str = TOKEN):
    return await complaints.follow(ctx_of(request), token)


@router.get("/public/complaints/{token}/evidence", response_class=Response, responses=EVIDENCE)
async def follow_evidence(request: Request, token: str = TOKEN):
    return _file(*await complaints.follow_evidence(ctx_of(request), token))


@router.get("/me/complaints", response_model=ComplaintPagePublic)
async def mine(request: Request, page: int = Query(1, ge=1, le=10_000), per_page: int = Query(20, ge=1, le=100),
               claims: Claims = Depends(claims_of)):
    return await complaints.my_complaints(ctx_of(request), claims, page, per_page)


@router.get("/me/complaints/{complaint_id}", response_model=ComplaintPublic)
async def my_one(complaint_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    return await complaints.my_complaint(ctx_of(request), claims, complaint_id)


@router.get("/admin/complaints", response_model=ComplaintPagePublic)
async def admin_list(request: Request, org_id: uuid.UUID | None = Query(None),
                     status: Literal["received", "verified", "answered", "closed"] | None = Query(None),
                     overdue: bool = Query(False), page: int = Query(1, ge=1, le=10_000),
                     per_page: int = Query(20, ge=1, le=100), claims: Claims = Depends(admin_claims_of)):
    return await complaints.admin_list(ctx_of(request), claims, org_id, status, overdue, page, per_page)


@router.get("/admin/complaints/summary", response_model=ComplaintSummaryPublic)
async def admin_summary(request: Request, org_id: uuid.UUID | None = Query(None),
                        claims: Claims = Depends(admin_claims_of)):
    return await complaints.admin_summary(ctx_of(request), claims, org_id)


@router.get("/admin/complaints/{complaint_id}", response_model=ComplaintAdminPublic)
async def admin_get(complaint_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await complaints.admin_get(ctx_of(request), claims, complaint_id)


@router.get("/admin/complaints/{complaint_id}/evidence", response_class=Response, responses=EVIDENCE)
async def admin_evidence(complaint_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return _file(*await complaints.admin_evidence(ctx_of(request), claims, complaint_id))


@router.post("/admin/complaints/{complaint_id}/{step}", response_model=ComplaintAdminPublic)
async def admin_step(complaint_id: uuid.UUID, step: Literal["verify", "answer", "close"], request: Request,
                     claims: Claims = Depends(admin_claims_of)):
    raw = await read_fields(request)
    return await complaints.handle_step(ctx_of(request), claims, complaint_id, step, raw)
