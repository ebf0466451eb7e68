"""The period's "Laporan Survei Kepuasan Masyarakat" as a PDF (A4 portrait, reportlab platypus).

Laid out like the reports Indonesian offices file under PermenPAN-RB 14/2017: cover, Bab I
Pendahuluan (latar belakang, dasar hukum, maksud dan tujuan), Bab II Metode (ruang lingkup,
pengumpulan data, populasi dan sampel, pengolahan data), Bab III Hasil (profil responden,
rekapitulasi, IKM, grafik, analisis kepentingan–kinerja, tren), Bab IV Analisis dan Rencana
Tindak Lanjut (unsur terlemah, RTL, saran), Bab V Penutup with the signature block.
Every figure comes from ``ReportData``; this module only lays it out. Renders for n = 0 too.
"""
from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.platypus import (
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from survey.adapters.pdf_common import (
    MARGIN,
    PAGE,
    WIDTH,
    doc_fonts,
    grid,
    id_int,
    number_pages,
    para,
    rich,
    tstyle,
)
from survey.adapters.report_sections import chapter_analysis, chapter_closing, chapter_results
from survey.domain.ikm import WEIGHT
from survey.domain.questionnaire import UNSUR
from survey.domain.report import CHANNEL_LABELS, ReportData
from survey.domain.sample import min_sample, sample_adequate

TITLE = "LAPORAN SURVEI KEPUASAN MASYARAKAT"
LEGAL_BASIS = (
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
    "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun "
    "2009 tentang Pelayanan Publik;",
    "Peraturan Presiden Nomor 76 Tahun 2013 tentang Pengelolaan Pengaduan Pelayanan Publik;",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 14 Tahun 2017 "
    "tentang Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik.",
)


def _cover(data: ReportData) -> list:
    year = data.period_end.year
    box = Table([[para(TITLE, "title")], [para(f"(SKM) TAHUN {year}", "subtitle")]],
                colWidths=[WIDTH - 20 * mm])
    box.setStyle(tstyle([("BOX", (0, 0), (-1, -1), 1.2, "#1f3b57"),
                             ("TOPPADDING", (0, 0), (-1, -1), 10),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 10)]))
    flow = [Spacer(1, 38 * mm), box, Spacer(1, 18 * mm),
            para("Periode", "center"), para(data.period_name, "subtitle")]
    if data.service_name:
        flow += [Spacer(1, 4 * mm), para(f"Layanan: {data.service_name}", "center")]
    flow += [Spacer(1, 60 * mm), para(data.org_name.upper(), "subtitle")]
    if data.org_parent:
        flow.append(para(data.org_parent.upper(), "subtitle"))
    flow += [Spacer(1, 6 * mm), para(f"{data.place.upper()}, {year}", "center"), PageBreak()]
    return flow


