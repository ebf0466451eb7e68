"""The visible signature stamp: a small PDF page drawn with reportlab, imported as the appearance.

pyHanko's own text stamps use a non-embedded Courier (no "ā", "ş"...) unless fontTools and HarfBuzz
are installed; drawing the stamp with the certificate's embedded fonts avoids both."""
from __future__ import annotations

import binascii
import io
import uuid

from pyhanko.pdf_utils.content import PdfContent
from pyhanko.pdf_utils.layout import BoxConstraints
from pyhanko.pdf_utils.reader import PdfFileReader
from reportlab.pdfgen.canvas import Canvas

from certificate.adapters.pdf_parts import GOLD, INK, MUTED, NAVY, SANS, SANS_BOLD, fit_size, register_fonts


def render_stamp(signer_name: str, when: str, issuer_name: str, *, width: float, height: float) -> bytes:
    register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(width, height), initialFontName=SANS, pageCompression=1)
    c.setStrokeColor(NAVY)
    c.setLineWidth(0.9)
    c.roundRect(0.6, 0.6, width - 1.2, height - 1.2, 4)
    _seal(c, 20, height / 2, 13)
    x, text_width = 40.0, width - 46
    lines = [
        ("Ditandatangani secara elektronik oleh", SANS, 6.8, MUTED),
        (signer_name, SANS_BOLD, 8.6, INK),
        (f"Tanggal: {when}", SANS, 6.8, INK),
    ]
    if issuer_name:
        lines.append((f"Sertifikat elektronik: {issuer_name}", SANS, 5.8, MUTED))
    gap = (height - 8) / len(lines)
    y = height - 4 - gap * 0.75
    for text, font, size, color in lines:
        c.setFillColor(color)
        c.setFont(font, fit_size(text, font, size, text_width, 4))
        c.drawString(x, y, text)
        y -= gap
    c.showPage()
    c.save()
    return buf.getvalue()


def _seal(c: Canvas, cx: float, cy: float, r: float) -> None:
    c.setStrokeColor(GOLD)
    c.setLineWidth(1.2)
    c.circle(cx, cy, r)
    c.setLineWidth(0.5)
    c.circle(cx, cy, r - 2.5)
    c.setStrokeColor(NAVY)
    c.setLineWidth(1.8)
    c.setLineCap(1)
    p = c.beginPath()
    p.moveTo(cx - 5, cy)
    p.lineTo(cx - 1.5, cy - 4)
    p.lineTo(cx + 5.5, cy + 4.5)
    c.drawPath(p, stroke=1, fill=0)


class ImportedPdfBytes(PdfContent):
    """pyHanko's `ImportedPdfPage`, reading the page from bytes instead of a file name."""

    def __init__(self, data: bytes, page_ix: int = 0) -> None:
        self.data = data
        self.page_ix = page_ix
        super().__init__()

    def render(self) -> bytes:
        writer = self._ensure_writer
        xobj = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self.data)), page_ix=self.page_ix)
        resource_name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
        self.resources.xobject[resource_name.decode("ascii")] = xobj
        x1, y1, x2, y2 = xobj.get_object()["/BBox"]
        self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return resource_name + b" Do"
