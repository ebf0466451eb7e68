"""File materials of an online class module, judged by content, never by file name or declared type:
a PDF (starts with ``%PDF-``), or a JPEG/PNG that decodes fully; at most 3 MB, at most 5 a module."""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote, unquote

from balai_platform.images import ImageError, check_image

MAX_MATERIAL_BYTES = 3 * 1024 * 1024
MAX_FILES_PER_MODULE = 5
MAX_FILENAME = 120

MSG_REQUIRED = "Berkas materi wajib diunggah"
MSG_WRONG_TYPE = "Materi harus berupa PDF, JPG atau PNG"
MSG_TOO_LARGE = "Ukuran materi maksimal 3 MB"
MSG_TOO_MANY = f"Maksimal {MAX_FILES_PER_MODULE} berkas per modul"
IMAGE_MESSAGES = {
    "required": MSG_REQUIRED, "wrong_type": MSG_WRONG_TYPE, "too_large": MSG_TOO_LARGE,
    "corrupt": "Berkas gambar rusak atau tidak lengkap, unggah ulang materi",
    "too_small": "Gambar materi terlalu kecil, minimal 50×50 piksel",
    "too_big": "Gambar materi terlalu besar, maksimal 8000×8000 piksel",
}
PDF_MAGIC = b"%PDF-"
EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
SAME_TYPE = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}
_UNSAFE = re.compile(r"[^\w .()\-]+", re.UNICODE)


class MaterialError(ImageError):
    """The upload is not an acceptable material; ``message`` is shown to the user."""


@dataclass(frozen=True)
class CheckedMaterial:
    data: bytes
    content_type: str
    filename: str

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def etag(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def content_type_of(data: bytes | None) -> str:
    """'application/pdf', 'image/jpeg' or 'image/png' of an acceptable upload; MaterialError otherwise."""
    return _accepted(data)[1]


def _accepted(data: bytes | None) -> tuple[bytes, str]:
    """(bytes to store, content type): a PDF as uploaded, a picture re-encoded (no metadata, no payload)."""
    if not data:
        raise MaterialError(MSG_REQUIRED)
    if len(data) > MAX_MATERIAL_BYTES:
        raise MaterialError(MSG_TOO_LARGE)
    if data.startswith(PDF_MAGIC):
        return bytes(data), "application/pdf"
    checked = check_image(data, IMAGE_MESSAGES, error=MaterialError)
    return checked.data, checked.content_type


def safe_filename(name: str | None, content_type: str) -> str:
    """The name shown and offered on download: no path, no control or shell-special characters,
    at most 120 characters, and an extension that matches the content. Percent-escapes are decoded
    first: browsers send `"` as %22 (HTML multipart rules) and aiohttp (the gateway) escapes every name."""
    base = unicodedata.normalize("NFKC", unquote(name or "").replace("\\", "/").rsplit("/", 1)[-1])
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C")
    base = _UNSAFE.sub("_", base)
    base = re.sub(r"\s+", " ", base).strip(" ._")
    stem, ext = os.path.splitext(base)
    if SAME_TYPE.get(ext.lower()) != content_type:
        stem, ext = base, EXTENSIONS[content_type]
    stem = stem.strip(" ._") or "materi"
    return stem[:MAX_FILENAME - len(ext)].rstrip(" ._") + ext


def check_material(data: bytes | None, filename: str | None) -> CheckedMaterial:
    """An acceptable material with a safe name; pictures carry their re-encoded bytes."""
    stored, ctype = _accepted(data)
    return CheckedMaterial(data=stored, content_type=ctype, filename=safe_filename(filename, ctype))


def content_disposition(filename: str) -> str:
    """``attachment`` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / RFC 5987)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", filename) if not unicodedata.combining(c))
    ascii_name = re.sub(r"[^A-Za-z0-9 ._()\-]", "_", plain).strip() or "materi"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"
