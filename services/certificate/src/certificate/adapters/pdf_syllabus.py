"""The optional second page "Materi Pelatihan": the modules and their JP with a total.

A long syllabus continues on further pages (the table splits, its header row repeats)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table, TableStyle

from certificate.adapters.pdf_parts import (
    GOLD,
    INK,
    NAVY,
    SANS,
    SANS_BOLD,
    SERIF_BOLD,
    centred_line,
    draw_frame,
    draw_watermark,
    paragraph,
    training_line,
)

if TYPE_CHECKING:
    from certificate.domain.document import CertificateContent, TemplateContent

_STYLE = TableStyle([
    ("FONTNAME", (0, 0), (-1, -1), SANS),  # plain-string cells too: no non-embedded Helvetica
    ("BACKGROUND", (0, 0), (-1, 0), NAVY),
    ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#B9C3CF")),
    ("BOX", (0, 0), (-1, -1), 0.8, NAVY),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 4),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ("ROWBACKGROUNDS", (0, 1), (-1, -2), [colors.white, colors.HexColor("#F3F5F8")]),
    ("LINEABOVE", (0, -1), (-1, -1), 1.0, NAVY),
    ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#EDE4CF")),
])


def draw_syllabus(c: Canvas, content: CertificateContent, template: TemplateContent, width: float,
                  height: float, *, sample: bool = False) -> None:
    table = _table(content, width)
    first = True
    while table is not None:
        draw_frame(c, width, height)
        top = height - 70
        title = "MATERI PELATIHAN" if first else "MATERI PELATIHAN (lanjutan)"
        centred_line(c, title, x=width / 2, y=top, font=SERIF_BOLD, size=22, width=width - 200, minimum=14,
                     color=NAVY, spacing=3)
        centred_line(c, training_line(content), x=width / 2, y=top - 24, font=SANS_BOLD, size=12,
                     width=width - 200, minimum=7, color=INK)
        centred_line(c, f"Lampiran Sertifikat Nomor: {content.number} · a.n. {content.holder_name.strip()}",
                     x=width / 2, y=top - 41, font=SANS, size=9.5, width=width - 200, minimum=6, color=INK)
        c.setStrokeColor(GOLD)
        c.setLineWidth(0.8)
        c.line(width / 2 - 140, top - 50, width / 2 + 140, top - 50)
        avail = top - 62 - 60
        table_width = table.wrapOn(c, width, avail)[0]
        parts = table.split(table_width, avail)
        part = parts[0] if parts else table
        _, used = part.wrapOn(c, width, avail)
        part.drawOn(c, (width - table_width) / 2, top - 62 - used)
        table = parts[1] if len(parts) > 1 else None
        if sample:
            draw_watermark(c, width, height)
        c.showPage()
        first = False


def _table(content: CertificateContent, page_width: float) -> Table:
    head = [paragraph(t, font=SANS_BOLD, size=10, color=colors.white, align=a)
            for t, a in (("No", TA_CENTER), ("Materi", TA_LEFT), ("JP", TA_CENTER))]
    rows = [head]
    for i, item in enumerate(content.syllabus, start=1):
        rows.append([paragraph(str(i), font=SANS, size=10), paragraph(item.title, font=SANS, size=10, align=TA_LEFT),
                     paragraph(str(item.hours), font=SANS, size=10)])
    total = sum(item.hours for item in content.syllabus)
    rows.append(["", paragraph("Jumlah", font=SANS_BOLD, size=10, align=TA_LEFT),
                 paragraph(str(total), font=SANS_BOLD, size=10)])
    widths = [40, min(480, page_width - 280), 70]
    return Table(rows, colWidths=widths, repeatRows=1, style=_STYLE)
