"""Uploaded pictures judged by content, never by file name or declared content type.

Every service that stores photos (profile, product, confirmation) checks them here: a JPEG or
PNG of at most 3 MB and 50×50 to 8000×8000 pixels that decodes fully. Messages are Bahasa
Indonesia; a service may word them for its own form through `messages`.
"""
from __future__ import annotations

import hashlib
import io
import warnings
from collections.abc import Mapping
from dataclasses import dataclass

from PIL import Image

MAX_IMAGE_BYTES = 3 * 1024 * 1024
MIN_SIDE = 50
MAX_SIDE = 8000

MESSAGES = {
    "required": "Foto wajib diunggah",
    "too_large": "Ukuran foto maksimal 3 MB",
    "wrong_type": "File foto harus berupa gambar JPG atau PNG",
    "corrupt": "File foto rusak atau tidak lengkap, unggah ulang foto Anda",
    "too_small": f"Foto terlalu kecil, minimal {MIN_SIDE}×{MIN_SIDE} piksel",
    "too_big": f"Foto terlalu besar, maksimal {MAX_SIDE}×{MAX_SIDE} piksel",
}

_JPEG_MAGIC = b"\xff\xd8\xff"
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# MPO is what many phone cameras write: a JPEG with extra pictures appended; Pillow names it "MPO".
CONTENT_TYPES = {"JPEG": "image/jpeg", "MPO": "image/jpeg", "PNG": "image/png"}


class ImageError(ValueError):
    """The upload is not an acceptable picture; ``message`` is shown to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CheckedImage:
    data: bytes
    content_type: str  # 'image/jpeg' | 'image/png'
    width: int
    height: int

    @property
    def etag(self) -> str:
        return hashlib.sha256(self.data).hexdigest()[:32]


def check_image(data: bytes | None, messages: Mapping[str, str] | None = None,
                error: type[ImageError] = ImageError) -> CheckedImage:
    """Accept a JPEG or PNG of at most 3 MB and 50×50 to 8000×8000 pixels that decodes fully."""
    msg = {**MESSAGES, **(messages or {})}
    if data is None:
        raise error(msg["required"])
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise error(msg["wrong_type"])
    data = bytes(data)
    if not data:
        raise error(msg["required"])
    if len(data) > MAX_IMAGE_BYTES:
        raise error(msg["too_large"])
    if not (data.startswith((_JPEG_MAGIC, _PNG_MAGIC))):
        raise error(msg["wrong_type"])

    with warnings.catch_warnings():
        # A picture over Image.MAX_IMAGE_PIXELS only warns by default; treat it as the bomb it may be.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=["JPEG", "PNG"]) as img:
                fmt, (width, height) = img.format, img.size
                if fmt not in CONTENT_TYPES:
                    raise error(msg["wrong_type"])
                # Size limits first, before anything is decoded.
                if width > MAX_SIDE or height > MAX_SIDE:
                    raise error(msg["too_big"])
                if width < MIN_SIDE or height < MIN_SIDE:
                    raise error(msg["too_small"])
                img.verify()  # PNG: chunk CRCs up to IEND
            if fmt != "PNG":
                # JPEG has no verify(); decode at 1/8 scale, which still reads every scan, to catch truncation.
                with Image.open(io.BytesIO(data), formats=["JPEG"]) as img:
                    img.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                    img.load()
        except ImageError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise error(msg["too_big"]) from None
        except Image.UnidentifiedImageError:
            raise error(msg["wrong_type"]) from None
        except Exception:
            raise error(msg["corrupt"]) from None
    return CheckedImage(data=data, content_type=CONTENT_TYPES[fmt], width=width, height=height)
