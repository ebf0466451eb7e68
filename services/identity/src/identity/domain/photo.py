"""Profile photo ("Foto Profil") check: the platform's content-based image check, worded for this form."""

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
MSG_REQUIRED = "Foto Profil wajib diunggah"
MSG_TOO_LARGE = MESSAGES["too_large"]
MSG_WRONG_TYPE = MESSAGES["wrong_type"]
MSG_CORRUPT = MESSAGES["corrupt"]
MSG_TOO_SMALL = MESSAGES["too_small"]
MSG_TOO_BIG_DIMENSIONS = MESSAGES["too_big"]

__all__ = ["MAX_PHOTO_BYTES", "MIN_SIDE", "MAX_SIDE", "PhotoError", "CheckedPhoto", "check_photo"]


class PhotoError(ImageError):
    """The upload is not an acceptable photo; ``message`` is shown to the user."""


def check_photo(data: bytes | None) -> CheckedPhoto:
    """Accept a JPEG or PNG of at most 3 MB and 50×50 to 8000×8000 pixels that decodes fully; else `PhotoError`."""
    return check_image(data, {"required": MSG_REQUIRED}, error=PhotoError)
