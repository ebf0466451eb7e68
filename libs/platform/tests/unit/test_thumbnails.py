"""WebP thumbnails of stored pictures: small, 4:3, never enlarged, no metadata."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from balai_platform.images import check_image
from balai_platform.thumbnails import THUMB_WIDTHS, webp_thumbnail
from tests.factories import phone_photo, png_photo


@pytest.fixture(scope="module")
def stored_phone_photo() -> bytes:
    upload = phone_photo()
    assert 2_000_000 < len(upload) <= 3 * 1024 * 1024
    return check_image(upload).data


@pytest.mark.parametrize("width", THUMB_WIDTHS)
def test_a_phone_photo_becomes_a_small_webp(stored_phone_photo, width):
    thumb = webp_thumbnail(stored_phone_photo, width)
    with Image.open(io.BytesIO(thumb.data)) as img:
        assert img.format == "WEBP" and img.size == (width, width * 3 // 4) == (thumb.width, thumb.height)
        assert not img.info.get("exif") and not img.info.get("icc_profile")
    assert len(thumb.data) < (9_000 if width == 320 else 20_000)


def test_portrait_is_cropped_to_4_3_and_small_pictures_are_not_enlarged():
    portrait = webp_thumbnail(check_image(png_photo(size=(600, 800))).data, 320)
    assert (portrait.width, portrait.height) == (320, 240)
    tiny = webp_thumbnail(check_image(png_photo(size=(120, 160))).data, 640)
    assert (tiny.width, tiny.height) == (120, 90)


def test_transparency_survives_and_the_same_input_gives_the_same_bytes():
    out = io.BytesIO()
    Image.new("RGBA", (400, 300), (10, 200, 30, 128)).save(out, "PNG")
    stored = check_image(out.getvalue()).data
    first, again = webp_thumbnail(stored, 320), webp_thumbnail(stored, 320)
    assert first.data == again.data and first.etag == again.etag
    with Image.open(io.BytesIO(first.data)) as img:
        assert img.mode == "RGBA"
