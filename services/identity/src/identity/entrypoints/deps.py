"""Request helpers: the caller's verified identity and form parsing with limits."""
from __future__ import annotations

from fastapi import Request

from balai_platform import forms

from ..service.context import IdentityContext
from ..service.errors import IdentityError


def ctx_of(request: Request) -> IdentityContext:
    return request.app.state.ctx


def _too_large() -> IdentityError:
    return IdentityError("Ukuran data terlalu besar. Foto maksimal 3 MB", {"photo": "Ukuran foto maksimal 3 MB"})


async def read_form(request: Request, max_bytes: int) -> tuple[dict[str, str], bytes | None]:
    """Parse multipart/urlencoded input; return text fields and the photo's bytes."""
    form = await forms.read_form(request, max_bytes=max_bytes, file_fields=("photo",), max_fields=50,
                                 too_large=_too_large)
    return form.last_values(), form.files.get("photo")
