"""Drawing pieces of the certificate PDF: embedded fonts, frame and ornaments, emblem, QR, text fitting.

Fonts are DejaVu (Bitstream Vera licence, see fonts/LICENSE.txt) subset to the Latin scripts and
shipped inside the package, so a fresh machine renders "Ni Made Ayu Ṣāliḥah" or "Çağrı Öztürk"
with no system font; reportlab embeds (and subsets again) each font it uses."""
from __future__ import annotations

import math
import threading
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

if TYPE_CHECKING:
    from certificate.domain.document import CertificateContent

FONT_DIR = Path(__file__).with_name("fonts")
SERIF, SERIF_BOLD, SERIF_ITALIC = "BalaiSerif", "BalaiSerif-Bold", "BalaiSerif-Italic"
SANS, SANS_BOLD = "BalaiSans", "BalaiSans-Bold"
_FILES = {SERIF: "DejaVuSerif.ttf", SERIF_BOLD: "DejaVuSerif-Bold.ttf", SERIF_ITALIC: "DejaVuSerif-Italic.ttf",
          SANS: "DejaVuSans.ttf", SANS_BOLD: "DejaVuSans-Bold.ttf"}

NAVY = colors.HexColor("#1B3A5C")
GOLD = colors.HexColor("#A8843A")
INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#555555")
ROSETTE = colors.HexColor("#E9EEF4")
_REGISTER = threading.Lock()


def register_fonts() -> None:
    """Register the vendored fonts once per process (reportlab keeps a global registry).

    The service renders in worker threads; the lock keeps two first renders from registering twice."""
    with _REGISTER:
        registered = set(pdfmetrics.getRegisteredFontNames())
        if all(name in registered for name in _FILES):
            return
        rl_config.useA85 = 0  # Flate only: ASCII85 on top makes the streams 25 % larger and costs time
        for name, file in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
        pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC,
                                      boldItalic=SERIF_BOLD)
        pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD)


def batch_label(batch: int | str) -> str:
    text = str(batch).strip()
    if not text or text.lower().startswith("angkatan"):
        return text
    return f"Angkatan {text}"


def training_line(content: CertificateContent) -> str:
    return " ".join(p for p in (content.training_title.strip(), batch_label(content.batch)) if p)


def fit_size(text: str, font: str, size: float, width: float, minimum: float) -> float:
    """The largest size ≤ `size` at which `text` fits `width` on one line (never below `minimum`)."""
    natural = pdfmetrics.stringWidth(text, font, size)
    if natural <= width:
        return size
    return max(minimum, math.floor(size * width / natural * 10) / 10)


def centred_line(c: Canvas, text: str, *, x: float, y: float, font: str, size: float, width: float,
                 minimum: float, color: colors.Color = INK, spacing: float = 0) -> float:
    """Draw one centred line shrunk to `width`; returns the size used."""
    size = fit_size(text, font, size, width - spacing * len(text), minimum)
    c.setFillColor(color)
    if spacing:
        total = pdfmetrics.stringWidth(text, font, size) + spacing * (len(text) - 1)
        c.saveState()  # the character spacing is text state: keep it inside q/Q
        t = c.beginText(x - total / 2, y)
        t.setFont(font, size)
        t.setCharSpace(spacing)
        t.textOut(text)
        c.drawText(t)
        c.restoreState()
    else:
        c.setFont(font, size)
        c.drawCentredString(x, y, text)
    return size


def paragraph(text: str, *, font: str, size: float, color: colors.Color = INK, align: int = TA_CENTER,
              leading: float = 1.25, markup: bool = False) -> Paragraph:
    style = ParagraphStyle(name=f"{font}-{size}", fontName=font, fontSize=size, leading=size * leading,
                           alignment=align, textColor=color)
    return Paragraph(text if markup else escape(text), style)


def fitted_paragraph(text: str, *, font: str, size: float, width: float, max_lines: int, minimum: float,
                     color: colors.Color = INK, align: int = TA_CENTER) -> Paragraph:
    """A paragraph shrunk until it wraps to at most `max_lines` lines of `width` (or reaches `minimum`)."""
    while True:
        p = paragraph(text, font=font, size=size, color=color, align=align)
        _, height = p.wrap(width, 10_000)
        if height <= size * 1.25 * max_lines + 0.1 or size <= minimum:
            return p
        size = max(minimum, size - 0.5)


