"""What the survey's PDFs share: embedded fonts, paragraph styles, tables, page numbers.

Fonts are TrueType and embedded (subset) in every PDF: Liberation Serif/Sans when the system has
them (Debian fonts-liberation; metric-compatible with Times New Roman/Arial, what an Indonesian
office report uses), else DejaVu (fonts-dejavu-core), else the Bitstream Vera fonts that ship
inside reportlab itself — so rendering never fails for want of a font. The texts use only
characters all three fonts have (∑ U+2211, not Σ; check boxes are drawn, not glyphs).
"""
from __future__ import annotations

from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, Table, TableStyle

PAGE = A4
MARGIN = 22 * mm
WIDTH = PAGE[0] - 2 * MARGIN
LINE = colors.HexColor("#333333")
HEAD_BG = colors.HexColor("#dfe6ee")
ZEBRA = colors.HexColor("#f5f7fa")

_SYSTEM = Path("/usr/share/fonts/truetype/liberation")
_VERA = Path(reportlab.__file__).parent / "fonts"
_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
_FAMILIES = {
    "serif": [(_SYSTEM, "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
               "LiberationSerif-Italic.ttf"),
              (_DEJAVU, "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf")],
    "sans": [(_SYSTEM, "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
              "LiberationSans-Italic.ttf"),
             (_DEJAVU, "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")],
}
_FALLBACK = (_VERA, "Vera.ttf", "VeraBd.ttf", "VeraIt.ttf")


@cache
def font(family: str = "serif", weight: str = "regular") -> str:
    """Registers (once) and names an embeddable TrueType font."""
    for folder, regular, bold, italic in [*_FAMILIES[family], _FALLBACK]:
        files = {"regular": regular, "bold": bold, "italic": italic}
        if all((folder / f).is_file() for f in files.values()):
            names = {}
            for key, file in files.items():
                name = f"Survey-{family}-{key}"
                pdfmetrics.registerFont(TTFont(name, str(folder / file)))
                names[key] = name
            pdfmetrics.registerFontFamily(f"Survey-{family}", normal=names["regular"],
                                          bold=names["bold"], italic=names["italic"],
                                          boldItalic=names["bold"])
            return names[weight]
    raise RuntimeError("no TrueType font found")  # pragma: no cover - reportlab ships Vera


@cache
def styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=font("serif"), fontSize=11, leading=15,
                          alignment=TA_JUSTIFY, spaceAfter=5)
    bold = font("serif", "bold")
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=9, leading=11.5, spaceAfter=0,
                                alignment=0),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9.5, leading=12, spaceAfter=0,
                               alignment=0),
        "cell_c": ParagraphStyle("cell_c", parent=body, fontSize=9.5, leading=12, spaceAfter=0,
                                 alignment=TA_CENTER),
        "head": ParagraphStyle("head", parent=body, fontName=bold, fontSize=9.5, leading=12,
                               spaceAfter=0, alignment=TA_CENTER),
        "chapter": ParagraphStyle("chapter", parent=body, fontName=bold, fontSize=13, leading=17,
                                  alignment=TA_CENTER, spaceBefore=0, spaceAfter=12),
        "section": ParagraphStyle("section", parent=body, fontName=bold, fontSize=11.5,
                                  leading=15, spaceBefore=8, spaceAfter=4, alignment=0),
        "center": ParagraphStyle("center", parent=body, alignment=TA_CENTER),
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=20, leading=26,
                                alignment=TA_CENTER),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontName=bold, fontSize=14,
                                   leading=19, alignment=TA_CENTER),
        "caption": ParagraphStyle("caption", parent=body, fontSize=9.5, leading=12,
                                  alignment=TA_CENTER, spaceBefore=2, spaceAfter=8),
    }


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped: a respondent's '<' never becomes markup)."""
    return Paragraph(escape(text), styles()[style])


def rich(markup: str, style: str = "body") -> Paragraph:
    """A paragraph of our own trusted markup (<b>, <i>, <br/>)."""
    return Paragraph(markup, styles()[style])


def grid(header: list[str], rows: list[list[str]], widths: list[float],
         align: list[str] | None = None, total_rows: int = 0) -> Table:
    """A ruled table with a shaded header that repeats on every page; cells are plain text."""
    align = align or ["l"] * len(header)
    data = [[para(h, "head") for h in header]]
    for row in rows:
        data.append([para(c, "cell_c" if a == "c" else "cell") for c, a in zip(row, align,
                                                                              strict=True)])
    table = Table(data, colWidths=widths, repeatRows=1)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, LINE),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for i in range(1, len(data) - total_rows):
        if i % 2 == 0:
            commands.append(("BACKGROUND", (0, i), (-1, i), ZEBRA))
    if total_rows:
        commands.append(("BACKGROUND", (0, len(data) - total_rows), (-1, -1), HEAD_BG))
    table.setStyle(tstyle(commands))
    return table


def number_pages(title: str):
    """onPage callback: a thin footer with the report's title and "Halaman n" (not on page 1)."""
    def draw(canvas, doc) -> None:
        if doc.page == 1:
            return
        canvas.saveState()
        canvas.setFont(font("serif", "italic"), 8.5)
        canvas.setStrokeColor(LINE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, 15 * mm, PAGE[0] - MARGIN, 15 * mm)
        number = f"Halaman {doc.page}"
        name, size = font("serif", "italic"), 8.5
        room = WIDTH - pdfmetrics.stringWidth(number, name, size) - 12
        text = title
        while len(text) > 1 and pdfmetrics.stringWidth(text, name, size) > room:
            text = text[:-2] + "…"
        canvas.drawString(MARGIN, 11 * mm, text)
        canvas.drawRightString(PAGE[0] - MARGIN, 11 * mm, number)
        canvas.restoreState()
    return draw


MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")


def long_date(day) -> str:
    """9 Juni 2024."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def id_int(n: int) -> str:
    """1.234 — Indonesian thousands separator."""
    return f"{n:,}".replace(",", ".")



def doc_fonts() -> dict[str, object]:
    """Doc-template kwargs so the canvas starts on an embedded font (else a bare Helvetica)."""
    return {"initialFontName": font("serif"), "initialFontSize": 11}


def tstyle(commands: list) -> TableStyle:
    """A TableStyle whose plain-text cells use the embedded font (the default is Helvetica)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), font("serif")), *commands])


def drawing(width: float, height: float, **kwargs: object) -> Drawing:
    """A drawing whose renderer starts on our embedded font: renderPDF opens every drawing with
    STATE_DEFAULTS["fontName"] (a bare Helvetica) — point it at the embedded sans instead."""
    STATE_DEFAULTS["fontName"] = font("sans")
    return Drawing(width, height, **kwargs)
