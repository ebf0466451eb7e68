"""File materials judged by content; safe names and the download header."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from training.domain.material import (
    MAX_MATERIAL_BYTES,
    MSG_REQUIRED,
    MSG_TOO_LARGE,
    MSG_WRONG_TYPE,
    MaterialError,
    check_material,
    content_disposition,
    safe_filename,
)
from training.service.module_files import etag_matches

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def image(fmt: str, size=(120, 90)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buf, fmt)
    return buf.getvalue()


@pytest.mark.parametrize("data,name,ctype,filename", [
    (PDF, "Modul 1.pdf", "application/pdf", "Modul 1.pdf"),
    (image("PNG"), "bagan.png", "image/png", "bagan.png"),
    (image("JPEG"), "foto.JPEG", "image/jpeg", "foto.JPEG"),
    (image("PNG"), "bukan-pdf.pdf", "image/png", "bukan-pdf.pdf.png"),  # the content decides the extension
    (PDF, "tanpa ekstensi", "application/pdf", "tanpa ekstensi.pdf"),
])
def test_accepted_by_content(data, name, ctype, filename):
    checked = check_material(data, name)
    assert (checked.content_type, checked.filename, checked.size) == (ctype, filename, len(data))
    assert len(checked.etag) == 64


@pytest.mark.parametrize("data,message", [
    (b"", MSG_REQUIRED),
    (None, MSG_REQUIRED),
    (b"Ini hanya teks biasa, bukan PDF", MSG_WRONG_TYPE),
    (b"GIF89a" + b"\0" * 64, MSG_WRONG_TYPE),
    (b"PK\x03\x04 a zip or docx", MSG_WRONG_TYPE),
    (b" %PDF-1.4 leading space", MSG_WRONG_TYPE),
    (b"%PDF-" + b"0" * MAX_MATERIAL_BYTES, MSG_TOO_LARGE),
])
def test_refused(data, message):
    with pytest.raises(MaterialError) as exc:
        check_material(data, "materi.pdf")
    assert exc.value.message == message


def test_messages_are_bahasa():
    assert MSG_WRONG_TYPE == "Materi harus berupa PDF, JPG atau PNG"
    assert MSG_TOO_LARGE == "Ukuran materi maksimal 3 MB"


def test_a_truncated_png_is_refused():
    with pytest.raises(MaterialError) as exc:
        check_material(image("PNG")[:-30], "rusak.png")
    assert "rusak" in exc.value.message


def test_exactly_three_megabytes_is_accepted():
    data = PDF + b"%" * (MAX_MATERIAL_BYTES - len(PDF))
    assert check_material(data, "besar.pdf").size == MAX_MATERIAL_BYTES


@pytest.mark.parametrize("name,expected", [
    ("../../etc/passwd.pdf", "passwd.pdf"),
    ("C:\\Users\\ani\\Modul.pdf", "Modul.pdf"),
    ('a"b;c\r\nd<e>.pdf', "a_b_cd_e.pdf"),
    ("", "materi.pdf"),
    ("...", "materi.pdf"),
    ("Pemasaran Digital – Modul 2.pdf", "Pemasaran Digital _ Modul 2.pdf"),
    ("Materi Ekonomi Kreatif.pdf", "Materi Ekonomi Kreatif.pdf"),
    ("Modul%201%20%C3%BC.pdf", "Modul 1 ü.pdf"),  # as aiohttp (the gateway) sends it
    ("%2E%2E%2Fetc%2Fpasswd.pdf", "passwd.pdf"),
    ("100%.pdf", "100.pdf"),
    ("x" * 300 + ".pdf", "x" * 116 + ".pdf"),
])
def test_safe_filename(name, expected):
    assert safe_filename(name, "application/pdf") == expected
    assert len(safe_filename(name, "application/pdf")) <= 120


def test_content_disposition_has_ascii_fallback_and_utf8_name():
    header = content_disposition("Modul – ü 1.pdf")
    assert header.startswith('attachment; filename="Modul _ u 1.pdf"; ')
    assert header.endswith("filename*=UTF-8''Modul%20%E2%80%93%20%C3%BC%201.pdf")
    header.encode("latin-1")  # a valid header value


def test_etag_matching():
    assert etag_matches('"abc"', "abc") and etag_matches('W/"abc", "x"', "abc") and etag_matches("*", "abc")
    assert not etag_matches(None, "abc") and not etag_matches('"abd"', "abc")