def _numbered(items: list[str] | tuple[str, ...]) -> Table:
    rows = [[para(f"{i}.", "body"), para(text, "body")] for i, text in enumerate(items, 1)]
    table = Table(rows, colWidths=[9 * mm, WIDTH - 9 * mm])
    table.setStyle(tstyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _chapter_intro(data: ReportData) -> list:
    org = data.org_name
    return [
        para("BAB I", "chapter"), para("PENDAHULUAN", "chapter"),
        para("A. Latar Belakang", "section"),
        para(f"Pelayanan publik yang prima merupakan kewajiban {org}. Untuk mengetahui kualitas "
             "pelayanan yang telah diberikan, Undang-Undang Nomor 25 Tahun 2009 mewajibkan "
             "penyelenggara melakukan penilaian kinerja secara berkala, antara lain melalui "
             "Survei Kepuasan Masyarakat (SKM). SKM mengukur tingkat kepuasan masyarakat dari "
             "perbandingan antara harapan dan kenyataan pelayanan yang diterima, sehingga hasilnya "
             "menjadi dasar perbaikan pelayanan yang berkelanjutan."),
        para("B. Dasar Hukum", "section"), _numbered(LEGAL_BASIS),
        para("C. Maksud dan Tujuan", "section"),
        para(f"Survei ini dimaksudkan untuk mengetahui Indeks Kepuasan Masyarakat (IKM) terhadap "
             f"pelayanan {org} pada periode {data.period_name}, dengan tujuan:"),
        _numbered(("mengetahui kelemahan dan kekuatan setiap unsur pelayanan;",
                   "mengukur kinerja pelayanan secara berkala;",
                   "menjadi bahan penetapan kebijakan dan rencana tindak lanjut perbaikan "
                   "pelayanan;",
                   "mempublikasikan hasil survei kepada masyarakat.")),
        PageBreak(),
    ]


def _chapter_method(data: ReportData) -> list:
    n = data.recap.n
    needed = min_sample(data.population)
    adequate = sample_adequate(n, data.population)
    channels = [[CHANNEL_LABELS.get(k, k), id_int(v)] for k, v in data.channels.items()]
    weight = f"{WEIGHT.numerator}/{WEIGHT.denominator}"
    flow = [
        para("BAB II", "chapter"), para("METODE SURVEI", "chapter"),
        para("A. Ruang Lingkup", "section"),
        para("Survei mengukur sembilan unsur pelayanan sesuai PermenPAN-RB Nomor 14 Tahun 2017, "
             "masing-masing dinilai dari sisi kinerja/kenyataan dan tingkat kepentingan dengan "
             "skala 1 sampai 4:"),
        _numbered(UNSUR),
        para("B. Metode Pengumpulan Data", "section"),
        para("Data dikumpulkan melalui kuesioner daring bagi peserta pelatihan, tautan/kode QR "
             "yang ditempel di ruang pelayanan, dan formulir kertas yang diisi pengguna layanan "
             "lalu dimasukkan oleh petugas. Rincian responden per saluran:"),
    ]
    if channels:
        flow.append(grid(["Saluran", "Jumlah Responden"], channels,
                         [WIDTH * 0.6, WIDTH * 0.4], ["l", "c"]))
    verdict = "<b>sampel cukup</b>" if adequate else "<b>sampel belum cukup</b>"
    if data.population > 0:
        sample = (f"Jumlah populasi pengguna layanan pada periode ini N = {id_int(data.population)}. "
                  "Besar sampel minimum menurut tabel Krejcie dan Morgan (s = 3,841·N·0,25 / "
                  "(0,0025·(N−1) + 3,841·0,25), dibulatkan ke bilangan bulat terdekat) adalah "
                  f"<b>{id_int(needed)}</b> responden. Kuesioner yang terisi lengkap berjumlah "
                  f"<b>{id_int(n)}</b> responden, sehingga {verdict}.")
    else:
        sample = ("Jumlah populasi pengguna layanan periode ini belum diisi, sehingga sampel "
                  "minimum (tabel Krejcie dan Morgan) belum dapat ditentukan. Kuesioner yang "
                  f"terisi lengkap berjumlah <b>{id_int(n)}</b> responden.")
    flow += [
        para("C. Populasi dan Sampel", "section"),
        rich(sample),
        para("D. Metode Pengolahan Data", "section"),
        rich("Nilai rata-rata (NRR) setiap unsur adalah jumlah nilai unsur dibagi jumlah "
             f"kuesioner yang terisi. Bobot nilai rata-rata tertimbang = 1 / 9 unsur = {weight} "
             "(dihitung tanpa pembulatan). NRR tertimbang = NRR × bobot; IKM = ∑ NRR tertimbang; "
             "IKM unit pelayanan = IKM × 25. Pembulatan dua desimal hanya untuk penyajian. "
             "Mutu pelayanan ditetapkan sebagai berikut:"),
        grid(["Nilai Persepsi", "Nilai Interval (NI)", "Nilai Interval Konversi (NIK)",
              "Mutu Pelayanan", "Kinerja Unit Pelayanan"],
             [["1", "1,00 – 2,5996", "25,00 – 64,99", "D", "Tidak Baik"],
              ["2", "2,60 – 3,064", "65,00 – 76,60", "C", "Kurang Baik"],
              ["3", "3,0644 – 3,532", "76,61 – 88,30", "B", "Baik"],
              ["4", "3,5324 – 4,00", "88,31 – 100,00", "A", "Sangat Baik"]],
             [WIDTH * 0.16, WIDTH * 0.2, WIDTH * 0.26, WIDTH * 0.16, WIDTH * 0.22],
             ["c", "c", "c", "c", "c"]),
        PageBreak(),
    ]
    return flow


def render_report(data: ReportData) -> bytes:
    """The whole report as PDF bytes."""
    buffer = io.BytesIO()
    title = f"{TITLE} — {data.org_name} — {data.period_name}"
    doc = SimpleDocTemplate(buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=20 * mm, bottomMargin=22 * mm, title=title,
                            author=data.org_name, subject="Survei Kepuasan Masyarakat",
                            creator="Balai", invariant=1, **doc_fonts())
    story = (_cover(data) + _chapter_intro(data) + _chapter_method(data)
             + chapter_results(data) + chapter_analysis(data) + chapter_closing(data))
    footer = number_pages(f"Laporan SKM {data.org_name} — {data.period_name}")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
