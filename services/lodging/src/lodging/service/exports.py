"""The room list of a training as CSV or XLSX (a minimal Office Open XML workbook, no dependency)."""
from __future__ import annotations

import csv
import io
import zipfile
from xml.sax.saxutils import escape

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER = ["No", "Nama Peserta", "Username", "Wisma/Gedung", "Kamar", "Lantai", "Tempat Tidur",
          "Malam Pertama", "Malam Terakhir", "Status", "Kebutuhan"]


def rows_of(data: dict) -> list[list[str]]:
    return [[str(i), s["participant_name"], s["username"], s["building_name"] or "", s["room_code"] or "",
             "" if s["floor"] is None else str(s["floor"]), s["bed_label"] or "",
             s["first_night"].strftime("%d-%m-%Y"), s["last_night"].strftime("%d-%m-%Y"), s["status_label"],
             s["need"]] for i, s in enumerate(data["items"], 1)]


def _safe(cell: str) -> str:
    """A cell a spreadsheet would run as a formula is quoted (CSV injection)."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def to_csv(data: dict) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(HEADER)
    writer.writerows([[_safe(c) for c in row] for row in rows_of(data)])
    return ("\ufeff" + buf.getvalue()).encode()


def _col(n: int) -> str:
    return chr(ord("A") + n)


def to_xlsx(data: dict) -> bytes:
    rows = [HEADER, *rows_of(data)]
    sheet_rows = "".join(
        f'<row r="{r}">' + "".join(f'<c r="{_col(c)}{r}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
                                   for c, v in enumerate(row)) + "</row>" for r, row in enumerate(rows, 1))
    ns = "http://schemas.openxmlformats.org"
    files = {
        "[Content_Types].xml": f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{ns}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '</Types>',
        "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}/spreadsheetml/2006/main" '
        f'xmlns:r="{ns}/officeDocument/2006/relationships"><sheets><sheet name="Daftar Kamar" sheetId="1" r:id="rId1"/>'
        '</sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '</Relationships>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}/spreadsheetml/2006/main">'
        f'<sheetData>{sheet_rows}</sheetData></worksheet>',
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            z.writestr(name, content)
    return buf.getvalue()


def render(data: dict, fmt: str) -> tuple[bytes, str, str]:
    if fmt == "xlsx":
        return to_xlsx(data), XLSX, "xlsx"
    return to_csv(data), "text/csv; charset=utf-8", "csv"