def draw_frame(c: Canvas, width: float, height: float) -> None:
    """Outer navy rule, inner gold rule, corner ornaments and a faint guilloche rosette."""
    c.saveState()
    c.setStrokeColor(ROSETTE)
    c.setLineWidth(0.6)
    cx, cy = width / 2, height / 2 - 10
    for i in range(30):
        c.saveState()
        c.translate(cx, cy)
        c.rotate(i * 6)
        c.ellipse(-190, -70, 190, 70, stroke=1, fill=0)
        c.restoreState()
    c.setStrokeColor(NAVY)
    c.setLineWidth(3.2)
    c.rect(16, 16, width - 32, height - 32)
    c.setLineWidth(0.8)
    c.rect(22, 22, width - 44, height - 44)
    c.setStrokeColor(GOLD)
    c.setLineWidth(1.6)
    c.rect(28, 28, width - 56, height - 56)
    for x, y, sx, sy in ((28, 28, 1, 1), (width - 28, 28, -1, 1), (28, height - 28, 1, -1),
                         (width - 28, height - 28, -1, -1)):
        _corner(c, x, y, sx, sy)
    c.restoreState()


def _corner(c: Canvas, x: float, y: float, sx: int, sy: int) -> None:
    c.setStrokeColor(GOLD)
    c.setFillColor(GOLD)
    c.setLineWidth(0.9)
    c.line(x + sx * 8, y + sy * 8, x + sx * 60, y + sy * 8)
    c.line(x + sx * 8, y + sy * 8, x + sx * 8, y + sy * 60)
    d = 5
    p = c.beginPath()
    mx, my = x + sx * 16, y + sy * 16
    p.moveTo(mx, my + d)
    p.lineTo(mx + d, my)
    p.lineTo(mx, my - d)
    p.lineTo(mx - d, my)
    p.close()
    c.drawPath(p, stroke=0, fill=1)


def draw_emblem(c: Canvas, cx: float, cy: float, r: float) -> None:
    """A neutral emblem (rings and a star) for an organisation without a logo."""
    c.saveState()
    c.setStrokeColor(GOLD)
    c.setLineWidth(1.6)
    c.circle(cx, cy, r)
    c.setLineWidth(0.6)
    c.circle(cx, cy, r - 4)
    c.setFillColor(NAVY)
    p = c.beginPath()
    for i in range(10):
        rad = (r - 9) if i % 2 == 0 else (r - 9) * 0.42
        a = math.pi / 2 + i * math.pi / 5
        px, py = cx + rad * math.cos(a), cy + rad * math.sin(a)
        p.moveTo(px, py) if i == 0 else p.lineTo(px, py)
    p.close()
    c.drawPath(p, stroke=0, fill=1)
    c.restoreState()


def draw_qr(c: Canvas, data: str, x: float, y: float, size: float) -> None:
    """The QR code (level M) as filled squares, drawn straight on the canvas (no Drawing, no font)."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(data)
    qr.make()
    count = qr.getModuleCount()
    border = 2
    cell = size / (count + 2 * border)
    c.saveState()
    c.setFillColor(colors.white)
    c.rect(x, y, size, size, stroke=0, fill=1)
    c.setFillColor(colors.black)
    p = c.beginPath()
    for row in range(count):
        col = 0
        while col < count:  # one rectangle per horizontal run of dark modules
            if not qr.isDark(row, col):
                col += 1
                continue
            start = col
            while col < count and qr.isDark(row, col):
                col += 1
            p.rect(x + (start + border) * cell, y + size - (row + 1 + border) * cell, (col - start) * cell, cell)
    c.drawPath(p, stroke=0, fill=1)
    c.restoreState()


def draw_watermark(c: Canvas, width: float, height: float, text: str = "CONTOH") -> None:
    c.saveState()
    c.setFillColor(colors.HexColor("#B03030"))
    c.setFillAlpha(0.15)
    c.translate(width / 2, height / 2)
    c.rotate(28)
    c.setFont(SANS_BOLD, 130)
    c.drawCentredString(0, -45, text)
    c.restoreState()
