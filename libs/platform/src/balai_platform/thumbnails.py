"""Small WebP copies of stored pictures for pages on slow networks (galleries, lists).

Input is a picture already checked and re-encoded by `balai_platform.images` (JPEG or PNG, at
most 2048 px a side), so decoding it is bounded. A JPEG is decoded already reduced by libjpeg
(`draft`), then resized with a good filter; the picture is never enlarged.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from PIL import Image, ImageOps

THUMB_WIDTHS = (320, 640)
WEBP_QUALITY = 70  # a phone photo at 320 px wide is ~10-20 KB


@dataclass(frozen=True)
class Thumbnail:
    data: bytes
    width: int
    height: int

    @property
    def etag(self) -> str:
        return hashlib.sha256(self.data).hexdigest()[:32]


def webp_thumbnail(data: bytes, width: int, quality: int = WEBP_QUALITY) -> Thumbnail:
    """`data` (a stored JPEG/PNG) cropped to 4:3 around its centre (how cards show it) and at most
    `width` pixels wide, as WebP without metadata."""
    with Image.open(io.BytesIO(data), formats=["JPEG", "PNG"]) as img:
        if img.format == "JPEG":
            scale = width / img.width
            img.draft("RGB", (max(1, int(img.width * scale)), max(1, int(img.height * scale))))
        img.load()
        picture = img.convert("RGBA" if "A" in img.getbands() or "transparency" in img.info else "RGB")
    width = min(width, picture.width, picture.height * 4 // 3)
    picture = ImageOps.fit(picture, (width, max(1, width * 3 // 4)), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    picture.save(out, "WEBP", quality=quality, method=4)
    return Thumbnail(out.getvalue(), picture.width, picture.height)
