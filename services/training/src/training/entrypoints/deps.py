"""Request helpers: the caller's verified identity, form parsing with limits, file answers."""
from __future__ import annotations

from fastapi import Request, Response
from starlette.datastructures import UploadFile

from balai_platform import web

from ..service.context import TrainingContext
from ..service.errors import TrainingError


def ctx_of(request: Request) -> TrainingContext:
    return request.app.state.ctx


async def read_form(request: Request, max_bytes: int, file_fields: tuple[str, ...]
                    ) -> tuple[dict[str, list[str]], dict[str, bytes]]:
    """Parse multipart/urlencoded input: text fields (every value) and the named files' bytes."""
    ctype = request.headers.get("content-type", "")
    if not (ctype.startswith(("multipart/form-data", "application/x-www-form-urlencoded"))):
        raise TrainingError("Kirim data sebagai formulir (multipart/form-data)")
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise TrainingError("Ukuran data terlalu besar. Foto maksimal 3 MB", {"photo": "Ukuran foto maksimal 3 MB"})
    try:
        form = await request.form(max_files=len(file_fields) + 1, max_fields=60)
    except Exception as exc:  # malformed multipart body, too many parts
        raise TrainingError("Format formulir tidak valid") from exc
    fields: dict[str, list[str]] = {}
    files: dict[str, bytes] = {}
    for key, value in form.multi_items():
        if isinstance(value, UploadFile):
            if key in file_fields:
                data = await value.read(max_bytes + 1)
                if data:
                    files[key] = data
        else:
            fields.setdefault(key, []).append(value)
    return fields, files


def file_response(request: Request, data: bytes, ctype: str, etag: str) -> Response:
    return web.file_response(data, ctype, etag, if_none_match=request.headers.get("if-none-match"))
