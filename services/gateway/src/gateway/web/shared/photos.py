"""Cheap checks of an uploaded photo before it is forwarded (the service checks the image again)."""
from __future__ import annotations

from starlette.datastructures import UploadFile

from gateway.i18n import t

MAX_PHOTO_BYTES = 3 * 1024 * 1024


async def photo_error(photo: UploadFile) -> str | None:
    """A message when the photo is too large or not a JPEG/PNG; None when it may go on."""
    if (photo.size or 0) > MAX_PHOTO_BYTES:
        return t("photo_too_large")
    head = await photo.read(8)
    await photo.seek(0)
    if not head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")):
        return t("photo_wrong_type")
    return None
