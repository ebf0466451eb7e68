"""Product photo check: judged by content, never by file name or declared content type.

Copied from identity's profile-photo check (services never import each other)."""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image

MAX_PHOTO_BYTES = 3 * 1024 * 1024
MIN_SIDE = 50
MAX_SIDE = 8000

MSG_REQUIRED = "Foto Produk wajib diunggah"
MSG_TOO_LARGE = "Ukuran foto maksimal 3 MB"
MSG_WRONG_TYPE = "File foto harus berupa gambar JPG atau PNG"
MSG_CORRUPT = "File foto rusak atau tidak lengkap, unggah ulang foto"
MSG_TOO_SMALL = f"Foto terlalu kecil, minimal {MIN_SIDE}×{MIN_SIDE} piksel"
MSG_TOO_BIG_DIMENSIONS = f"Foto terlalu besar, maksimal {MAX_SIDE}×{MAX_SIDE} piksel"

_JPEG_MAGIC = b"\xff\xd8\xff"
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# MPO is what many phone cameras write: a JPEG with extra pictures appended; Pillow names it "MPO".
_CONTENT_TYPES = {"JPEG": "image/jpeg", "MPO": "image/jpeg", "PNG": "image/png"}


class PhotoError(ValueError):
    """The upload is not an acceptable photo; ``message`` is shown to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CheckedPhoto:
    data: bytes
    content_type: str  # 'image/jpeg' | 'image/png'
    width: int
    height: int

    @property
    def etag(self) -> str:
        return hashlib.sha256(self.data).hexdigest()[:32]


def check_photo(data: bytes | None) -> CheckedPhoto:
    """Accept a JPEG or PNG of at most 3 MB and 50×50 to 8000×8000 pixels that decodes fully; else `PhotoError`."""
    if data is None:
        raise PhotoError(MSG_REQUIRED)
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise PhotoError(MSG_WRONG_TYPE)
    data = bytes(data)
    if not data:
        raise PhotoError(MSG_REQUIRED)
    if len(data) > MAX_PHOTO_BYTES:
        raise PhotoError(MSG_TOO_LARGE)
    if not (data.startswith(_JPEG_MAGIC) or data.startswith(_PNG_MAGIC)):
        raise PhotoError(MSG_WRONG_TYPE)

    with warnings.catch_warnings():
        # A picture over Image.MAX_IMAGE_PIXELS only warns by default; treat it as the bomb it may be.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=["JPEG", "PNG"]) as img:
                fmt, (width, height) = img.format, img.size
                if fmt not in _CONTENT_TYPES:
                    raise PhotoError(MSG_WRONG_TYPE)
                # Size limits first, before anything is decoded.
                if width > MAX_SIDE or height > MAX_SIDE:
                    raise PhotoError(MSG_TOO_BIG_DIMENSIONS)
                if width < MIN_SIDE or height < MIN_SIDE:
                    raise PhotoError(MSG_TOO_SMALL)
                img.verify()  # PNG: chunk CRCs up to IEND
            if fmt != "PNG":
                # JPEG has no verify(); decode at 1/8 scale, which still reads every scan, to catch truncation.
                with Image.open(io.BytesIO(data), formats=["JPEG"]) as img:
                    img.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                    img.load()
        except PhotoError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoError(MSG_TOO_BIG_DIMENSIONS) from None
        except Image.UnidentifiedImageError:
            raise PhotoError(MSG_WRONG_TYPE) from None
        except Exception:  # noqa: BLE001 - Pillow raises OSError, SyntaxError, ValueError... on broken files
            raise PhotoError(MSG_CORRUPT) from None
    return CheckedPhoto(data=data, content_type=_CONTENT_TYPES[fmt], width=width, height=height)


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
