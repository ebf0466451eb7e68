"""The letters of the narasumber procedures as PDF (reportlab): approval or rejection of a registration,
and the confirmation answer to a request. A4, the organisation's letterhead (kop surat), number and
date, the addressee, the body, and the signing official. Fonts: the Bitstream Vera TrueType fonts
that ship inside reportlab, embedded, so rendering needs nothing from the system."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import HRFlowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
_FONTS = Path(reportlab.__file__).parent / "fonts"


@dataclass(frozen=True)
class Letterhead:
    """The organisation's kop surat and its signing official."""

    name: str
    parent: str
    address: str
    place: str
    head_position: str
    head_name: str
    head_nip: str


DEFAULT_LETTERHEAD = Letterhead(name="Balai Pelatihan Koperasi dan UKM", parent="Dinas Koperasi dan UKM",
                                address="", place="", head_position="Kepala Balai", head_name="", head_nip="")


@dataclass(frozen=True)
class Letter:
    number: str
    on: date
    subject: str  # Perihal
    to: list[str]  # Kepada Yth. lines
    paragraphs: list[str]  # plain text; escaped here
    details: list[tuple[str, str]]  # label / value rows shown as a table after the first paragraph


def date_id(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


@cache
def _font(bold: bool = False) -> str:
    name = "Narsum-Bold" if bold else "Narsum"
    pdfmetrics.registerFont(TTFont(name, str(_FONTS / ("VeraBd.ttf" if bold else "Vera.ttf"))))
    return name


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=_font(), fontSize=10.5, leading=15, alignment=TA_JUSTIFY, spaceAfter=6)
    return {
        "body": body,
        "plain": ParagraphStyle("plain", parent=body, alignment=0, spaceAfter=0),
        "org": ParagraphStyle("org", parent=body, fontName=_font(True), fontSize=14, leading=18, alignment=TA_CENTER,
                              spaceAfter=0),
        "parent": ParagraphStyle("parent", parent=body, fontSize=11, leading=14, alignment=TA_CENTER, spaceAfter=0),
        "addr": ParagraphStyle("addr", parent=body, fontSize=9, leading=12, alignment=TA_CENTER, spaceAfter=0),
        "bold": ParagraphStyle("bold", parent=body, fontName=_font(True), alignment=0, spaceAfter=0),
    }


def render_letter(head: Letterhead, letter: Letter) -> bytes:
    """The letter as a one-page A4 PDF."""
    st = _styles()
    out = BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=25 * mm, rightMargin=20 * mm, topMargin=15 * mm,
                            bottomMargin=20 * mm, title=letter.subject, author=head.name)
    width = A4[0] - 45 * mm
    story: list = []
    if head.parent:
        story.append(Paragraph(escape(head.parent.upper()), st["parent"]))
    story.append(Paragraph(escape(head.name.upper()), st["org"]))
    if head.address:
        story.append(Paragraph(escape(head.address), st["addr"]))
    story += [Spacer(1, 2 * mm), HRFlowable(width="100%", thickness=1.6, color=colors.black, spaceAfter=1),
              HRFlowable(width="100%", thickness=0.5, color=colors.black, spaceAfter=6 * mm)]
    place = f"{head.place}, " if head.place else ""
    meta = Table([[Paragraph("Nomor", st["plain"]), Paragraph(f": {escape(letter.number)}", st["plain"]),
                   Paragraph(escape(place + date_id(letter.on)), st["plain"])],
                  [Paragraph("Lampiran", st["plain"]), Paragraph(": -", st["plain"]), ""],
                  [Paragraph("Perihal", st["plain"]), Paragraph(f": <b>{escape(letter.subject)}</b>", st["plain"]), ""]],
                 colWidths=[22 * mm, width - 82 * mm, 60 * mm])
    meta.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("ALIGN", (2, 0), (2, 0), "RIGHT")]))
    story += [meta, Spacer(1, 6 * mm), Paragraph("Kepada Yth.", st["plain"])]
    story += [Paragraph(escape(line), st["plain"]) for line in letter.to if line]
    story += [Paragraph("di tempat", st["plain"]), Spacer(1, 6 * mm)]
    for i, text in enumerate(letter.paragraphs):
        story.append(Paragraph(escape(text).replace("\n", "<br/>"), st["body"]))
        if i == 0 and letter.details:
            rows = [[Paragraph(escape(k), st["plain"]), Paragraph(": " + escape(v).replace("\n", "<br/>"), st["plain"])]
                    for k, v in letter.details]
            table = Table(rows, colWidths=[45 * mm, width - 55 * mm])
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 10 * mm),
                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
            story += [table, Spacer(1, 4 * mm)]
    sign = [Paragraph(escape(head.head_position or "Kepala"), st["plain"]), Spacer(1, 20 * mm),
            Paragraph(f"<u>{escape(head.head_name)}</u>" if head.head_name else "(.................................)",
                      st["bold"])]
    if head.head_nip:
        sign.append(Paragraph(escape(f"NIP. {head.head_nip}"), st["plain"]))
    block = Table([["", sign]], colWidths=[width - 75 * mm, 75 * mm])
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [Spacer(1, 8 * mm), block]
    doc.build(story)
    return out.getvalue()
