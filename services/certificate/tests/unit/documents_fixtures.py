"""Sample certificate data and poppler/zbar helpers for the document unit tests (test_documents_*.py).

The binaries come from Debian's poppler-utils and zbar-tools (`make setup-test` installs them);
a test that needs a missing one is skipped with that reason rather than passing silently."""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from certificate.domain.document import CertificateContent, Signatory, SyllabusItem, TemplateContent

SYLLABUS = (
    SyllabusItem("Kebijakan Pemberdayaan Koperasi dan UKM", 2),
    SyllabusItem("Dasar-dasar Akuntansi Koperasi", 8),
    SyllabusItem("Penyusunan Laporan Keuangan sesuai SAK EP", 10),
    SyllabusItem("Analisis Kesehatan Koperasi", 6),
    SyllabusItem("Praktik Aplikasi Pembukuan", 6),
)
SIGNATORY = Signatory("Kepala Balai Pelatihan Koperasi dan UKM Provinsi Jawa Tengah",
                      "Dr. Bambang Sutrisno, S.E., M.M.", "19700512 199503 1 002")
TEMPLATE = TemplateContent(
    org_name="Balai Pelatihan Koperasi dan UKM Jawa Tengah",
    org_parent="Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Jawa Tengah",
    logo_png=None, place="Semarang", signatory=SIGNATORY, syllabus_page=False,
)
CONTENT = CertificateContent(
    number="007/BALATKOP-UKM/VI/2024", holder_name="Siti Rahayu", training_title="Pengelolaan Keuangan Koperasi",
    batch=2, kind="Reguler", level="Dasar", start_date=date(2024, 6, 24), end_date=date(2024, 6, 28), hours=32,
    score=88, predicate="Memuaskan", issued_on=date(2024, 6, 28),
    verification_url="https://balai.example/verifikasi/7K3M9QXA", syllabus=SYLLABUS,
)
LONG_NAME = ("Ni Made Ayu Ṣāliḥah Çağrı Öztürk Prawirodirdjo Kusumawardhani Wicaksono Hadiningrat "
             "Sastrodiningrat Mangkunegoro")
LONG_TITLE = ("Peningkatan Kapasitas Pengelola Koperasi Simpan Pinjam dan Pembiayaan Syariah dalam Rangka "
              "Transformasi Digital Usaha Mikro, Kecil dan Menengah di Wilayah Pesisir Utara Jawa Tengah")


def need(binary: str, package: str) -> str:
    path = shutil.which(binary)
    if path is None:
        pytest.skip(f"{binary} is missing: install Debian's {package} (make setup-test does)")
    return path


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=check, timeout=60)


def with_file(pdf: bytes) -> Path:
    tmp = Path(tempfile.mkdtemp(prefix="balai-cert-"))
    path = tmp / "doc.pdf"
    path.write_bytes(pdf)
    return path


def pdf_text(pdf: bytes, *, page: int | None = None, raw: bool = False) -> str:
    args = [need("pdftotext", "poppler-utils"), "-raw" if raw else "-layout"]
    if page:
        args += ["-f", str(page), "-l", str(page)]
    return run(*args, str(with_file(pdf)), "-").stdout


def page_count(pdf: bytes) -> int:
    out = run(need("pdfinfo", "poppler-utils"), str(with_file(pdf))).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


@dataclass(frozen=True)
class Word:
    text: str
    page: int
    x1: float
    y1: float  # from the top of the page, as pdftotext -bbox gives it
    x2: float
    y2: float


def words(pdf: bytes) -> tuple[float, float, list[Word]]:
    """Every word with its box (points; y grows downwards) and the page size."""
    out = run(need("pdftotext", "poppler-utils"), "-bbox", str(with_file(pdf)), "-").stdout
    width, height = (float(v) for v in re.search(r'<page width="([\d.]+)" height="([\d.]+)"', out).groups())
    found, page = [], 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            x1, y1, x2, y2 = (float(v) for v in m.groups()[:4])
            found.append(Word(html.unescape(m.group(5)), page, x1, y1, x2, y2))
    return width, height, found


def qr_payloads(pdf: bytes) -> list[str]:
    path = with_file(pdf)
    run(need("pdftoppm", "poppler-utils"), "-png", "-r", "150", "-f", "1", "-l", "1", str(path),
        str(path.with_suffix("")))
    png = next(path.parent.glob("doc*.png"))
    out = run(need("zbarimg", "zbar-tools"), "--raw", "-q", str(png), check=False).stdout
    return [line for line in out.splitlines() if line]


def pdfsig(pdf: bytes) -> str:
    proc = run(need("pdfsig", "poppler-utils"), str(with_file(pdf)), check=False)
    return proc.stdout + proc.stderr
