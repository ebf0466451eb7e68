"""Request helpers: the caller's verified identity and form parsing with limits."""
from __future__ import annotations

from fastapi import Request

from balai_platform import forms

from ..domain.photo import MAX_PHOTO_BYTES
from ..service.context import UkmContext
from ..service.errors import PayloadTooLarge

PHOTO_FIELDS = {"photo_1": 1, "photo_2": 2, "photo_3": 3}

__all__ = ["PHOTO_FIELDS", "PayloadTooLarge", "ctx_of", "json_or_empty", "read_form"]


def ctx_of(request: Request) -> UkmContext:
    return request.app.state.ctx


def _too_large() -> PayloadTooLarge:
    return PayloadTooLarge("Ukuran data terlalu besar. Setiap foto maksimal 3 MB")


async def read_form(request: Request, max_bytes: int, *, allow_json: bool = True
                    ) -> tuple[dict[str, object], dict[int, bytes | None]]:
    """Parse multipart/urlencoded (or a JSON object); return text fields and photos by slot 1..3."""
    form = await forms.read_form(request, max_bytes=max_bytes, file_fields=PHOTO_FIELDS,
                                 file_max_bytes=MAX_PHOTO_BYTES, max_files=3, allow_json=allow_json,
                                 too_large=_too_large, size_first=True)
    if form.json is not None:
        return form.json, {}
    fields: dict[str, object] = {k: v for k, v in form.last_values().items() if k not in PHOTO_FIELDS}
    return fields, {PHOTO_FIELDS[key]: data for key, data in form.files.items()}


def json_or_empty(raw: bytes) -> dict:
    return forms.json_object(raw, empty_ok=True)
