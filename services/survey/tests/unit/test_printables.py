"""The QR sheet and the paper form render with embedded fonts and say what they must."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from survey.adapters.printables import paper_form_pdf, qr_sheet_pdf
from survey.domain.questionnaire import default_content

ORG = "UPT Balai Pelatihan Koperasi dan UKM"
PERIOD = "Semester I Th. 2024 (01-01-2024 s.d. 30-06-2024)"
URL = "https://balai.example.go.id/skm/3f1c2a9e-1111-4222-8333-944455556666"
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="pdftotext (poppler-utils) not installed")


def _text(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


def test_both_render_with_embedded_fonts_only():
    for pdf in (qr_sheet_pdf(ORG, PERIOD, URL), paper_form_pdf(ORG, PERIOD, default_content())):
        assert pdf.startswith(b"%PDF-")
        assert b"/FontFile2" in pdf and b"/BaseFont /Helvetica" not in pdf


@needs_pdftotext
def test_qr_sheet_names_the_org_and_prints_the_link():
    text = _text(qr_sheet_pdf(ORG, PERIOD, URL))
    assert ORG.upper() in text and "SURVEI KEPUASAN MASYARAKAT" in text
    assert URL in text and PERIOD in text and "Cara mengisi" in text


@needs_pdftotext
def test_paper_form_has_identity_every_unsur_and_both_scales():
    content = default_content()
    text = _text(paper_form_pdf(ORG, PERIOD, content))
    assert "IDENTITAS RESPONDEN" in text and "Pendidikan Terakhir" in text
    assert "Kinerja/Kenyataannya" in text and "Tingkat Kepentingan" in text
    for q in content.performance:
        assert q.answers[3] in text
    assert "4 Sangat Penting" in text and "Masukan / Saran" in text


def test_markup_in_admin_texts_is_printed_not_parsed():
    content = default_content()
    q = content.performance[0]
    edited = type(content)((type(q)(1, "Apakah <b> & syarat jelas?", "a < b", q.answers),
                            *content.performance[1:]), content.importance)
    assert paper_form_pdf("Balai <Uji> & Co", PERIOD, edited).startswith(b"%PDF-")
    assert qr_sheet_pdf("Balai <Uji> & Co", PERIOD, URL + "?a=1&b=<2>").startswith(b"%PDF-")
