"""Paper forms in bulk: the XLSX template, reading a filled sheet (XLSX or CSV), raw exports.

``parse_paper_sheet`` decides the format by content (a ZIP container is XLSX, anything else must
be UTF-8/Windows text CSV with , ; or tab), checks every row with ``validate_response`` — the
same rules as the online form — and raises ``SheetErrors`` listing EVERY bad row with its row
number as the spreadsheet shows it (header = row 1); the caller then stores nothing.
Exports guard against formula injection: a text cell starting with = + - @ (or a tab/CR) gets a
leading apostrophe, so Excel/LibreOffice show it as text instead of running it.
"""
from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Mapping

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from balai_platform.errors import InvalidInput
from survey.adapters.sheet_template import COLUMNS, paper_template_xlsx
from survey.domain.response_input import PaperResponse, validate_response

__all__ = ["MAX_BYTES", "MAX_ROWS", "SheetErrors", "export_rows_csv", "export_rows_xlsx",
           "paper_template_xlsx", "parse_paper_sheet"]

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
MAX_UNZIPPED = 40 * 1024 * 1024  # a 2 MB XLSX never needs more; stops zip bombs
_HEADER_TO_KEY = {label.casefold(): key for key, label in COLUMNS}
_LABEL = dict(COLUMNS)
_REQUIRED = [k for k, _ in COLUMNS if k[0] in "pi" and k[1:].isdigit()]


class SheetErrors(Exception):
    """Every bad row of a sheet: [(row_number, message)]; row 0 = the file itself."""

    def __init__(self, rows: list[tuple[int, str]]) -> None:
        super().__init__(rows)
        self.rows = rows


def _xlsx_rows(data: bytes) -> list[list[object]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(i.file_size for i in archive.infolist()) > MAX_UNZIPPED:
                raise SheetErrors([(0, "Isi berkas XLSX terlalu besar")])
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except SheetErrors:
        raise
    except Exception:
        raise SheetErrors([(0, "Berkas XLSX tidak dapat dibaca; gunakan templat dari halaman ini")]) \
            from None
    sheet = book["Data"] if "Data" in book.sheetnames else book.worksheets[0]
    rows: list[list[object]] = []
    for row in sheet.iter_rows(values_only=True):
        rows.append(list(row))
        if len(rows) > MAX_ROWS + 1:
            break
    book.close()
    return rows


def _csv_rows(data: bytes) -> list[list[object]]:
    if b"\x00" in data[:4096]:
        raise SheetErrors([(0, "Berkas bukan XLSX atau CSV")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    rows: list[list[object]] = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        rows.append(list(row))
        if len(rows) > MAX_ROWS + 1:
            break
    return rows


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell(value: object) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)  # Excel stores 3 as 3.0
    return value


def _header(row: list[object]) -> list[str | None]:
    keys = [_HEADER_TO_KEY.get(str(c).strip().casefold()) if not _blank(c) else None for c in row]
    missing = [_LABEL[k] for k in _REQUIRED if k not in keys]
    if missing:
        raise SheetErrors([(1, "Kolom wajib tidak ditemukan: " + ", ".join(missing)
                            + ". Gunakan templat dari halaman ini")])
    return keys


def _message(errors: dict[str, str]) -> str:
    return "; ".join(f"{_LABEL.get(k, k)}: {m}" for k, m in errors.items())


def parse_paper_sheet(data: bytes, filename: str = "") -> list[PaperResponse]:
    """Every row as a PaperResponse, or SheetErrors naming every bad row (nothing half-read)."""
    if not data:
        raise SheetErrors([(0, "Berkas kosong")])
    if len(data) > MAX_BYTES:
        raise SheetErrors([(0, f"Berkas paling besar {MAX_BYTES // (1024 * 1024)} MB")])
    rows = _xlsx_rows(data) if data[:4] == b"PK\x03\x04" else _csv_rows(data)
    while rows and all(_blank(c) for c in rows[0]):
        rows.pop(0)  # tolerate blank lines above the header (row numbers stay honest below)
    if not rows:
        raise SheetErrors([(0, "Berkas tidak berisi data")])
    offset = 1
    keys = _header(rows[0])
    body = rows[1:]
    if len(body) > MAX_ROWS:
        raise SheetErrors([(0, f"Paling banyak {MAX_ROWS} baris per berkas; bagi berkasnya")])
    found: list[PaperResponse] = []
    bad: list[tuple[int, str]] = []
    for index, row in enumerate(body, start=offset + 1):
        if all(_blank(c) for c in row):
            continue
        raw: dict[str, object] = {k: _cell(v) for k, v in zip(keys, row, strict=False) if k}
        if _blank(raw.get("anonymous")):
            raw["anonymous"] = "ya" if _blank(raw.get("name")) else "tidak"
        try:
            answer = validate_response(raw)
        except InvalidInput as exc:
            bad.append((index, _message(exc.errors)))
            continue
        found.append(PaperResponse(answer.respondent, answer.anonymous, answer.performance,
                                   answer.importance, answer.suggestion, row=index))
    if bad:
        raise SheetErrors(bad)
    if not found:
        raise SheetErrors([(0, "Tidak ada baris jawaban di bawah judul kolom")])
    return found


def _safe(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, int | float):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def _header_of(rows: list[Mapping[str, object]]) -> list[str]:
    return list(rows[0].keys()) if rows else []


def export_rows_csv(rows: Iterable[Mapping[str, object]]) -> bytes:
    """Rows (dicts with the same keys) as UTF-8 CSV with a BOM, so Excel reads the accents."""
    rows = list(rows)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    header = _header_of(rows)
    writer.writerow([_safe(h) for h in header])
    for row in rows:
        writer.writerow([_safe(row.get(h)) for h in header])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def export_rows_xlsx(rows: Iterable[Mapping[str, object]]) -> bytes:
    """Rows as one XLSX sheet "Data"; text that looks like a formula stays text."""
    rows = list(rows)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Data")
    header = _header_of(rows)
    sheet.freeze_panes = "A2"
    sheet.append([_safe(h) for h in header])
    for row in rows:
        sheet.append([_safe(row.get(h)) for h in header])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
