"""The platform image check re-encodes: bounded decoding, orientation applied, no metadata, no payload."""
from __future__ import annotations

import io
import random
import resource
import zlib

import pytest
from PIL import ExifTags, Image
from PIL.PngImagePlugin import PngInfo

from balai_platform.images import (
    MAX_OUTPUT_SIDE,
    MESSAGES,
    ImageError,
    check_image,
)


def noisy(width: int, height: int, mode: str = "RGB") -> Image.Image:
    rnd = random.Random(width * 7919 + height)
    return Image.frombytes(mode, (width, height), rnd.randbytes(width * height * len(mode)))


def encode(img: Image.Image, fmt: str, **params) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **params)
    return buf.getvalue()


def gps_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneCam"
    exif[ExifTags.Base.Orientation] = orientation
    exif.get_ifd(ExifTags.IFD.GPSInfo).update({1: "S", 2: (6.0, 10.0, 30.0), 3: "E", 4: (106.0, 49.0, 0.0)})
    return exif


def reopened(data: bytes) -> Image.Image:
    img = Image.open(io.BytesIO(data))
    img.load()
    return img


def test_jpeg_exif_gps_xmp_icc_and_comment_are_dropped():
    data = encode(noisy(200, 150), "JPEG", exif=gps_exif(), comment=b"rahasia",
                  icc_profile=b"\0" * 200, xmp=b"<x:xmpmeta>lokasi</x:xmpmeta>")
    out = reopened(check_image(data).data)
    assert not out.getexif() and "exif" not in out.info and "icc_profile" not in out.info
    assert "comment" not in out.info and "xmp" not in out.info
    assert b"PhoneCam" not in check_image(data).data and b"Exif" not in check_image(data).data


def test_png_text_exif_and_icc_chunks_are_dropped():
    info = PngInfo()
    info.add_text("Comment", "alamat rumah saya")
    data = encode(noisy(80, 80), "PNG", pnginfo=info, exif=gps_exif(), icc_profile=b"\0" * 64)
    stored = check_image(data).data
    assert b"tEXt" not in stored and b"eXIf" not in stored and b"iCCP" not in stored
    assert reopened(stored).size == (80, 80)


def test_exif_orientation_is_applied_before_the_metadata_goes():
    img = Image.new("RGB", (200, 100), (255, 0, 0))
    img.paste((0, 0, 255), (0, 0, 100, 100))  # blue on the left half
    data = encode(img, "JPEG", quality=95, exif=gps_exif(orientation=6))  # "rotate 90° clockwise"
    out = reopened(check_image(data).data).convert("RGB")
    assert out.size == (100, 200)
    r, _, b = out.getpixel((50, 20))
    assert b > 200 and r < 60  # the blue half is now on top


@pytest.mark.parametrize("payload", [b"<html><script>alert(1)</script></html>", b"PK\x03\x04" + b"\0" * 100])
@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_polyglot_payloads_are_not_kept(payload, fmt):
    stored = check_image(encode(noisy(120, 90), fmt) + payload).data
    assert payload not in stored
    assert stored.endswith(b"\xff\xd9" if fmt == "JPEG" else b"IEND\xaeB`\x82")


def test_large_pictures_are_stored_at_most_max_output_side():
    checked = check_image(encode(noisy(3000, 1200), "JPEG", quality=60))
    assert (checked.width, checked.height) == (3000, 1200)  # as uploaded
    assert max(reopened(checked.data).size) <= MAX_OUTPUT_SIDE


def test_png_palette_with_transparency_survives():
    img = Image.new("P", (60, 60), 0)
    img.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    stored = reopened(check_image(encode(img, "PNG", transparency=0)).data)
    assert stored.mode == "P" and stored.info.get("transparency") == 0


def test_cmyk_jpeg_is_stored_as_rgb():
    stored = reopened(check_image(encode(Image.new("CMYK", (64, 64), (0, 80, 80, 0)), "JPEG")).data)
    assert stored.mode == "RGB"


def _palette_png(width: int, height: int) -> bytes:
    """A palette PNG of any size built by hand in a few KB (Pillow would need the pixels first)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")
    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 3, 0, 0, 0])
    raw = zlib.compress((b"\0" + b"\0" * width) * height, 9)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"PLTE", b"\0\0\xff" * 2)
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def test_pixel_bomb_png_is_refused_before_decoding():
    bomb = _palette_png(8000, 8000)
    assert len(bomb) < 200_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(ImageError) as exc:
        check_image(bomb)
    assert exc.value.message == MESSAGES["too_many_pixels"]
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 20_000  # KiB


def test_large_baseline_jpeg_is_decoded_reduced():
    data = encode(Image.new("L", (8000, 6000), 90), "JPEG", quality=50)
    assert len(data) < 3 * 1024 * 1024
    checked = check_image(data)
    assert max(reopened(checked.data).size) <= MAX_OUTPUT_SIDE


def test_large_progressive_jpeg_is_refused():
    data = encode(Image.new("L", (5000, 5000), 128), "JPEG", progressive=True, quality=30)
    with pytest.raises(ImageError) as exc:
        check_image(data)
    assert exc.value.message == MESSAGES["too_many_pixels"]


def test_messages_are_bahasa():
    assert "megapiksel" in MESSAGES["too_many_pixels"]
