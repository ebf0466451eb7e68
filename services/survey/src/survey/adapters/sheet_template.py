"""The XLSX template an admin fills with paper forms (SOP steps 9–10), one row per form.

Sheet "Data": row 1 the column titles (the same titles the raw export uses), data from row 2,
with drop-down lists where openpyxl can declare them (1–4 per unsur, L/P, Ya/Tidak, the fixed
education and occupation lists). Sheet "Petunjuk": how to fill it and what each unsur asks.
"""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from survey.domain.questionnaire import UNSUR, QuestionnaireContent
from survey.domain.response_input import EDUCATION, OCCUPATION

IDENTITY = [("anonymous", "Anonim"), ("name", "Nama"), ("email", "Email"),
            ("phone", "Telepon"), ("age", "Umur"), ("sex", "Jenis Kelamin"),
            ("address", "Alamat"), ("education", "Pendidikan"), ("occupation", "Pekerjaan")]
COLUMNS: list[tuple[str, str]] = [
    *IDENTITY,
    *[(f"p{i}", f"U{i} Kinerja") for i in range(1, len(UNSUR) + 1)],
    *[(f"i{i}", f"U{i} Kepentingan") for i in range(1, len(UNSUR) + 1)],
    ("suggestion", "Masukan/Saran"),
]
TEMPLATE_ROWS = 1000
_HEAD = PatternFill("solid", fgColor="DFE6EE")


def _list(options: list[str] | tuple[str, ...], prompt: str) -> DataValidation:
    rule = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True)
    rule.error, rule.errorTitle = f"Pilih salah satu: {', '.join(options)}", "Isian tidak valid"
    rule.prompt, rule.promptTitle = prompt, "Petunjuk"
    rule.showErrorMessage = rule.showInputMessage = True
    return rule


def _data_sheet(book: Workbook) -> None:
    sheet = book.active
    sheet.title = "Data"
    sheet.append([label for _, label in COLUMNS])
    for i, (key, _) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=i)
        cell.font, cell.fill = Font(bold=True), _HEAD
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(i)].width = (
            30 if key in {"name", "address", "suggestion", "education", "occupation", "email"}
            else 12)
    sheet.freeze_panes = "B2"
    last = TEMPLATE_ROWS + 1
    phone = [k for k, _ in COLUMNS].index("phone") + 1
    for row in range(2, last + 1):  # text, so Excel keeps the leading 0 of 0812…
        sheet.cell(row=row, column=phone).number_format = "@"

    def column(key: str) -> str:
        return get_column_letter([k for k, _ in COLUMNS].index(key) + 1)

    score = DataValidation(type="whole", operator="between", formula1="1", formula2="4",
                           allow_blank=True)
    score.error, score.errorTitle = "Isi angka 1, 2, 3 atau 4", "Nilai tidak valid"
    score.showErrorMessage = True
    first, final = column("p1"), column(f"i{len(UNSUR)}")
    score.add(f"{first}2:{final}{last}")
    rules = [score,
             _list(["Ya", "Tidak"], "Ya bila responden tidak mengisi identitas"),
             _list(["L", "P"], "L = Laki-laki, P = Perempuan"),
             _list(EDUCATION, "Pendidikan terakhir"), _list(OCCUPATION, "Pekerjaan")]
    for rule, key in zip(rules[1:], ["anonymous", "sex", "education", "occupation"],
                         strict=True):
        rule.add(f"{column(key)}2:{column(key)}{last}")
    age = DataValidation(type="whole", operator="between", formula1="15", formula2="100",
                         allow_blank=True)
    age.error, age.showErrorMessage = "Umur 15–100 tahun", True
    age.add(f"{column('age')}2:{column('age')}{last}")
    for rule in [*rules, age]:
        sheet.add_data_validation(rule)


def _instructions(book: Workbook, content: QuestionnaireContent) -> None:
    sheet = book.create_sheet("Petunjuk")
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 110
    lines = [
        ("Petunjuk pengisian", ""),
        ("1.", "Satu baris pada lembar Data = satu formulir kertas. Jangan mengubah judul kolom."),
        ("2.", "Nilai kinerja dan kepentingan: angka 1 sampai 4 sesuai jawaban yang dicentang."),
        ("3.", "Anonim: Ya bila responden tidak mengisi identitas; bila kosong, baris tanpa nama "
               "dianggap anonim."),
        ("4.", "Jenis Kelamin: L atau P. Umur: 15–100. Pendidikan dan Pekerjaan: pilih dari daftar."),
        ("5.", "Bila ada baris yang salah, tidak ada yang disimpan; halaman impor menyebut nomor "
               "barisnya. Perbaiki lalu unggah lagi."),
        ("", ""),
        ("Unsur", "Pertanyaan (kinerja) — jawaban 1 / 2 / 3 / 4"),
    ]
    for q in content.performance:
        lines.append((f"U{q.unsur} {UNSUR[q.unsur - 1]}",
                      f"{q.text} — " + " / ".join(f"{v} = {a}" for v, a in
                                                  enumerate(q.answers, start=1))))
    lines.append(("Kepentingan", " / ".join(f"{v} = {a}" for v, a in
                                            enumerate(content.importance[0].answers, start=1))))
    for row in lines:
        sheet.append(list(row))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A8"].font = sheet["B8"].font = Font(bold=True)
    for row in sheet.iter_rows(min_row=9):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def paper_template_xlsx(content: QuestionnaireContent) -> bytes:
    book = Workbook()
    _data_sheet(book)
    _instructions(book, content)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
