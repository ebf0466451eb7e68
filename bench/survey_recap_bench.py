"""Benchmark of the survey's pure parts (not a test; no stack needed). Prints, each next to a
bare baseline measured in the same run on the same machine:
- ikm.recap() from the period's Totals (what the SQL aggregation returns) vs a bare sum of
  18 Fractions; and the Python-side summing of 100,000 in-memory answers into Totals, to show
  what the SQL aggregation saves;
- render_report() of a realistic period (312 answers, 3 charts, 25 suggestions, ~9 pages) vs an
  empty one-paragraph reportlab document with the same embedded fonts;
- the QR sheet, the paper form, the XLSX template, parsing 1,000 paper rows (XLSX and CSV).
Run: .venv/bin/python bench/survey_recap_bench.py
"""
from __future__ import annotations

import io
import random
import statistics
import sys
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportlab.platypus import SimpleDocTemplate  # noqa: E402

from bench.benchlib import Row, report  # noqa: E402
from services.survey.tests.unit.report_samples import TOTALS, sample_report  # noqa: E402
from survey.adapters.pdf_common import doc_fonts, para  # noqa: E402
from survey.adapters.printables import paper_form_pdf, qr_sheet_pdf  # noqa: E402
from survey.adapters.spreadsheets import (  # noqa: E402
    export_rows_csv,
    export_rows_xlsx,
    paper_template_xlsx,
    parse_paper_sheet,
)
from survey.domain.ikm import Totals, recap  # noqa: E402
from survey.domain.questionnaire import default_content  # noqa: E402


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(median, p95) in milliseconds."""
    fn()  # warm-up (font registration, imports)
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(0.95 * len(samples)))]


def line(label: str, result: tuple[float, float], baseline: tuple[str, tuple[float, float]] | None = None) -> None:
    """Print the line; a line with a baseline is also a row of make bench's table."""
    print(f"  {label:<58} median {result[0]:9.3f} ms   p95 {result[1]:9.3f} ms")
    if baseline is not None:
        name, base = baseline
        report(Row(f"survey {label}, median", round(result[0], 2), "ms", f"{name} {base[0]:.2f} ms",
                   result[0] / base[0] if base[0] else None))


def bare_pdf() -> bytes:
    out = io.BytesIO()
    SimpleDocTemplate(out, **doc_fonts()).build([para("Laporan")])
    return out.getvalue()


def python_totals(answers: list[tuple[int, ...]]) -> Totals:
    perf = [0] * 9
    imp = [0] * 9
    for row in answers:
        for i in range(9):
            perf[i] += row[i]
            imp[i] += row[9 + i]
    return Totals(len(answers), tuple(perf), tuple(imp))


def paper_rows(n: int) -> list[dict[str, object]]:
    rnd = random.Random(7)
    rows = []
    for _ in range(n):
        row: dict[str, object] = {"Anonim": "Ya"}
        row.update({f"U{k} Kinerja": rnd.randint(2, 4) for k in range(1, 10)})
        row.update({f"U{k} Kepentingan": rnd.randint(3, 4) for k in range(1, 10)})
        row["Masukan/Saran"] = "Pelayanan baik"
        rows.append(row)
    return rows


def main() -> None:
    rnd = random.Random(1)
    answers = [tuple(rnd.randint(1, 4) for _ in range(18)) for _ in range(100_000)]
    fractions = [Fraction(t, TOTALS.n) for t in TOTALS.performance + TOTALS.importance]
    print("IKM recap (exact Fractions)")
    base_sum = timed(lambda: sum(fractions, Fraction(0)), 2000)
    line("baseline: sum of 18 Fractions", base_sum)
    line("recap(Totals) — NRR, IKM, grades, legacy, IPA", timed(lambda: recap(TOTALS), 2000),
         ("sum of 18 Fractions", base_sum))
    line("for scale: Python sum of 100,000 answers into Totals", timed(
        lambda: python_totals(answers), 5))
    print("PDF")
    data = sample_report()
    base_pdf = timed(bare_pdf, 30)
    line("baseline: one-paragraph reportlab document", base_pdf)
    line("render_report (312 answers, ~9 pages, 3 charts)", timed(lambda: sample_report_pdf(data), 15),
         ("one-paragraph reportlab PDF", base_pdf))
    content = default_content()
    line("qr_sheet_pdf", timed(lambda: qr_sheet_pdf("UPT Balai", "Semester I Th. 2024",
                                                    "https://balai.example/skm/x"), 15))
    line("paper_form_pdf", timed(lambda: paper_form_pdf("UPT Balai", "Semester I", content), 15))
    print("Spreadsheets")
    rows = paper_rows(1000)
    xlsx, csv_bytes = export_rows_xlsx(rows), export_rows_csv(rows)
    line("paper_template_xlsx", timed(lambda: paper_template_xlsx(content), 10))
    csv_t = timed(lambda: parse_paper_sheet(csv_bytes, "a.csv"), 5)
    line("parse_paper_sheet, 1,000 rows, CSV", csv_t)
    line("parse_paper_sheet, 1,000 rows, XLSX", timed(lambda: parse_paper_sheet(xlsx, "a.xlsx"), 5),
         ("the same rows as CSV", csv_t))
    line("export_rows_xlsx, 1,000 rows", timed(lambda: export_rows_xlsx(rows), 5))


def sample_report_pdf(data) -> bytes:
    from survey.adapters.report_pdf import render_report

    return render_report(data)


if __name__ == "__main__":
    main()
