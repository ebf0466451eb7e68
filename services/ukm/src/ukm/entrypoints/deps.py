"""Request helpers: the caller's verified identity and form parsing with limits."""
from __future__ import annotations

import orjson
from fastapi import Request
from starlette.datastructures import UploadFile

from ..domain.photo import MAX_PHOTO_BYTES
from ..service.context import UkmContext
from ..service.errors import UkmError

PHOTO_FIELDS = {"photo_1": 1, "photo_2": 2, "photo_3": 3}


class PayloadTooLarge(UkmError):
    status = 413


def ctx_of(request: Request) -> UkmContext:
    return request.app.state.ctx


async def read_form(request: Request, max_bytes: int, *, allow_json: bool = True
                    ) -> tuple[dict[str, object], dict[int, bytes | None]]:
    """Parse multipart/urlencoded (or a JSON object); return text fields and photos by slot 1..3."""
    ctype = request.headers.get("content-type", "")
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise PayloadTooLarge("Ukuran data terlalu besar. Setiap foto maksimal 3 MB")
    if allow_json and ctype.startswith("application/json"):
        try:
            body = orjson.loads(await request.body())
        except orjson.JSONDecodeError as exc:
            raise UkmError("Format JSON tidak valid", {"body": "Format JSON tidak valid"}) from exc
        if not isinstance(body, dict):
            raise UkmError("Data harus berupa objek JSON", {"body": "Format data tidak valid"})
        return body, {}
    if not (ctype.startswith(("multipart/form-data", "application/x-www-form-urlencoded"))):
        raise UkmError("Kirim data sebagai formulir (multipart/form-data)")
    try:
        form = await request.form(max_files=3, max_fields=60)
    except Exception as exc:  # malformed multipart body, too many parts
        raise UkmError("Format formulir tidak valid") from exc
    fields: dict[str, object] = {}
    photos: dict[int, bytes | None] = {}
    for key, value in form.multi_items():
        if isinstance(value, UploadFile):
            if key in PHOTO_FIELDS:
                photos[PHOTO_FIELDS[key]] = (await value.read(MAX_PHOTO_BYTES + 1)) or None
        elif key not in PHOTO_FIELDS:
            fields[key] = value
    return fields, photos


def json_or_empty(raw: bytes) -> dict:
    try:
        body = orjson.loads(raw) if raw else {}
    except orjson.JSONDecodeError as exc:
        raise UkmError("Format JSON tidak valid", {"body": "Format JSON tidak valid"}) from exc
    if not isinstance(body, dict):
        raise UkmError("Data harus berupa objek JSON", {"body": "Format data tidak valid"})
    return body
