"""Paper-form sheets: template → filled → parsed; bad rows named; bad files refused; safe exports."""
from __future__ import annotations

import csv
import io
import zipfile

import pytest
from openpyxl import load_workbook

from survey.adapters.spreadsheets import (
    MAX_BYTES,
    SheetErrors,
    export_rows_csv,
    export_rows_xlsx,
    paper_template_xlsx,
    parse_paper_sheet,
)
from survey.domain.questionnaire import default_content

GOOD = ["Tidak", "Budi Santoso", "budi@contoh.id", "0812-3456-7890", 34.0, "L", "Semarang", "S1",
        "Wirausaha/Pelaku UMKM", *[4, 3, 3, 4, 3, 4, 4, 2, 3], *[4, 4, 4, 3, 4, 4, 4, 4, 4],
        "Wifi asrama diperkuat"]
ANON = ["Ya", None, None, None, None, None, None, None, None, *[3] * 9, *[4] * 9, None]


def _filled(rows: list[list[object]]) -> bytes:
    book = load_workbook(io.BytesIO(paper_template_xlsx(default_content())))
    sheet = book["Data"]  # typed from row 2 down, as a person fills it
    for n, r in enumerate(rows, start=2):
        for col, value in enumerate(r, start=1):
            sheet.cell(row=n, column=col, value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _csv(rows: list[list[object]], delimiter: str = ",") -> bytes:
    header = [c.value for c in load_workbook(io.BytesIO(paper_template_xlsx(default_content())))
              ["Data"][1]]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def test_template_has_headers_validations_and_instructions():
    book = load_workbook(io.BytesIO(paper_template_xlsx(default_content())))
    assert book.sheetnames == ["Data", "Petunjuk"]
    header = [c.value for c in book["Data"][1]]
    assert header[:2] == ["Anonim", "Nama"] and "U9 Kepentingan" in header
    ranges = [str(v.sqref) for v in book["Data"].data_validations.dataValidation]
    assert any(r.startswith("J2:") for r in ranges)  # U1 Kinerja … U9 Kepentingan: 1–4
    assert "Persyaratan" in " ".join(str(c.value) for c in book["Petunjuk"]["A"])


def test_round_trip_template_to_parse():
    rows = parse_paper_sheet(_filled([GOOD, ANON]), "isian.xlsx")
    assert [r.row for r in rows] == [2, 3]
    first, second = rows
    assert first.respondent.name == "Budi Santoso" and first.respondent.phone == "081234567890"
    assert first.performance == (4, 3, 3, 4, 3, 4, 4, 2, 3)
    assert first.importance[3] == 3 and first.suggestion == "Wifi asrama diperkuat"
    assert not first.anonymous and second.anonymous
    assert second.respondent.name is None


def test_csv_by_content_with_semicolons_and_blank_lines():
    data = _csv([[str(c) if c is not None else "" for c in GOOD], [""] * len(GOOD)], ";")
    rows = parse_paper_sheet(data, "apa-saja.xlsx")  # the name does not decide, the content does
    assert len(rows) == 1 and rows[0].respondent.education == "S1"


def test_every_bad_row_is_reported_with_its_number_and_nothing_is_returned():
    bad_score = list(GOOD)
    bad_score[9] = 5  # U1 Kinerja
    bad_sex = list(GOOD)
    bad_sex[5] = "X"
    with pytest.raises(SheetErrors) as caught:
        parse_paper_sheet(_filled([GOOD, bad_score, GOOD, bad_sex]), "isian.xlsx")
    rows = caught.value.rows
    assert [n for n, _ in rows] == [3, 5]
    assert "U1 Kinerja" in rows[0][1] and "Jenis Kelamin" in rows[1][1]


def test_missing_columns_are_named():
    with pytest.raises(SheetErrors) as caught:
        parse_paper_sheet(b"Nama,Umur\nBudi,30\n", "x.csv")
    assert caught.value.rows[0][0] == 1 and "U1 Kinerja" in caught.value.rows[0][1]


@pytest.mark.parametrize("data", [
    b"", b"\x00\x01\x02binary\x00", b"PK\x03\x04not really a zip", b"x" * (MAX_BYTES + 1),
])
def test_bad_files_are_refused(data):
    with pytest.raises(SheetErrors) as caught:
        parse_paper_sheet(data, "isian.xlsx")
    assert caught.value.rows[0][0] == 0


def test_zip_bomb_is_refused_before_parsing():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<" + b"a" * (45 * 1024 * 1024))
    with pytest.raises(SheetErrors, match="terlalu besar"):
        parse_paper_sheet(out.getvalue(), "bom.xlsx")


def test_a_header_only_sheet_is_refused():
    with pytest.raises(SheetErrors):
        parse_paper_sheet(_filled([]), "kosong.xlsx")


ROWS = [{"No": 1, "Nama": "=HYPERLINK(\"http://x\")", "Umur": 30, "Masukan/Saran": "+62 cepat"},
        {"No": 2, "Nama": "@SUM(A1)", "Umur": None, "Masukan/Saran": "-baik\x07"}]


def test_csv_export_guards_formula_injection():
    text = export_rows_csv(ROWS).decode("utf-8")
    assert text.startswith("\ufeffNo,Nama,Umur,Masukan/Saran")
    parsed = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert parsed[1][1].startswith("'=") and parsed[1][3] == "'+62 cepat"
    assert parsed[2][1] == "'@SUM(A1)" and parsed[2][2] == ""


def test_xlsx_export_keeps_text_as_text():
    sheet = load_workbook(io.BytesIO(export_rows_xlsx(ROWS)))["Data"]
    assert [c.value for c in sheet[1]] == ["No", "Nama", "Umur", "Masukan/Saran"]
    assert sheet["B2"].data_type == "s" and sheet["B2"].value.startswith("'=")
    assert sheet["C2"].value == 30
    assert sheet["D3"].value == "'-baik"  # control character dropped


def test_empty_export_is_still_a_file():
    assert export_rows_csv([]).startswith(b"\xef\xbb\xbf")
    assert export_rows_xlsx([])[:2] == b"PK"
