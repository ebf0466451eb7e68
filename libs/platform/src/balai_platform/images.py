"""Uploaded pictures judged by content, never by file name or declared content type.

Every service that stores photos (profile, product, confirmation, image materials) checks them
here: a JPEG or PNG of at most 3 MB and 50×50 to 8000×8000 pixels that decodes fully. The check
returns the picture re-encoded (EXIF orientation applied, all metadata and any trailing payload
dropped, at most MAX_OUTPUT_SIDE pixels a side): services store and serve only those bytes.
Messages are Bahasa Indonesia; a service may word them for its own form through `messages`.
"""
from __future__ import annotations

import hashlib
import io
import warnings
from collections.abc import Mapping
from dataclasses import dataclass

from PIL import ExifTags, Image, ImageOps

MAX_IMAGE_BYTES = 3 * 1024 * 1024
MIN_SIDE = 50
MAX_SIDE = 8000
# PNG and progressive JPEG are decoded at full size (a 63 KB palette PNG may declare
# 8000×8000, i.e. 64 MP and ~200 MB as RGB), so their pixel count is capped; baseline JPEG is
# decoded already reduced by libjpeg (`draft`), whatever its size.
MAX_FULL_DECODE_PIXELS = 12_000_000
MAX_DECODE_BYTES = 40 * 1024 * 1024  # an RGB PNG up to 10 MP, RGBA 5 MP, palette/grey 12 MP
MAX_OUTPUT_SIDE = 2048  # plenty for a profile, product or confirmation photo on any screen
JPEG_QUALITY = 85

MESSAGES = {
    "required": "Foto wajib diunggah",
    "too_large": "Ukuran foto maksimal 3 MB",
    "wrong_type": "File foto harus berupa gambar JPG atau PNG",
    "corrupt": "File foto rusak atau tidak lengkap, unggah ulang foto Anda",
    "too_small": f"Foto terlalu kecil, minimal {MIN_SIDE}×{MIN_SIDE} piksel",
    "too_big": f"Foto terlalu besar, maksimal {MAX_SIDE}×{MAX_SIDE} piksel",
    "too_many_pixels": ("Resolusi foto terlalu besar untuk diproses (PNG maksimal sekitar 10 megapiksel, "
                        "5 megapiksel bila transparan); perkecil foto atau simpan sebagai JPG biasa"),
}

_JPEG_MAGIC = b"\xff\xd8\xff"
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# MPO is what many phone cameras write: a JPEG with extra pictures appended; Pillow names it "MPO".
CONTENT_TYPES = {"JPEG": "image/jpeg", "MPO": "image/jpeg", "PNG": "image/png"}
_PNG_MODES = {"1", "L", "LA", "P", "RGB", "RGBA"}


