"""Reading a service's form input (multipart, urlencoded, optionally a JSON object) with limits.

The answers are the services' own: 400 for a body that is not a form, or a malformed one; the
caller chooses the error for a body larger than allowed (a 400 naming the photo, or a 413).
"""
from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

import orjson
from starlette.datastructures import UploadFile
from starlette.requests import Request

from .errors import PayloadTooLarge, ServiceError

FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
NOT_A_FORM = "Kirim data sebagai formulir (multipart/form-data)"
BAD_FORM = "Format formulir tidak valid"


@dataclass(frozen=True)
class ReadForm:
    """Every text value of each field, in order; the named files (None when sent empty); or the
    JSON object when the body was one."""

    fields: dict[str, list[str]] = field(default_factory=dict)
    files: dict[str, bytes | None] = field(default_factory=dict)
    json: dict[str, object] | None = None

    def last_values(self) -> dict[str, str]:
        """One value per field: the last one sent, as a browser's repeated field would overwrite."""
        return {key: values[-1] for key, values in self.fields.items()}


def _too_large() -> ServiceError:
    return PayloadTooLarge("Ukuran data terlalu besar")


async def read_form(request: Request, *, max_bytes: int, file_fields: Collection[str] = (),
                    file_max_bytes: int | None = None, max_files: int | None = None, max_fields: int = 60,
                    allow_json: bool = False, too_large: Callable[[], ServiceError] = _too_large,
                    size_first: bool = False) -> ReadForm:
    """Parse the body; files not in `file_fields` are dropped unread.

    `max_bytes` bounds the declared body size, `file_max_bytes` (default `max_bytes`) what is read
    of each file (one byte more, so the caller can tell it was too big); `size_first` rejects an
    oversized body before looking at its content type."""
    ctype = request.headers.get("content-type", "")
    is_json = allow_json and ctype.startswith("application/json")
    if size_first:
        _check_size(request, max_bytes, too_large)
    if not is_json and not ctype.startswith(FORM_TYPES):
        raise ServiceError(NOT_A_FORM)
    if not size_first:
        _check_size(request, max_bytes, too_large)
    if is_json:
        return ReadForm(json=json_object(await request.body()))
    try:
        form = await request.form(max_files=len(file_fields) + 1 if max_files is None else max_files,
                                  max_fields=max_fields)
    except Exception as exc:  # malformed multipart body, too many parts
        raise ServiceError(BAD_FORM) from exc
    read_limit = (max_bytes if file_max_bytes is None else file_max_bytes) + 1
    result = ReadForm()
    for key, value in form.multi_items():
        if isinstance(value, UploadFile):
            if key in file_fields:
                result.files[key] = (await value.read(read_limit)) or None
        else:
            result.fields.setdefault(key, []).append(value)
    return result


def _check_size(request: Request, max_bytes: int, too_large: Callable[[], ServiceError]) -> None:
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise too_large()


def json_object(raw: bytes, *, empty_ok: bool = False) -> dict[str, object]:
    """A JSON object body (`{}` for an empty body when `empty_ok`), else a 400 in Bahasa Indonesia."""
    if empty_ok and not raw:
        return {}
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise ServiceError("Format JSON tidak valid", {"body": "Format JSON tidak valid"}) from exc
    if not isinstance(body, dict):
        raise ServiceError("Data harus berupa objek JSON", {"body": "Format data tidak valid"})
    return body
