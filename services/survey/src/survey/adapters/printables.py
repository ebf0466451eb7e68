"""What the balai prints (SOP steps 4–7): the QR sheet for the service room, the paper form.

Both A4 portrait, fonts embedded. The QR code is reportlab's own widget (no extra library).
"""
from __future__ import annotations

import io

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table

from survey.adapters.pdf_common import (
    LINE,
    MARGIN,
    PAGE,
    WIDTH,
    doc_fonts,
    drawing,
    para,
    styles,
    tstyle,
)
from survey.domain.questionnaire import QuestionnaireContent
from survey.domain.response_input import EDUCATION, OCCUPATION


def _qr(url: str, size: float):
    widget = QrCodeWidget(url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    qr = drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    qr.add(widget)
    return qr


def _pdf(story: list, title: str, author: str, top: float = 18 * mm) -> bytes:
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=top,
                      bottomMargin=16 * mm, title=title, author=author, creator="Balai",
                      invariant=1, **doc_fonts()).build(story)
    return out.getvalue()


def qr_sheet_pdf(org_name: str, period_name: str, url: str) -> bytes:
    """One A4 page to stick on the service room's wall: name, big QR, link, how to answer."""
    s = styles()
    steps = ["Buka kamera ponsel Anda dan arahkan ke kode QR di atas "
             "(atau ketik alamat tautannya di peramban).",
             "Ketuk tautan yang muncul; survei terbuka tanpa perlu masuk/login.",
             "Pilih jawaban untuk 9 unsur pelayanan, isi masukan/saran bila ada, lalu tekan Kirim.",
             "Identitas boleh dikosongkan (anonim). Satu orang cukup mengisi satu kali."]
    box = Table([[_qr(url, 115 * mm)]], colWidths=[125 * mm], rowHeights=[125 * mm])
    box.setStyle(tstyle([("BOX", (0, 0), (-1, -1), 1.5, colors.HexColor("#1f3b57")),
                         ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                         ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    box.hAlign = "CENTER"
    story = [para(org_name.upper(), "subtitle"), Spacer(1, 4 * mm),
             para("SURVEI KEPUASAN MASYARAKAT", "title"),
             para(period_name, "center"), Spacer(1, 6 * mm), box, Spacer(1, 5 * mm),
             Paragraph(url.replace("&", "&amp;").replace("<", "&lt;"), s["subtitle"]),
             Spacer(1, 6 * mm), para("Cara mengisi", "section")]
    for i, text in enumerate(steps, 1):
        story.append(para(f"{i}. {text}"))
    story += [Spacer(1, 4 * mm),
              para("Terima kasih. Penilaian Anda kami pakai untuk memperbaiki pelayanan.",
                   "center")]
    return _pdf(story, f"Survei Kepuasan Masyarakat — {org_name}", org_name)


class Choice(Flowable):
    """A printed check box followed by its label (wraps under itself)."""

    def __init__(self, label: str, size: float = 8.5) -> None:
        super().__init__()
        self.label = Paragraph(label.replace("&", "&amp;").replace("<", "&lt;"),
                               styles()["small"])
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, h = self.label.wrap(avail_width - self.size - 4, avail_height)
        self.width, self.height = avail_width, max(h, self.size + 2)
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setStrokeColor(LINE)
        self.canv.setLineWidth(0.7)
        self.canv.rect(0, self.height - self.size - 1.5, self.size, self.size)
        self.label.drawOn(self.canv, self.size + 4, self.height - self.label.height)


def _choices(options: list[str] | tuple[str, ...], columns: int, width: float) -> Table:
    cells = [Choice(o) for o in options]
    cells += [""] * (-len(cells) % columns)
    rows = [cells[i:i + columns] for i in range(0, len(cells), columns)]
    table = Table(rows, colWidths=[width / columns] * columns)
    table.setStyle(tstyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _identity() -> Table:
    label_w, field_w = 38 * mm, WIDTH - 38 * mm
    blank = ""
    rows = [["1. Nama", blank], ["2. Email", blank], ["3. No. Telepon", blank],
            ["4. Umur", "............ tahun"],
            ["5. Jenis Kelamin", _choices(["Laki-laki", "Perempuan"], 4, field_w)],
            ["6. Alamat", blank],
            ["7. Pendidikan Terakhir", _choices(EDUCATION, 4, field_w)],
            ["8. Pekerjaan", _choices(OCCUPATION, 3, field_w)]]
    data = [[para(a, "cell"), para(b, "cell") if isinstance(b, str) else b] for a, b in rows]
    table = Table(data, colWidths=[label_w, field_w])
    table.setStyle(tstyle([("LINEBELOW", (1, 0), (1, 3), 0.5, LINE), ("LINEBELOW", (1, 5), (1, 5), 0.5, LINE),
                           ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("TOPPADDING", (0, 0), (-1, -1), 5)]))
    return table


def paper_form_pdf(org_name: str, period_name: str, content: QuestionnaireContent) -> bytes:
    """The printable questionnaire: identity, 9 unsur × (kinerja, kepentingan), suggestion lines."""
    s = styles()
    w = WIDTH
    col = [w * .07, w * .41, w * .26, w * .26]
    story = [para("KUESIONER SURVEI KEPUASAN MASYARAKAT", "subtitle"),
             para(org_name.upper(), "center"), para(f"Periode: {period_name}", "center"),
             Spacer(1, 3 * mm),
             para("Tanggal pengisian: ........................   Beri tanda centang pada satu "
                  "kotak untuk setiap kolom. Identitas boleh dikosongkan bila Anda ingin anonim.",
                  "small"),
             para("IDENTITAS RESPONDEN", "section"), _identity(),
             para("PENDAPAT RESPONDEN TENTANG KUALITAS PELAYANAN DAN TINGKAT KEPENTINGANNYA",
                  "section")]
    rows = []
    for perf, imp in zip(content.performance, content.importance, strict=True):
        question = [Paragraph(perf.text.replace("&", "&amp;").replace("<", "&lt;"), s["cell"])]
        if perf.example:
            question.append(Paragraph("<i>Contoh: " + perf.example.replace("&", "&amp;")
                                      .replace("<", "&lt;") + "</i>", s["small"]))
        rows.append([para(str(perf.unsur), "cell_c"), question,
                     [Choice(f"{v} {a}") for v, a in enumerate(perf.answers, 1)],
                     [Choice(f"{v} {a}") for v, a in enumerate(imp.answers, 1)]])
    header = [para(h, "head") for h in ("No", "Pertanyaan", "Kinerja/Kenyataannya",
                                         "Tingkat Kepentingan")]
    table = Table([header, *rows], colWidths=col, repeatRows=1)
    table.setStyle(tstyle([("GRID", (0, 0), (-1, -1), 0.5, LINE),
                           ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dfe6ee")),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    lines = Table([[""]] * 4, colWidths=[w], rowHeights=[8 * mm] * 4)
    lines.setStyle(tstyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, LINE)]))
    story += [table, Spacer(1, 4 * mm),
              KeepTogether([para("Masukan / Saran untuk perbaikan pelayanan (jika terdapat "
                                 "jawaban yang kurang, isikan saran/masukan):", "section"), lines]),
              Spacer(1, 5 * mm), para("Terima kasih atas kesediaan Anda mengisi kuesioner ini.",
                                      "center")]
    return _pdf(story, f"Kuesioner SKM — {org_name}", org_name, top=14 * mm)

