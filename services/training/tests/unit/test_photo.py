"""Upload checks by content and the blue background of the confirmation photo."""
from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw

from training.domain.photo import (
    MSG_CORRUPT,
    MSG_NOT_BLUE,
    MSG_REQUIRED,
    MSG_TOO_LARGE,
    MSG_WRONG_TYPE,
    PhotoError,
    check_blue_background,
    check_image,
)


def encode(img: Image.Image, fmt: str = "PNG", **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def portrait(bg, size=(300, 400), fmt="PNG") -> bytes:
    img = Image.new("RGB", size, bg)
    d = ImageDraw.Draw(img)
    w, h = size
    d.ellipse((w * 0.3, h * 0.15, w * 0.7, h * 0.55), fill=(230, 190, 160))  # face
    d.rectangle((w * 0.1, h * 0.6, w * 0.9, h), fill=(20, 20, 20))  # shoulders reach the bottom edge
    return encode(img, fmt, quality=90) if fmt == "JPEG" else encode(img, fmt)


@pytest.mark.parametrize("bg", [(30, 90, 200), (0, 112, 192), (135, 206, 235), (20, 40, 140), (60, 120, 255)])
@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_blue_backgrounds_pass(bg, fmt):
    checked = check_blue_background(portrait(bg, fmt=fmt))
    assert checked.content_type == ("image/png" if fmt == "PNG" else "image/jpeg")


@pytest.mark.parametrize("bg", [(255, 255, 255), (200, 30, 30), (128, 128, 128), (10, 10, 10), (40, 160, 60),
                                (0, 255, 255), (150, 60, 200), (235, 240, 250)])
def test_other_backgrounds_fail(bg):
    with pytest.raises(PhotoError) as exc:
        check_blue_background(portrait(bg))
    assert exc.value.message == MSG_NOT_BLUE == "Latar belakang foto harus berwarna biru"


def test_half_blue_border_fails():
    img = Image.new("RGB", (300, 400), (255, 255, 255))
    ImageDraw.Draw(img).rectangle((0, 0, 150, 400), fill=(30, 90, 200))
    with pytest.raises(PhotoError):
        check_blue_background(encode(img))


def test_a_large_photo_is_sampled_quickly():
    check_blue_background(portrait((30, 90, 200), size=(3000, 4000), fmt="JPEG"))


@pytest.mark.parametrize("data,message", [
    (b"", MSG_REQUIRED), (None, MSG_REQUIRED),
    (b"%PDF-1.4 hello", MSG_WRONG_TYPE), (b"GIF89a" + b"0" * 100, MSG_WRONG_TYPE),
    (b"\xff\xd8\xff" + b"0" * (3 * 1024 * 1024), MSG_TOO_LARGE),
])
def test_non_images_refused(data, message):
    with pytest.raises(PhotoError) as exc:
        check_image(data)
    assert exc.value.message == message


def test_truncated_and_renamed_files_refused():
    good = portrait((30, 90, 200), fmt="JPEG")
    with pytest.raises(PhotoError) as exc:
        check_image(good[: len(good) // 2])
    assert exc.value.message == MSG_CORRUPT
    gif = encode(Image.new("RGB", (100, 100), (30, 90, 200)), "GIF")
    with pytest.raises(PhotoError) as exc:
        check_blue_background(gif)  # a GIF named .jpg is still a GIF
    assert exc.value.message == MSG_WRONG_TYPE


def test_tiny_images_refused():
    with pytest.raises(PhotoError):
        check_image(encode(Image.new("RGB", (10, 10), (30, 90, 200))))