class ImageError(ValueError):
    """The upload is not an acceptable picture; ``message`` is shown to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CheckedImage:
    data: bytes  # the re-encoded picture: the only bytes to store and serve
    content_type: str  # 'image/jpeg' | 'image/png'
    width: int  # of the upload as judged (the stored picture may be smaller)
    height: int

    @property
    def etag(self) -> str:
        return hashlib.sha256(self.data).hexdigest()[:32]


def check_image(data: bytes | None, messages: Mapping[str, str] | None = None,
                error: type[ImageError] = ImageError) -> CheckedImage:
    """Accept a JPEG or PNG of at most 3 MB and 50×50 to 8000×8000 pixels that decodes fully; re-encode it."""
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
                _judge_header(img, msg, error)
                if fmt == "PNG":
                    img.verify()  # chunk CRCs up to IEND, without decoding pixels
            with Image.open(io.BytesIO(data), formats=[fmt if fmt != "MPO" else "JPEG"]) as img:
                encoded = reencode(img)
        except ImageError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise error(msg["too_big"]) from None
        except Image.UnidentifiedImageError:
            raise error(msg["wrong_type"]) from None
        except Exception:
            raise error(msg["corrupt"]) from None
    return CheckedImage(data=encoded, content_type=CONTENT_TYPES[fmt], width=width, height=height)


def _judge_header(img: Image.Image, msg: Mapping[str, str], error: type[ImageError]) -> None:
    """Format and size limits from the header alone, before any pixel is decoded."""
    width, height = img.size
    if img.format not in CONTENT_TYPES:
        raise error(msg["wrong_type"])
    if width > MAX_SIDE or height > MAX_SIDE:
        raise error(msg["too_big"])
    if width < MIN_SIDE or height < MIN_SIDE:
        raise error(msg["too_small"])
    decoded_in_full = img.format == "PNG" or img.info.get("progressive") or img.info.get("progression")
    if decoded_in_full and (width * height > MAX_FULL_DECODE_PIXELS or _decode_bytes(img) > MAX_DECODE_BYTES):
        raise error(msg["too_many_pixels"])


def _decode_bytes(img: Image.Image) -> int:
    """Memory to decode the picture in full. Pillow keeps 1 byte a pixel for 1/L/P, else 4 (RGB
    too), and shrinking a picture with alpha premultiplies it into a second full-size copy; a
    progressive JPEG holds every DCT coefficient (2 bytes each, fewer for subsampled chroma)."""
    pixels = img.width * img.height
    if img.format != "PNG":
        layers = getattr(img, "layer", None) or [("", 1, 1, 0)] * 3
        h_max, v_max = max(h for _, h, _, _ in layers), max(v for _, _, v, _ in layers)
        return int(pixels * 2 * sum(h * v / (h_max * v_max) for _, h, v, _ in layers))
    per_pixel = 1 if img.mode in ("1", "L", "P") else 4
    copies = 2 if img.mode in ("LA", "RGBA", "PA") else 1
    return pixels * per_pixel * copies


def reencode(img: Image.Image) -> bytes:
    """Decode (reduced while decoding where the format allows), orient, shrink, strip, encode."""
    fmt, original_size = img.format, img.size
    is_jpeg = fmt in ("JPEG", "MPO")
    if is_jpeg:
        # libjpeg decodes at 1/2, 1/4 or 1/8 scale: the full picture is never in memory
        half = MAX_OUTPUT_SIDE // 2
        img.draft(None, (min(half, img.width), min(half, img.height)))
    img.load()  # reads every scan / chunk: a truncated file fails here
    turned = img.getexif().get(ExifTags.Base.Orientation, 1) not in (0, 1)
    transparency = img.info.get("transparency") if not is_jpeg else None
    picture = _shrink(ImageOps.exif_transpose(img) if turned else img)
    # an untouched JPEG keeps its own quantisation: no second generation of artefacts
    keep = fmt == "JPEG" and picture is img and img.size == original_size and img.mode in ("L", "RGB")
    # nothing of the upload's metadata survives: EXIF (GPS), XMP, ICC, comments, text chunks
    picture.info = {"transparency": transparency} if transparency is not None else {}
    out = io.BytesIO()
    if is_jpeg:
        picture = picture if picture.mode in ("L", "RGB") else picture.convert("RGB")
        picture.save(out, "JPEG", **({"quality": "keep", "subsampling": "keep"} if keep
                                     else {"quality": JPEG_QUALITY}))
    else:
        if picture.mode not in _PNG_MODES:
            picture = picture.convert("RGBA" if "A" in picture.getbands() else "RGB")
        picture.save(out, "PNG")
    return out.getvalue()


def _shrink(img: Image.Image) -> Image.Image:
    """At most MAX_OUTPUT_SIDE a side. An integer box reduction first: one pass, no full-size
    intermediate (a plain resize would hold a second, half-shrunk copy)."""
    longest = max(img.size)
    if longest <= MAX_OUTPUT_SIDE:
        return img
    factor = -(-longest // MAX_OUTPUT_SIDE)
    if img.mode in ("1", "P"):  # palette pictures cannot be averaged; they are 1 byte a pixel anyway
        picture = img.copy()
        picture.thumbnail((MAX_OUTPUT_SIDE, MAX_OUTPUT_SIDE))
        return picture
    return img.reduce(factor)
