"""The template editor's routes (admin): read, save (multipart with the logo), live preview."""
from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from balai_platform import forms
from balai_platform.auth import Claims
from balai_platform.errors import PayloadTooLarge
from balai_platform.images import MAX_IMAGE_BYTES
from balai_platform.requests import admin_claims_of
from balai_platform.responses import PROBLEM_RESPONSES, binary_responses

from ..service import templates
from .deps import ctx_of
from .schemas import TemplatePublic

router = APIRouter(prefix="/admin/templates", responses=PROBLEM_RESPONSES)
KIND = Query("*", max_length=60, description="Jenis pelatihan; '*' = semua jenis")


def _too_large() -> PayloadTooLarge:
    return PayloadTooLarge("Ukuran data terlalu besar. Logo maksimal 3 MB")


async def _form(request: Request) -> tuple[dict[str, object], bytes | None]:
    form = await forms.read_form(request, max_bytes=MAX_IMAGE_BYTES + 256 * 1024, file_fields=("logo",),
                                 file_max_bytes=MAX_IMAGE_BYTES, max_files=1, allow_json=True,
                                 too_large=_too_large, size_first=True)
    if form.json is not None:
        return form.json, None
    return dict(form.last_values()), form.files.get("logo")


@router.get("", response_model=TemplatePublic)
async def get_template(request: Request, claims: Claims = Depends(admin_claims_of), kind: str = KIND,
                       org_id: uuid.UUID | None = None):
    return await templates.get_template(ctx_of(request), claims, org_id, kind)


@router.put("", response_model=TemplatePublic)
async def save_template(request: Request, claims: Claims = Depends(admin_claims_of), kind: str = KIND,
                        org_id: uuid.UUID | None = None):
    fields, logo = await _form(request)
    return await templates.save_template(ctx_of(request), claims, org_id, kind, fields, logo)


@router.post("/preview", response_class=Response,
             responses=binary_responses("application/pdf", description="Pratinjau PDF (contoh)"))
async def preview(request: Request, claims: Claims = Depends(admin_claims_of), kind: str = KIND,
                  org_id: uuid.UUID | None = None):
    fields, logo = await _form(request)
    pdf = await templates.preview(ctx_of(request), claims, org_id, kind, fields, logo)
    return Response(pdf, media_type="application/pdf",
                    headers={"Content-Disposition": 'inline; filename="contoh-sertifikat.pdf"',
                             "Cache-Control": "no-store"})
