"""Narasumber routes: registration (signed-in account), the applicant's own view and letters, the admins'
two-level review, assignments, the letterhead; public requests from outside bodies followed by token."""
from __future__ import annotations

import uuid
from typing import Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from starlette.datastructures import UploadFile

from balai_platform.auth import Claims
from balai_platform.errors import PayloadTooLarge
from balai_platform.requests import claims_of
from balai_platform.responses import PROBLEM_RESPONSES, binary_responses

from ..domain.material import content_disposition
from ..domain.narasumber_documents import MAX_DOCUMENT_BYTES
from ..service import narasumber, narasumber_requests, narasumber_views
from ..service.access import require_participant
from ..service.errors import TrainingError
from .deps import admin_of, ctx_of
from .schemas_narasumber import (
    AssignedPublic,
    AssignIn,
    DecidedPublic,
    DecisionIn,
    MinePublic,
    NarasumberDetail,
    NarasumberPage,
    OfficeIn,
    OfficePublic,
    OfficesPublic,
    RequestDecidedPublic,
    RequestDecisionIn,
    RequestDetail,
    RequestPage,
    RequestStatusPublic,
    StatusPublic,
    SubmittedRequest,
    SummaryPublic,
)

router = APIRouter(responses=PROBLEM_RESPONSES)
PDF = binary_responses("application/pdf", description="Dokumen PDF")
FORM_LIMIT = 2 * MAX_DOCUMENT_BYTES + 256 * 1024  # CV + certificates + the fields
TEXT_FIELDS = ("full_name", "email", "phone", "expertise", "education", "experience")
REQUEST_FIELDS = ("body_name", "contact_name", "contact_email", "contact_phone", "letter_number", "letter_date",
                  "topic", "event_date", "place", "audience")
RegStatus = Literal["submitted", "recommended", "approved", "rejected"]
ReqStatus = Literal["submitted", "approved", "rejected"]


def _pdf(filename: str, data: bytes) -> Response:
    return Response(data, media_type="application/pdf", headers={
        "Content-Disposition": content_disposition(filename), "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store"})


