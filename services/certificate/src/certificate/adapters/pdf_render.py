"""Render a certificate as an unsigned PDF: A4 landscape, official look, optional syllabus page.

Page 1 (top to bottom): logo (or a neutral emblem), parent body and organisation, "SERTIFIKAT",
number, "diberikan kepada", the holder's name, what for (training, batch, kind/level, dates, JP,
score), and at the foot the QR code of the verification URL (left) and the signature block (right)
with an empty `SIGNATURE_BOX` where signing places the visible stamp. Long names and titles shrink,
then wrap; the middle block shrinks as a whole if it is still too tall, so nothing overflows.
`sample=True` adds a faint diagonal "CONTOH" for the admin's live preview."""
from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepInFrame, Spacer
from reportlab.platypus.flowables import HRFlowable

from certificate.adapters.pdf_parts import (
    GOLD,
    INK,
    MUTED,
    NAVY,
    SANS,
    SANS_BOLD,
    SERIF,
    SERIF_BOLD,
    SERIF_ITALIC,
    centred_line,
    draw_emblem,
    draw_frame,
    draw_qr,
    draw_watermark,
    fit_size,
    fitted_paragraph,
    paragraph,
    register_fonts,
    training_line,
)
from certificate.adapters.pdf_syllabus import draw_syllabus
from certificate.domain.document import CertificateContent, TemplateContent
from certificate.domain.indonesian import date_id, date_range_id

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
# (x1, y1, x2, y2) in points on page 1: the visible signature stamp goes here.
SIGNATURE_BOX = (float(round(PAGE_WIDTH - 300)), 92.0, float(round(PAGE_WIDTH - 70)), 146.0)  # whole points
_MIDDLE = (110.0, 196.0, PAGE_WIDTH - 110, PAGE_HEIGHT - 212)  # x1, y1, x2, y2 of the middle block


def render_certificate(content: CertificateContent, template: TemplateContent, *, sample: bool = False) -> bytes:
    register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=1, initialFontName=SANS)
    c.setTitle(f"{template.heading} {content.number}")
    c.setAuthor(template.org_name)
    c.setSubject(training_line(content))
    c.setCreator("Balai")
    draw_frame(c, PAGE_WIDTH, PAGE_HEIGHT)
    _header(c, content, template)
    _middle(c, content, template)
    _qr_block(c, content)
    _signature_block(c, content, template)
    if sample:
        draw_watermark(c, PAGE_WIDTH, PAGE_HEIGHT)
    c.showPage()
    if template.syllabus_page and content.syllabus:
        draw_syllabus(c, content, template, PAGE_WIDTH, PAGE_HEIGHT, sample=sample)
    c.save()
    return buf.getvalue()


def _header(c: Canvas, content: CertificateContent, template: TemplateContent) -> None:
    mid, top = PAGE_WIDTH / 2, PAGE_HEIGHT - 40
    if template.logo_png:
        logo = ImageReader(io.BytesIO(template.logo_png))
        # Up to 62 pt high; a wide logo may use up to 150 pt of width.
        c.drawImage(logo, mid - 75, top - 62, 150, 62, preserveAspectRatio=True, anchor="c", mask="auto")
    else:
        draw_emblem(c, mid, top - 30, 29)
    width = PAGE_WIDTH - 220
    if template.org_parent.strip():
        centred_line(c, template.org_parent.upper(), x=mid, y=top - 78, font=SANS, size=10, width=width,
                     minimum=6.5, color=MUTED, spacing=0.6)
    centred_line(c, template.org_name.upper(), x=mid, y=top - 95, font=SANS_BOLD, size=13, width=width,
                 minimum=8, color=NAVY, spacing=0.5)
    c.setStrokeColor(GOLD)
    c.setLineWidth(0.8)
    c.line(mid - 140, top - 104, mid + 140, top - 104)
    centred_line(c, template.heading.upper(), x=mid, y=top - 140, font=SERIF_BOLD, size=34, width=width,
                 minimum=18, color=NAVY, spacing=7)
    centred_line(c, f"Nomor: {content.number}", x=mid, y=top - 160, font=SANS, size=10.5, width=width,
                 minimum=7, color=INK)


