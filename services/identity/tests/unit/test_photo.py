import io
import random

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from identity.domain.photo import (
    MAX_PHOTO_BYTES,
    MSG_CORRUPT,
    MSG_REQUIRED,
    MSG_TOO_BIG_DIMENSIONS,
    MSG_TOO_LARGE,
    MSG_TOO_SMALL,
    MSG_WRONG_TYPE,
    CheckedPhoto,
    PhotoError,
    check_photo,
)


def noisy(width=120, height=90, mode="RGB"):
    rnd = random.Random(width * 10007 + height)
    bands = len(mode)
    return Image.frombytes(mode, (width, height), rnd.randbytes(width * height * bands))


def encode(img, fmt, **params):
    buf = io.BytesIO()
    img.save(buf, fmt, **params)
    return buf.getvalue()


def png_of_size(total):
    """A valid PNG of exactly `total` bytes, padded with a tEXt chunk."""
    img = Image.new("RGB", (60, 60), (10, 120, 200))

    def build(n):
        info = PngInfo()
        info.add_text("Comment", "a" * n)
        return encode(img, "PNG", pnginfo=info)

    base = len(build(0))
    data = build(total - base)
    assert len(data) == total
    return data


def refused(data):
    with pytest.raises(PhotoError) as exc:
        check_photo(data)
    return exc.value.message


def _shape(photo: CheckedPhoto) -> tuple[str, int, int]:
    return (photo.content_type, photo.width, photo.height)


def test_png_is_accepted():
    assert _shape(check_photo(encode(noisy(120, 90), "PNG"))) == ("image/png", 120, 90)


def test_jpeg_is_accepted():
    assert _shape(check_photo(encode(noisy(300, 400), "JPEG", quality=85))) == ("image/jpeg", 300, 400)


def test_rgba_png_and_grayscale_jpeg_are_accepted():
    assert check_photo(encode(noisy(64, 64, "RGBA"), "PNG")).content_type == "image/png"
    assert check_photo(encode(noisy(64, 64, "L"), "JPEG")).content_type == "image/jpeg"


def test_phone_camera_mpo_counts_as_jpeg():
    img = noisy(100, 100)
    data = encode(img, "MPO", save_all=True, append_images=[noisy(100, 100)])
    assert _shape(check_photo(data)) == ("image/jpeg", 100, 100)


def test_bytearray_and_memoryview_are_accepted():
    data = encode(noisy(), "PNG")
    assert check_photo(bytearray(data)).content_type == "image/png"
    assert check_photo(memoryview(data)).content_type == "image/png"


@pytest.mark.parametrize("data", [b"", None])
def test_empty_upload_is_required(data):
    assert refused(data) == MSG_REQUIRED == "Foto Profil wajib diunggah"


def test_exactly_3_mb_is_accepted_and_one_byte_more_is_refused():
    assert MAX_PHOTO_BYTES == 3 * 1024 * 1024
    assert check_photo(png_of_size(MAX_PHOTO_BYTES)).content_type == "image/png"
    assert refused(png_of_size(MAX_PHOTO_BYTES + 1)) == MSG_TOO_LARGE == "Ukuran foto maksimal 3 MB"


def test_size_is_checked_before_content():
    assert refused(b"x" * (MAX_PHOTO_BYTES + 1)) == MSG_TOO_LARGE


def test_gif_is_refused():
    assert refused(encode(noisy(), "GIF")) == MSG_WRONG_TYPE == "File foto harus berupa gambar JPG atau PNG"


@pytest.mark.parametrize("fmt", ["BMP", "WEBP", "TIFF"])
def test_other_image_formats_are_refused(fmt):
    assert refused(encode(noisy(), fmt)) == MSG_WRONG_TYPE


def test_text_file_renamed_to_jpg_is_refused():
    # Only the bytes count: "foto.jpg" holding text is still text.
    assert refused(b"Ini bukan foto, hanya teks biasa.\n") == MSG_WRONG_TYPE


def test_jpeg_magic_followed_by_garbage_is_refused():
    assert refused(b"\xff\xd8\xff" + b"\x00garbage" * 100) in {MSG_WRONG_TYPE, MSG_CORRUPT}


def test_truncated_jpeg_is_refused():
    data = encode(noisy(400, 300), "JPEG", quality=90)
    assert refused(data[: len(data) // 2]) == MSG_CORRUPT


def test_truncated_png_is_refused():
    data = encode(noisy(200, 200), "PNG")
    assert refused(data[: len(data) // 2]) == MSG_CORRUPT
    assert refused(data[:-12]) == MSG_CORRUPT  # IEND chunk missing


def test_png_with_bad_crc_is_refused():
    data = bytearray(encode(noisy(100, 100), "PNG"))
    data[len(data) // 2] ^= 0xFF
    assert refused(bytes(data)) == MSG_CORRUPT


def test_minimum_dimensions():
    assert check_photo(encode(noisy(50, 50), "PNG")).width == 50
    assert refused(encode(noisy(49, 100), "PNG")) == MSG_TOO_SMALL
    assert refused(encode(noisy(100, 49), "JPEG")) == MSG_TOO_SMALL


def test_maximum_dimensions():
    assert _shape(check_photo(encode(Image.new("L", (8000, 50)), "PNG"))) == ("image/png", 8000, 50)
    assert refused(encode(Image.new("L", (8001, 50)), "PNG")) == MSG_TOO_BIG_DIMENSIONS
    assert refused(encode(Image.new("L", (50, 8001)), "JPEG")) == MSG_TOO_BIG_DIMENSIONS


def test_decompression_bomb_is_refused():
    bomb = encode(Image.new("1", (20000, 20000)), "PNG")  # ~50 KB on disk, 400 megapixels decoded
    assert len(bomb) < MAX_PHOTO_BYTES
    assert refused(bomb) == MSG_TOO_BIG_DIMENSIONS


def test_wrong_python_type_is_refused_not_raised():
    assert refused("foto.jpg") == MSG_WRONG_TYPE
    assert refused(12345) == MSG_WRONG_TYPE


def test_photo_error_is_a_value_error_with_message():
    err = PhotoError("pesan")
    assert isinstance(err, ValueError)
    assert err.message == "pesan" == str(err)