async def _read(request: Request, limit: int, file_fields: tuple[str, ...]
                ) -> tuple[dict[str, list[str]], dict[str, tuple[str | None, bytes | None]]]:
    """A multipart form: every text value, and each named file's name and at most 3 MB + 1 of its bytes
    (the name is kept for the download; the content decides the type)."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise TrainingError("Kirim data sebagai formulir (multipart/form-data)")
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        raise PayloadTooLarge("Ukuran data terlalu besar. Setiap berkas PDF maksimal 3 MB")
    try:
        form = await request.form(max_files=len(file_fields), max_fields=40)
    except Exception as exc:  # malformed multipart body, too many parts
        raise TrainingError("Format formulir tidak valid") from exc
    fields: dict[str, list[str]] = {}
    files: dict[str, tuple[str | None, bytes | None]] = {}
    for key, value in form.multi_items():
        if isinstance(value, UploadFile):
            if key in file_fields:
                files[key] = (value.filename, (await value.read(MAX_DOCUMENT_BYTES + 1)) or None)
        else:
            fields.setdefault(key, []).append(value)
    return fields, files


def _maybe_org(raw: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(raw)
    except ValueError:
        return None


# -- public and applicant ----------------------------------------------------------------------------

@router.get("/narasumber/offices", response_model=OfficesPublic)
async def offices(request: Request):
    return await narasumber_views.offices(ctx_of(request))


@router.post("/narasumber", status_code=201, response_model=StatusPublic)
async def register(request: Request, claims: Claims = Depends(claims_of)):
    """Pendaftaran Narasumber: multipart form with the profile, `cv` (PDF, required) and `certificate`
    (PDF, optional; every certificate in one file)."""
    require_participant(claims)  # before reading 6 MB
    ctx = ctx_of(request)
    fields, files = await _read(request, FORM_LIMIT, ("cv", "certificate"))
    data: dict = {k: (fields.get(k) or [""])[-1] for k in TEXT_FIELDS}
    data["modules"] = fields.get("modules", [])
    return await narasumber.register(ctx, claims, _maybe_org((fields.get("org_id") or [""])[-1]), data,
                                     files.get("cv", (None, None)), files.get("certificate", (None, None)))


@router.get("/narasumber/mine", response_model=MinePublic)
async def mine(request: Request, claims: Claims = Depends(claims_of)):
    return await narasumber_views.mine(ctx_of(request), claims)


@router.get("/narasumber/{narasumber_id}", response_model=NarasumberDetail)
async def detail(narasumber_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    return await narasumber_views.detail(ctx_of(request), claims, narasumber_id)


@router.get("/narasumber/{narasumber_id}/letter", response_class=Response, responses=PDF)
async def letter(narasumber_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    return _pdf(*await narasumber.letter_pdf(ctx_of(request), claims, narasumber_id))


@router.get("/narasumber/{narasumber_id}/documents/{kind}", response_class=Response, responses=PDF)
async def document(narasumber_id: uuid.UUID, kind: Literal["cv", "certificate"], request: Request,
                   claims: Claims = Depends(claims_of)):
    return _pdf(*await narasumber_views.document(ctx_of(request), claims, narasumber_id, kind))


@router.post("/narasumber-requests", status_code=201, response_model=SubmittedRequest)
async def submit_request(request: Request):
    """Permintaan Narasumber (public): the form and `letter` (PDF ≤ 3 MB); answers the link token once."""
    ctx = ctx_of(request)
    fields, files = await _read(request, MAX_DOCUMENT_BYTES + 128 * 1024, ("letter",))
    data = {k: (fields.get(k) or [""])[-1] for k in REQUEST_FIELDS}
    filename, letter_bytes = files.get("letter", (None, None))
    return await narasumber_requests.submit(ctx, _maybe_org((fields.get("org_id") or [""])[-1]), data, filename,
                                            letter_bytes)


@router.get("/narasumber-requests/by-token/{token}", response_model=RequestStatusPublic)
async def request_status(token: str, request: Request):
    return await narasumber_requests.status(ctx_of(request), token)


@router.get("/narasumber-requests/by-token/{token}/letter", response_class=Response, responses=PDF)
async def request_answer(token: str, request: Request):
    return _pdf(*await narasumber_requests.answer_by_token(ctx_of(request), token))


# -- admin --------------------------------------------------------------------------------------------

@router.get("/admin/narasumber", response_model=NarasumberPage)
async def admin_list(request: Request, claims: Claims = Depends(admin_of), org_id: uuid.UUID | None = None,
                     status: RegStatus | None = None, q: str = Query("", max_length=100),
                     page: int = Query(1, ge=1, le=100000), per_page: int = Query(20, ge=1, le=100)):
    return await narasumber_views.admin_list(ctx_of(request), claims, org_id, status or "", q.strip(), page, per_page)


@router.get("/admin/narasumber/summary", response_model=SummaryPublic)
async def summary(request: Request, claims: Claims = Depends(admin_of), org_id: uuid.UUID | None = None):
    return await narasumber_views.summary(ctx_of(request), claims, org_id)


@router.get("/admin/narasumber/office/{org_id}", response_model=OfficePublic)
async def office(org_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_of)):
    return await narasumber_views.office(ctx_of(request), claims, org_id)


@router.put("/admin/narasumber/office/{org_id}", response_model=OfficePublic)
async def save_office(org_id: uuid.UUID, body: OfficeIn, request: Request, claims: Claims = Depends(admin_of)):
    return await narasumber_views.save_office(ctx_of(request), claims, org_id, body.model_dump())


@router.post("/admin/narasumber/{narasumber_id}/recommendation", response_model=StatusPublic)
async def recommend(narasumber_id: uuid.UUID, body: DecisionIn, request: Request, claims: Claims = Depends(admin_of)):
    return await narasumber.recommend(ctx_of(request), claims, narasumber_id, body.decision, body.reason)


@router.post("/admin/narasumber/{narasumber_id}/decision", response_model=DecidedPublic)
async def decide(narasumber_id: uuid.UUID, body: DecisionIn, request: Request, claims: Claims = Depends(admin_of)):
    return await narasumber.decide(ctx_of(request), claims, narasumber_id, body.decision, body.reason)


@router.post("/admin/narasumber/{narasumber_id}/assignments", status_code=201, response_model=AssignedPublic)
async def assign(narasumber_id: uuid.UUID, body: AssignIn, request: Request, claims: Claims = Depends(admin_of)):
    return await narasumber.assign(ctx_of(request), claims, narasumber_id, body.training_id, body.module, body.day)


@router.get("/admin/narasumber-requests", response_model=RequestPage)
async def request_list(request: Request, claims: Claims = Depends(admin_of), org_id: uuid.UUID | None = None,
                       status: ReqStatus | None = None, q: str = Query("", max_length=100),
                       page: int = Query(1, ge=1, le=100000), per_page: int = Query(20, ge=1, le=100)):
    return await narasumber_views.request_list(ctx_of(request), claims, org_id, status or "", q.strip(), page,
                                               per_page)


@router.get("/admin/narasumber-requests/{request_id}", response_model=RequestDetail)
async def request_detail(request_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_of)):
    return await narasumber_views.request_detail(ctx_of(request), claims, request_id)


@router.post("/admin/narasumber-requests/{request_id}/decision", response_model=RequestDecidedPublic)
async def decide_request(request_id: uuid.UUID, body: RequestDecisionIn, request: Request,
                         claims: Claims = Depends(admin_of)):
    return await narasumber_requests.decide(ctx_of(request), claims, request_id, body.decision, body.narasumber_id,
                                            body.reason)


@router.get("/admin/narasumber-requests/{request_id}/letter", response_class=Response, responses=PDF)
async def request_letter(request_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_of)):
    return _pdf(*await narasumber_views.request_letter(ctx_of(request), claims, request_id))


@router.get("/admin/narasumber-requests/{request_id}/answer", response_class=Response, responses=PDF)
async def request_answer_admin(request_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_of)):
    return _pdf(*await narasumber_requests.answer_for_admin(ctx_of(request), claims, request_id))