def _middle(c: Canvas, content: CertificateContent, template: TemplateContent) -> None:
    x1, y1, x2, y2 = _MIDDLE
    width = x2 - x1
    name = content.holder_name.strip()
    name_size = fit_size(name, SERIF_BOLD, 34, width, 20)
    flow = [
        paragraph(template.intro, font=SERIF_ITALIC, size=13, color=MUTED),
        Spacer(1, 4),
        fitted_paragraph(name, font=SERIF_BOLD, size=name_size, width=width, max_lines=2, minimum=14,
                         color=INK),
        HRFlowable(width="55%", thickness=0.8, color=GOLD, spaceBefore=3, spaceAfter=8),
        paragraph(template.body, font=SERIF, size=12.5),
        Spacer(1, 3),
        fitted_paragraph(training_line(content), font=SERIF_BOLD, size=18, width=width, max_lines=2,
                         minimum=11, color=NAVY),
        Spacer(1, 4),
    ]
    kind = _kind_level(content)
    if kind:
        flow.append(paragraph(kind, font=SANS, size=11))
    flow.append(paragraph(_when(content), font=SANS, size=11))
    score = _score_line(content)
    if score:
        flow.append(paragraph(score, font=SANS_BOLD, size=11))
    if template.closing.strip():
        flow += [Spacer(1, 4), paragraph(template.closing, font=SERIF_ITALIC, size=11, color=MUTED)]
    box = KeepInFrame(width, y2 - y1, flow, mode="shrink", hAlign="CENTER")
    _, height = box.wrapOn(c, width, y2 - y1)
    box.drawOn(c, x1, y2 - height - max(0.0, (y2 - y1 - height) / 3))  # a little below the heading


def _kind_level(content: CertificateContent) -> str:
    parts = []
    kind, level = content.kind.strip(), content.level.strip()
    if kind:
        parts.append(kind if kind.lower().startswith("pelatihan") else f"Pelatihan {kind}")
    if level:
        parts.append(f"Tingkat {level}")
    return " · ".join(parts)


def _when(content: CertificateContent) -> str:
    return (f"yang diselenggarakan pada tanggal {date_range_id(content.start_date, content.end_date)} "
            f"selama {content.hours} JP (jam pelajaran)")


def _score_line(content: CertificateContent) -> str:
    if content.score is not None:
        return f"dengan nilai {content.score}" + (f" (predikat {content.predicate})" if content.predicate else "")
    return f"dengan predikat {content.predicate}" if content.predicate else ""


def _qr_block(c: Canvas, content: CertificateContent) -> None:
    x, y, size = 66.0, 66.0, 80.0
    c.setFillColor(MUTED)
    c.setFont(SANS, 7.5)
    c.drawString(x, y + size + 6, "Pindai untuk memeriksa keaslian")
    draw_qr(c, content.verification_url, x, y, size)
    url_size = fit_size(content.verification_url, SANS, 7, 300, 4.5)
    c.setFont(SANS, url_size)
    c.drawString(x + 3, y - 6, content.verification_url)


def _signature_block(c: Canvas, content: CertificateContent, template: TemplateContent) -> None:
    x1, y1, x2, y2 = SIGNATURE_BOX
    mid, width = (x1 + x2) / 2, x2 - x1 + 56  # a little wider than the stamp: positions are long
    signer = template.signatory
    head = [paragraph(f"{template.place.strip()}, {date_id(content.issued_on)}", font=SANS, size=10.5),
            Spacer(1, 2),
            fitted_paragraph(signer.position, font=SANS_BOLD, size=10.5, width=width, max_lines=3, minimum=7.5)]
    box = KeepInFrame(width, 64, head, mode="shrink", hAlign="CENTER")
    _, height = box.wrapOn(c, width, 64)
    box.drawOn(c, mid - width / 2, y2 + 4)
    name = signer.name.strip()
    size = centred_line(c, name, x=mid, y=y1 - 14, font=SERIF_BOLD, size=12, width=width, minimum=7)
    half = min(width, c.stringWidth(name, SERIF_BOLD, size)) / 2
    c.setStrokeColor(INK)
    c.setLineWidth(0.7)
    c.line(mid - half, y1 - 17, mid + half, y1 - 17)
    if signer.nip.strip():
        centred_line(c, f"NIP. {signer.nip.strip()}", x=mid, y=y1 - 30, font=SANS, size=10, width=width,
                     minimum=7)
