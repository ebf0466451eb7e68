"""Request helpers: the caller's verified identity, form parsing with limits, file answers."""
from __future__ import annotations

from fastapi import Request, Response

from balai_platform import forms, web
from balai_platform.auth import Claims
from balai_platform.requests import verify_claims

from ..service.access import require_admin
from ..service.context import TrainingContext
from ..service.errors import TrainingError


def ctx_of(request: Request) -> TrainingContext:
    return request.app.state.ctx


async def admin_of(request: Request) -> Claims:
    """FastAPI dependency of the admin routes: the caller's verified claims, an admin's."""
    claims = verify_claims(request)
    require_admin(claims)
    return claims


def _too_large() -> TrainingError:
    return TrainingError("Ukuran data terlalu besar. Foto maksimal 3 MB", {"photo": "Ukuran foto maksimal 3 MB"})


async def read_form(request: Request, max_bytes: int, file_fields: tuple[str, ...]
                    ) -> tuple[dict[str, list[str]], dict[str, bytes]]:
    """Parse multipart/urlencoded input: text fields (every value) and the named files' bytes."""
    form = await forms.read_form(request, max_bytes=max_bytes, file_fields=file_fields, too_large=_too_large)
    return form.fields, {key: data for key, data in form.files.items() if data}


def file_response(request: Request, data: bytes, ctype: str, etag: str) -> Response:
    return web.file_response(data, ctype, etag, if_none_match=request.headers.get("if-none-match"))
