"""The SKM report renders (also with no answers) and says what the recap says."""
from __future__ import annotations

import dataclasses
import shutil
import subprocess

import pytest

from services.survey.tests.unit.report_samples import sample_report
from survey.adapters.report_pdf import render_report
from survey.domain.ikm import Totals, fmt2_id, recap

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="pdftotext (poppler-utils) not installed")


def _text(pdf: bytes) -> str:
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True,
                          check=True)
    return " ".join(done.stdout.decode().split())  # one space between words, lines joined


def test_renders_a_pdf_with_embedded_fonts():
    pdf = render_report(sample_report())
    assert pdf.startswith(b"%PDF-")
    assert b"/FontFile2" in pdf  # TrueType program embedded
    assert b"/BaseFont /Helvetica" not in pdf  # no unembedded standard font


@needs_pdftotext
def test_text_has_the_org_the_period_the_ikm_and_the_grade():
    data = sample_report()
    text = _text(render_report(data))
    assert "LAPORAN SURVEI KEPUASAN" in text
    assert "UPT Balai Pelatihan Koperasi dan UKM" in text
    assert "Semester I Th. 2024 (01-01-2024 s.d. 30-06-2024)" in text
    ikm = fmt2_id(data.recap.converted)
    assert ikm == "81,28"  # 25 × 9129 / (9 × 312)
    assert ikm in text
    assert "Baik" in text
    assert "Rencana Tindak Lanjut" in text
    assert "Undang-Undang Nomor 25 Tahun 2009" in text
    assert "197503122000032004" in text  # NIP in the signature block
    assert "Halaman 2" in text


@needs_pdftotext
def test_every_suggestion_is_printed_escaped():
    text = _text(render_report(sample_report(suggestions=60)))
    assert "Saran nomor 60: wifi asrama <diperkuat> & jadwal" in text


@needs_pdftotext
def test_renders_with_no_answers():
    data = dataclasses.replace(sample_report(), recap=recap(Totals.empty()), demographics={},
                               channels={}, suggestions=[], trend=[], follow_up=[])
    pdf = render_report(data)
    assert pdf.startswith(b"%PDF-")
    text = _text(pdf)
    assert "belum dapat" in text
    assert "sampel belum cukup" in text


@needs_pdftotext
def test_unknown_population_gives_no_false_sample_verdict():
    text = _text(render_report(dataclasses.replace(sample_report(), population=0)))
    assert "belum diisi" in text and "sampel cukup" not in text
