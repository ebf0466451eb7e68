"""Konsultasi pasca pelatihan: the alumnus's routes and the organisation's (answer, review, close,
settings, list with the overdue filter, the dashboard tile)."""
from __future__ import annotations

import uuid
from typing import Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile

from balai_platform.auth import Claims
from balai_platform.requests import claims_of
from balai_platform.responses import PROBLEM_RESPONSES, binary_responses
from balai_platform.web import file_response

from ..domain import consultation as dc
from ..domain.material import MAX_MATERIAL_BYTES, content_disposition
from ..service import consultations
from ..service.access import require_participant
from ..service.errors import InvalidInput, TrainingError
from .deps import admin_of, ctx_of
from .schemas_consultation import (
    ConsultationAdminPage,
    ConsultationChange,
    ConsultationDetail,
    ConsultationOpened,
    ConsultationPage,
    ConsultationSettingsPublic,
    ConsultationSummary,
    EligibleTrainings,
)

router = APIRouter(responses=PROBLEM_RESPONSES)
FORM_OVERHEAD = 64 * 1024
MAX_BODY = dc.MAX_FILES * MAX_MATERIAL_BYTES + FORM_OVERHEAD
TOO_LARGE = "Ukuran lampiran maksimal 3 MB per berkas, paling banyak 3 berkas"


class ReviewIn(BaseModel):
    approve: bool
    note: str = Field("", max_length=2000)


class SettingsIn(BaseModel):
    review_required: bool
    org_id: uuid.UUID | None = None


async def _read(request: Request) -> tuple[dict[str, str], list[tuple[str | None, bytes]]]:
    """A multipart (or urlencoded) form: its text fields and up to three files `files` (name, bytes)."""
    ctype = request.headers.get("content-type", "")
    if not ctype.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        raise TrainingError("Kirim data sebagai formulir (multipart/form-data)")
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > MAX_BODY:
        raise InvalidInput({"files": TOO_LARGE}, TOO_LARGE)
    try:
        form = await request.form(max_files=dc.MAX_FILES + 1, max_fields=20)
    except Exception as exc:  # malformed multipart body, too many parts
        raise TrainingError("Format formulir tidak valid") from exc
    fields: dict[str, str] = {}
    files: list[tuple[str | None, bytes]] = []
    for key, value in form.multi_items():
        if isinstance(value, UploadFile):
            if key == "files":
                data = await value.read(MAX_MATERIAL_BYTES + 1)
                if data:  # an empty file input sends an empty part
                    files.append((value.filename, data))
        else:
            fields[key] = value
    return fields, files


def _uuid(value: str, field: str, message: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise InvalidInput({field: message}) from None


# -- participant ---------------------------------------------------------------------------------

@router.get("/consultations/eligible", response_model=EligibleTrainings)
async def eligible(request: Request, claims: Claims = Depends(claims_of)):
    return await consultations.eligible(ctx_of(request), claims)


@router.get("/consultations/mine", response_model=ConsultationPage)
async def mine(request: Request, claims: Claims = Depends(claims_of), page: int = Query(1, ge=1, le=10_000),
               per_page: int = Query(20, ge=1, le=100)):
    return await consultations.mine(ctx_of(request), claims, page=page, per_page=per_page)


@router.post("/consultations", status_code=201, response_model=ConsultationOpened)
async def open_(request: Request, claims: Claims = Depends(claims_of)):
    require_participant(claims)  # before reading up to 9 MB
    fields, files = await _read(request)
    training_id = _uuid(fields.get("training_id", ""), "training_id", "Pilih pelatihan yang telah Anda selesaikan")
    return await consultations.open_consultation(ctx_of(request), claims, training_id, fields.get("topic", ""),
                                                 fields.get("question", ""), files)


@router.get("/consultations/{consultation_id}", response_model=ConsultationDetail)
async def detail(consultation_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    return await consultations.detail(ctx_of(request), claims, consultation_id)


@router.post("/consultations/{consultation_id}/messages", status_code=201, response_model=ConsultationChange)
async def post(consultation_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    require_participant(claims)
    fields, files = await _read(request)
    return await consultations.participant_post(ctx_of(request), claims, consultation_id, fields.get("body", ""),
                                                files)


@router.post("/consultations/{consultation_id}/close", response_model=ConsultationChange)
async def close(consultation_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    return await consultations.participant_close(ctx_of(request), claims, consultation_id)


@router.get("/consultations/{consultation_id}/files/{file_id}", response_class=Response,
            responses=binary_responses("application/pdf", "image/jpeg", "image/png", description="Lampiran"))
async def attachment(consultation_id: uuid.UUID, file_id: uuid.UUID, request: Request,
                     claims: Claims = Depends(claims_of)):
    f = await consultations.attachment(ctx_of(request), claims, consultation_id, file_id)
    return file_response(f.data, f.content_type, f.etag, if_none_match=request.headers.get("if-none-match"),
                         headers={"Content-Disposition": content_disposition(f.filename),
                                  "X-Content-Type-Options": "nosniff"})


# -- admin ---------------------------------------------------------------------------------------

@router.get("/admin/consultations", response_model=ConsultationAdminPage)
async def admin_list(request: Request, claims: Claims = Depends(admin_of), org_id: uuid.UUID | None = None,
                     status: Literal["waiting", "answered", "closed"] | None = None, overdue: bool = False,
                     review: bool = False, training_id: uuid.UUID | None = None,
                     page: int = Query(1, ge=1, le=10_000), per_page: int = Query(20, ge=1, le=100)):
    return await consultations.admin_list(ctx_of(request), claims, org_id=org_id, status=status,
                                          overdue_only=overdue, training_id=training_id, needs_review=review,
                                          page=page, per_page=per_page)


@router.get("/admin/consultations/summary", response_model=ConsultationSummary)
async def admin_summary(request: Request, claims: Claims = Depends(admin_of), org_id: uuid.UUID | None = None):
    return await consultations.admin_summary(ctx_of(request), claims, org_id=org_id)


@router.get("/admin/consultation-settings", response_model=ConsultationSettingsPublic)
async def get_settings(request: Request, claims: Claims = Depends(admin_of), org_id: uuid.UUID | None = None):
    return await consultations.settings(ctx_of(request), claims, org_id)


@router.put("/admin/consultation-settings", response_model=ConsultationSettingsPublic)
async def put_settings(body: SettingsIn, request: Request, claims: Claims = Depends(admin_of)):
    return await consultations.set_review(ctx_of(request), claims, body.org_id, body.review_required)


@router.get("/admin/consultations/{consultation_id}", response_model=ConsultationDetail)
async def admin_detail(consultation_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_of)):
    return await consultations.detail(ctx_of(request), claims, consultation_id)


@router.post("/admin/consultations/{consultation_id}/answers", status_code=201, response_model=ConsultationChange)
async def answer(consultation_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_of)):
    fields, files = await _read(request)
    return await consultations.answer(ctx_of(request), claims, consultation_id, fields.get("body", ""), files)


@router.post("/admin/consultations/{consultation_id}/messages/{message_id}/review", response_model=ConsultationChange)
async def review(consultation_id: uuid.UUID, message_id: uuid.UUID, body: ReviewIn, request: Request,
                 claims: Claims = Depends(admin_of)):
    return await consultations.review(ctx_of(request), claims, consultation_id, message_id, approve=body.approve,
                                      note=body.note)


@router.post("/admin/consultations/{consultation_id}/close", response_model=ConsultationChange)
async def admin_close(consultation_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_of)):
    return await consultations.admin_close(ctx_of(request), claims, consultation_id)
