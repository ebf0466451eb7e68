"""The rendered certificate: its text, QR code, embedded fonts, layout of long names, syllabus page."""
from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
from PIL import Image
from reportlab.pdfbase import pdfmetrics

from certificate.adapters.pdf_parts import SANS, SANS_BOLD, SERIF, SERIF_BOLD, SERIF_ITALIC, register_fonts
from certificate.adapters.pdf_render import PAGE_HEIGHT, PAGE_WIDTH, render_certificate
from certificate.domain.document import SyllabusItem
from services.certificate.tests.unit.documents_fixtures import (
    CONTENT,
    LONG_NAME,
    LONG_TITLE,
    TEMPLATE,
    need,
    page_count,
    pdf_text,
    qr_payloads,
    run,
    with_file,
    words,
)

INNER_BORDER = 28.0  # the gold rule; nothing may be drawn outside it


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render_certificate(CONTENT, TEMPLATE)


def test_text_names_holder_training_and_facts(pdf: bytes) -> None:
    text = " ".join(pdf_text(pdf).split())
    for expected in ("SERTIFIKAT", "Nomor: 007/BALATKOP-UKM/VI/2024", "diberikan kepada", "Siti Rahayu",
                     "Pengelolaan Keuangan Koperasi Angkatan 2", "Pelatihan Reguler · Tingkat Dasar",
                     "24 s.d. 28 Juni 2024", "32 JP", "nilai 88 (predikat Memuaskan)", "Semarang, 28 Juni 2024",
                     "Kepala Balai Pelatihan Koperasi dan UKM", "Dr. Bambang Sutrisno, S.E., M.M.",
                     "NIP. 19700512 199503 1 002", "BALAI PELATIHAN KOPERASI DAN UKM JAWA TENGAH",
                     "https://balai.example/verifikasi/7K3M9QXA"):
        assert expected in text, expected
    assert "CONTOH" not in text
    assert page_count(pdf) == 1  # the template has no syllabus page


def test_qr_code_decodes_to_the_verification_url(pdf: bytes) -> None:
    assert qr_payloads(pdf) == [CONTENT.verification_url]


def test_every_font_is_embedded() -> None:
    pdf = render_certificate(CONTENT, replace(TEMPLATE, syllabus_page=True), sample=True)
    out = run(need("pdffonts", "poppler-utils"), str(with_file(pdf))).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:
        assert "DejaVu" in row and " yes yes yes " in row, row


def test_fonts_cover_names_with_diacritics() -> None:
    register_fonts()
    names = "Ni Made Ayu Ṣāliḥah Çağrı Öztürk Đặng Thị Ngọc Hà Łukasz Żółć Nguyễn François Müller Ōtsuka"
    for font in (SERIF, SERIF_BOLD, SERIF_ITALIC, SANS, SANS_BOLD):
        cmap = pdfmetrics.getFont(font).face.charToGlyph
        missing = {ch for ch in names if ch != " " and ord(ch) not in cmap}
        assert not missing, (font, missing)


def test_diacritics_survive_into_the_text() -> None:
    for name in ("Ni Made Ayu Ṣāliḥah", "Çağrı Öztürk"):
        pdf = render_certificate(replace(CONTENT, holder_name=name), TEMPLATE)
        assert name in pdf_text(pdf)


def _assert_inside(pdf: bytes) -> None:
    width, height, found = words(pdf)
    assert (round(width), round(height)) == (round(PAGE_WIDTH), round(PAGE_HEIGHT))
    for w in found:
        assert w.x1 >= INNER_BORDER and w.x2 <= width - INNER_BORDER, w
        assert w.y1 >= INNER_BORDER and w.y2 <= height - INNER_BORDER, w


