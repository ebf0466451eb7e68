"""Public routes (no login): verification by code, the upload check, the issuer's keys."""
from __future__ import annotations

from fastapi import APIRouter, Path, Request

from balai_platform import forms
from balai_platform.errors import InvalidInput, PayloadTooLarge
from balai_platform.responses import PROBLEM_RESPONSES

from ..service import badges, reads
from .deps import ctx_of
from .schemas import JsonDocument, UploadCheckPublic, VerificationPublic

router = APIRouter(responses=PROBLEM_RESPONSES)
CODE = Path(pattern=r"^[A-Za-z2-7]{16}$", description="Kode verifikasi")
MAX_PDF = 5 * 1024 * 1024


@router.get("/public/verify/{code}", response_model=VerificationPublic)
async def verify(request: Request, code: str = CODE):
    return await reads.verify(ctx_of(request), code)


def _too_large() -> PayloadTooLarge:
    return PayloadTooLarge("Berkas terlalu besar (maksimal 5 MB)")


@router.post("/public/verify/{code}/check", response_model=UploadCheckPublic)
async def check(request: Request, code: str = CODE):
    """Upload the PDF (multipart field `berkas`): "cocok" when it is the issued file byte for byte."""
    form = await forms.read_form(request, max_bytes=MAX_PDF + 64 * 1024, file_fields=("berkas",),
                                 file_max_bytes=MAX_PDF, max_files=1, too_large=_too_large, size_first=True)
    data = form.files.get("berkas")
    if not data:
        raise InvalidInput({"berkas": "Pilih berkas PDF sertifikat"})
    if len(data) > MAX_PDF:
        raise _too_large()
    return await reads.check_upload(ctx_of(request), code, data)


@router.get("/public/did.json", response_model=JsonDocument)
async def did_document(request: Request):
    return badges.did_document(ctx_of(request))


@router.get("/public/jwks.json", response_model=JsonDocument)
async def jwks(request: Request):
    return badges.jwks(ctx_of(request))
