"""Uploaded pictures judged by content: JPG/PNG ≤ 3 MB that decodes, and the blue background
of the attendance-confirmation photo ("Harap upload foto dengan background biru")."""
from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image

MAX_BYTES = 3 * 1024 * 1024
MIN_SIDE, MAX_SIDE = 50, 8000
# Hue 185°-255° (Pillow's HSV scales hue to 0-255), i.e. sky blue to deep blue, excluding cyan/violet.
BLUE_HUE = (int(185 / 360 * 255), int(255 / 360 * 255))
MIN_SATURATION = 64  # 25 %: grey and white walls are not blue
MIN_VALUE = 51  # 20 %: near-black is not blue
BLUE_SHARE = 0.6  # a head or a shoulder may cover part of the border

MSG_REQUIRED = "Foto wajib diunggah"
MSG_TOO_LARGE = "Ukuran foto maksimal 3 MB"
MSG_WRONG_TYPE = "File foto harus berupa gambar JPG atau PNG"
MSG_CORRUPT = "File foto rusak atau tidak lengkap, unggah ulang foto Anda"
MSG_DIMENSIONS = f"Ukuran gambar harus antara {MIN_SIDE}×{MIN_SIDE} dan {MAX_SIDE}×{MAX_SIDE} piksel"
MSG_NOT_BLUE = "Latar belakang foto harus berwarna biru"

_TYPES = {"JPEG": "image/jpeg", "MPO": "image/jpeg", "PNG": "image/png"}


class PhotoError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CheckedImage:
    content_type: str
    width: int
    height: int


def _open(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data), formats=["JPEG", "PNG"])


def check_image(data: bytes | None) -> CheckedImage:
    """A JPEG or PNG of at most 3 MB that decodes fully; else PhotoError with a Bahasa message."""
    if not data:
        raise PhotoError(MSG_REQUIRED)
    if len(data) > MAX_BYTES:
        raise PhotoError(MSG_TOO_LARGE)
    if not (data.startswith(b"\xff\xd8\xff") or data.startswith(b"\x89PNG\r\n\x1a\n")):
        raise PhotoError(MSG_WRONG_TYPE)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with _open(data) as img:
                fmt, (w, h) = img.format, img.size
                if fmt not in _TYPES:
                    raise PhotoError(MSG_WRONG_TYPE)
                if not (MIN_SIDE <= w <= MAX_SIDE and MIN_SIDE <= h <= MAX_SIDE):
                    raise PhotoError(MSG_DIMENSIONS)
                img.draft("RGB", (max(1, w // 8), max(1, h // 8)))
                img.load()  # decodes every scan: a truncated file fails here
        except PhotoError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoError(MSG_DIMENSIONS) from None
        except Image.UnidentifiedImageError:
            raise PhotoError(MSG_WRONG_TYPE) from None
        except Exception:  # noqa: BLE001 - Pillow raises many kinds on broken files
            raise PhotoError(MSG_CORRUPT) from None
    return CheckedImage(_TYPES[fmt], w, h)


def blue_share(img: Image.Image) -> float:
    """Share of the top, left and right border pixels that are blue (the bottom is usually clothes)."""
    small = img.convert("RGB")
    small.thumbnail((160, 160))
    w, h = small.size
    band = max(2, min(w, h) // 12)
    hsv = small.convert("HSV")
    px = hsv.load()
    coords = {(x, y) for y in range(band) for x in range(w)}
    coords |= {(x, y) for y in range(h) for x in (*range(band), *range(w - band, w))}
    lo, hi = BLUE_HUE
    blue = sum(1 for (x, y) in coords
               if lo <= px[x, y][0] <= hi and px[x, y][1] >= MIN_SATURATION and px[x, y][2] >= MIN_VALUE)
    return blue / len(coords)


def check_blue_background(data: bytes | None) -> CheckedImage:
    """check_image, then require a blue background; PhotoError(MSG_NOT_BLUE) otherwise."""
    checked = check_image(data)
    with _open(data) as img:
        img.draft("RGB", (max(1, checked.width // 8), max(1, checked.height // 8)))
        share = blue_share(img)
    if share < BLUE_SHARE:
        raise PhotoError(MSG_NOT_BLUE)
    return checked
