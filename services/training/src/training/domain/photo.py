"""Uploaded pictures judged by content: JPG/PNG ≤ 3 MB that decodes, and the blue background
of the attendance-confirmation photo ("Harap upload foto dengan background biru")."""
from __future__ import annotations

import io

from PIL import Image

from balai_platform.images import MAX_IMAGE_BYTES, MAX_SIDE, MESSAGES, MIN_SIDE, CheckedImage, ImageError
from balai_platform.images import check_image as _check_image

MAX_BYTES = MAX_IMAGE_BYTES
# Hue 185°-255° (Pillow's HSV scales hue to 0-255), i.e. sky blue to deep blue, excluding cyan/violet.
BLUE_HUE = (int(185 / 360 * 255), int(255 / 360 * 255))
MIN_SATURATION = 64  # 25 %: grey and white walls are not blue
MIN_VALUE = 51  # 20 %: near-black is not blue
BLUE_SHARE = 0.6  # a head or a shoulder may cover part of the border

MSG_REQUIRED = MESSAGES["required"]
MSG_TOO_LARGE = MESSAGES["too_large"]
MSG_WRONG_TYPE = MESSAGES["wrong_type"]
MSG_CORRUPT = MESSAGES["corrupt"]
MSG_DIMENSIONS = f"Ukuran gambar harus antara {MIN_SIDE}×{MIN_SIDE} dan {MAX_SIDE}×{MAX_SIDE} piksel"
MSG_NOT_BLUE = "Latar belakang foto harus berwarna biru"

__all__ = ["PhotoError", "CheckedImage", "check_image", "check_blue_background", "blue_share"]


class PhotoError(ImageError):
    """The upload is not an acceptable photo; ``message`` is shown to the user."""


def _open(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data), formats=["JPEG", "PNG"])


def check_image(data: bytes | None) -> CheckedImage:
    """A JPEG or PNG of at most 3 MB that decodes fully; else PhotoError with a Bahasa message."""
    return _check_image(data, {"too_small": MSG_DIMENSIONS, "too_big": MSG_DIMENSIONS}, error=PhotoError)


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
    # the re-encoded picture: already at most MAX_OUTPUT_SIDE a side, so per-pixel work stays small
    with _open(checked.data) as img:
        img.draft("RGB", (160, 160))
        share = blue_share(img)
    if share < BLUE_SHARE:
        raise PhotoError(MSG_NOT_BLUE)
    return checked
