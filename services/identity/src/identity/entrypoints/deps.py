"""Request helpers: the caller's verified identity and form parsing with limits."""
from __future__ import annotations

from fastapi import Request
from starlette.datastructures import UploadFile

from ..service.context import IdentityContext
from ..service.errors import IdentityError


def ctx_of(request: Request) -> IdentityContext:
    return request.app.state.ctx


async def read_form(request: Request, max_bytes: int) -> tuple[dict[str, str], bytes | None]:
    """Parse multipart/urlencoded input; return text fields and the photo's bytes."""
    ctype = request.headers.get("content-type", "")
    if not (ctype.startswith(("multipart/form-data", "application/x-www-form-urlencoded"))):
        raise IdentityError("Kirim data sebagai formulir (multipart/form-data)")
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise IdentityError("Ukuran data terlalu besar. Foto maksimal 3 MB", {"photo": "Ukuran foto maksimal 3 MB"})
    try:
        form = await request.form(max_files=2, max_fields=50)
    except Exception as exc:  # malformed multipart body
        raise IdentityError("Format formulir tidak valid") from exc
    fields: dict[str, str] = {}
    photo: bytes | None = None
    for key, value in form.multi_items():
        if isinstance(value, UploadFile):
            if key == "photo":
                data = await value.read(max_bytes + 1)
                photo = data or None
        else:
            fields[key] = value
    return fields, photo
