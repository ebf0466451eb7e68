"""Request helpers: the context, optional claims, form bodies (JSON or form fields) and uploads."""
from __future__ import annotations

from fastapi import Request

from balai_platform import forms
from balai_platform.auth import Claims
from balai_platform.requests import verify_claims

from ..service.context import SurveyContext
from ..service.errors import PayloadTooLarge

FORM_MAX_BYTES = 64 * 1024


def ctx_of(request: Request) -> SurveyContext:
    return request.app.state.ctx


async def optional_claims(request: Request) -> Claims | None:
    """The caller's verified claims when a token is sent; None for the public."""
    if not request.headers.get("authorization"):
        return None
    return verify_claims(request)


def client_ip(request: Request) -> str:
    """The gateway replaces X-Forwarded-For with the client's address (edge.client_ip)."""
    forwarded = request.headers.get("x-forwarded-for", "").split(",")[0].strip()
    return forwarded or (request.client.host if request.client else "unknown")


async def read_fields(request: Request) -> dict[str, object]:
    """A JSON object or a urlencoded/multipart form (last value of each field)."""
    form = await forms.read_form(request, max_bytes=FORM_MAX_BYTES, allow_json=True, max_fields=120,
                                 too_large=lambda: PayloadTooLarge("Isian formulir terlalu besar"))
    return form.json if form.json is not None else dict(form.last_values())


async def read_upload(request: Request, field: str, max_bytes: int) -> bytes:
    """One uploaded file (multipart); empty bytes when none was chosen."""
    form = await forms.read_form(request, max_bytes=max_bytes + 64 * 1024, file_fields=(field,),
                                 file_max_bytes=max_bytes, max_files=1, size_first=True,
                                 too_large=lambda: PayloadTooLarge("Ukuran berkas maksimal 3 MB"))
    data = form.files.get(field) or b""
    if len(data) > max_bytes:
        raise PayloadTooLarge("Ukuran berkas maksimal 3 MB")
    return data
