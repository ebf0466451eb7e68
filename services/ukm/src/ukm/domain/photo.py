"""Product photo ("Gambar / Foto Produk") check: the platform's content-based image check."""

from __future__ import annotations

from balai_platform.images import (
    MAX_IMAGE_BYTES,
    MAX_SIDE,
    MESSAGES,
    MIN_SIDE,
    ImageError,
    check_image,
)
from balai_platform.images import CheckedImage as CheckedPhoto

MAX_PHOTO_BYTES = MAX_IMAGE_BYTES
MSG_REQUIRED = "Foto Produk wajib diunggah"
MSG_TOO_LARGE = MESSAGES["too_large"]
MSG_WRONG_TYPE = MESSAGES["wrong_type"]
MSG_CORRUPT = "File foto rusak atau tidak lengkap, unggah ulang foto"
MSG_TOO_SMALL = MESSAGES["too_small"]
MSG_TOO_BIG_DIMENSIONS = MESSAGES["too_big"]

__all__ = ["MAX_PHOTO_BYTES", "MIN_SIDE", "MAX_SIDE", "PhotoError", "CheckedPhoto", "check_photo", "check_photos"]


class PhotoError(ImageError):
    """The upload is not an acceptable photo; ``message`` is shown to the user."""


def check_photo(data: bytes | None) -> CheckedPhoto:
    """Accept a JPEG or PNG of at most 3 MB and 50×50 to 8000×8000 pixels that decodes fully; else `PhotoError`."""
    return check_image(data, {"required": MSG_REQUIRED, "corrupt": MSG_CORRUPT}, error=PhotoError)


def check_photos(photos: dict[int, bytes | None], *, first_required: bool) -> tuple[dict[int, CheckedPhoto], dict[str, str]]:
    """Check slots 1..3 ("Gambar / Foto Produk n"); errors keyed photo_<n>."""
    checked: dict[int, CheckedPhoto] = {}
    errors: dict[str, str] = {}
    for n in (1, 2, 3):
        data = photos.get(n)
        if not data:
            if n == 1 and first_required:
                errors["photo_1"] = MSG_REQUIRED
            continue
        try:
            checked[n] = check_photo(data)
        except PhotoError as exc:
            errors[f"photo_{n}"] = exc.message
    return checked, errors