def test_long_name_and_title_shrink_and_wrap_inside_the_page() -> None:
    pdf = render_certificate(replace(CONTENT, holder_name=LONG_NAME, training_title=LONG_TITLE), TEMPLATE)
    assert page_count(pdf) == 1
    _assert_inside(pdf)
    _, height, found = words(pdf)
    flat = " ".join(w.text for w in found)
    assert "Ṣāliḥah" in flat and "Hadiningrat" in flat and "Utara" in flat
    # The name and the title (their last words) stay above the signature block and the QR code.
    middle_bottom = height - 196
    for w in found:
        if w.text in {"Mangkunegoro", "Sastrodiningrat", "Pesisir", "Utara", "Transformasi"}:
            assert w.y2 < middle_bottom, w


def test_long_signatory_position_and_org_stay_inside() -> None:
    signatory = replace(TEMPLATE.signatory, position="Kepala Balai Pelatihan Koperasi, Usaha Kecil dan Menengah "
                        "Dinas Koperasi dan UKM Provinsi Jawa Tengah selaku Pejabat Pembuat Komitmen")
    template = replace(TEMPLATE, signatory=signatory, org_name="Balai Pelatihan Koperasi dan Usaha Kecil Menengah "
                       "Provinsi Jawa Tengah Wilayah Karesidenan Semarang dan Sekitarnya")
    _assert_inside(render_certificate(CONTENT, template))


def test_syllabus_page_lists_modules_and_total() -> None:
    pdf = render_certificate(CONTENT, replace(TEMPLATE, syllabus_page=True))
    assert page_count(pdf) == 2
    text = " ".join(pdf_text(pdf, page=2).split())
    assert "MATERI PELATIHAN" in text and "Lampiran Sertifikat Nomor: 007/BALATKOP-UKM/VI/2024" in text
    for item in CONTENT.syllabus:
        assert item.title in text
    assert "Jumlah 32" in text


def test_long_syllabus_continues_on_more_pages() -> None:
    syllabus = tuple(SyllabusItem(f"Modul {i}: Praktik Pembukuan Koperasi Simpan Pinjam", 2) for i in range(1, 46))
    pdf = render_certificate(replace(CONTENT, syllabus=syllabus), replace(TEMPLATE, syllabus_page=True))
    assert page_count(pdf) >= 3
    _assert_inside(pdf)
    text = " ".join(pdf_text(pdf).split())
    assert "Modul 45:" in text and "Jumlah 90" in text and "(lanjutan)" in text


def test_no_syllabus_page_without_modules() -> None:
    pdf = render_certificate(replace(CONTENT, syllabus=()), replace(TEMPLATE, syllabus_page=True))
    assert page_count(pdf) == 1


def test_sample_carries_the_watermark() -> None:
    pdf = render_certificate(CONTENT, TEMPLATE, sample=True)
    assert "CONTOH" in pdf_text(pdf, raw=True)
    assert "CONTOH" not in pdf_text(render_certificate(CONTENT, TEMPLATE), raw=True)


def test_logo_is_drawn_and_score_is_optional() -> None:
    buf = io.BytesIO()
    Image.new("RGBA", (120, 80), (20, 90, 160, 255)).save(buf, "PNG")
    content = replace(CONTENT, score=None, predicate=None, kind="", level="")
    pdf = render_certificate(content, replace(TEMPLATE, logo_png=buf.getvalue()))
    images = run(need("pdfimages", "poppler-utils"), "-list", str(with_file(pdf))).stdout.splitlines()[2:]
    assert len(images) >= 1
    text = pdf_text(pdf)
    assert "nilai" not in text and "predikat" not in text and "Tingkat" not in text


def test_renders_in_parallel_worker_threads() -> None:
    """The service renders with asyncio.to_thread: concurrent renders must not mix their fonts or text."""
    names = [f"Peserta {i} Çağrı Öztürk" for i in range(8)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        pdfs = list(pool.map(lambda n: render_certificate(replace(CONTENT, holder_name=n), TEMPLATE), names))
    for name, pdf in zip(names, pdfs, strict=True):
        assert name in pdf_text(pdf)
