"""Product photos are judged by content: JPEG/PNG, ≤ 3 MB, sane dimensions, not truncated."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from ukm.domain.photo import (
    MSG_CORRUPT,
    MSG_REQUIRED,
    MSG_TOO_BIG_DIMENSIONS,
    MSG_TOO_LARGE,
    MSG_TOO_SMALL,
    MSG_WRONG_TYPE,
    PhotoError,
    check_photo,
    check_photos,
)


def image(fmt: str, size=(120, 90), color=(200, 50, 50)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, fmt)
    return buf.getvalue()


def test_accepts_png_and_jpeg():
    assert check_photo(image("PNG")).content_type == "image/png"
    checked = check_photo(image("JPEG"))
    assert checked.content_type == "image/jpeg" and (checked.width, checked.height) == (120, 90)
    assert len(checked.etag) == 32


@pytest.mark.parametrize("data, message", [
    (None, MSG_REQUIRED), (b"", MSG_REQUIRED), ("not bytes", MSG_WRONG_TYPE),
    (b"GIF89a" + b"0" * 100, MSG_WRONG_TYPE), (b"%PDF-1.7 ...", MSG_WRONG_TYPE),
    (b"\xff\xd8\xff" + b"0" * (3 * 1024 * 1024), MSG_TOO_LARGE),
])
def test_refuses_by_content(data, message):
    with pytest.raises(PhotoError) as exc:
        check_photo(data)
    assert exc.value.message == message


def test_refuses_gif_renamed_png_and_webp():
    buf = io.BytesIO()
    Image.new("RGB", (100, 100)).save(buf, "GIF")
    with pytest.raises(PhotoError, match="JPG atau PNG"):
        check_photo(buf.getvalue())
    buf = io.BytesIO()
    Image.new("RGB", (100, 100)).save(buf, "WEBP")
    with pytest.raises(PhotoError, match="JPG atau PNG"):
        check_photo(buf.getvalue())


def test_refuses_truncated_and_tiny_and_huge():
    with pytest.raises(PhotoError) as exc:
        check_photo(image("JPEG", (400, 400))[:-400])
    assert exc.value.message == MSG_CORRUPT
    with pytest.raises(PhotoError) as exc:
        check_photo(image("PNG")[:-20])
    assert exc.value.message == MSG_CORRUPT
    with pytest.raises(PhotoError) as exc:
        check_photo(image("PNG", (20, 20)))
    assert exc.value.message == MSG_TOO_SMALL
    with pytest.raises(PhotoError) as exc:
        check_photo(image("PNG", (9000, 60)))
    assert exc.value.message == MSG_TOO_BIG_DIMENSIONS


def test_check_photos_by_slot():
    checked, errors = check_photos({1: image("PNG"), 2: b"junk", 3: None}, first_required=True)
    assert list(checked) == [1] and errors == {"photo_2": MSG_WRONG_TYPE}
    _, errors = check_photos({}, first_required=True)
    assert errors == {"photo_1": "Foto Produk wajib diunggah"}
    assert check_photos({}, first_required=False) == ({}, {})
