"""SKM periods: calendar quarters, halves or years, named as the offices name them.

"Semester I Th. 2024 (01-01-2024 s.d. 30-06-2024)", "Triwulan III Th. 2024 (01-07-2024 s.d.
30-09-2024)", "Tahun 2024 (01-01-2024 s.d. 31-12-2024)". Pure Python.
"""
from __future__ import annotations

import calendar
from datetime import date

from balai_platform.errors import InvalidInput

PERIOD_MONTHS = (3, 6, 12)
_ROMAN = ("I", "II", "III", "IV")


def _check_months(months: int) -> None:
    if months not in PERIOD_MONTHS:
        raise InvalidInput({"months": "Periode harus 3, 6 atau 12 bulan"})


def period_bounds(day: date, months: int) -> tuple[date, date]:
    """The calendar period of ``months`` (3, 6 or 12) that contains ``day``: (first, last day)."""
    _check_months(months)
    first_month = (day.month - 1) // months * months + 1
    last_month = first_month + months - 1
    return (date(day.year, first_month, 1),
            date(day.year, last_month, calendar.monthrange(day.year, last_month)[1]))


def periods_of(year: int, months: int) -> list[tuple[date, date]]:
    """Every period of ``months`` in ``year``, in order."""
    _check_months(months)
    return [period_bounds(date(year, m, 1), months) for m in range(1, 13, months)]


def _span_months(start: date, end: date) -> int | None:
    """3, 6 or 12 when start..end is exactly one calendar period, else None."""
    for months in PERIOD_MONTHS:
        if period_bounds(start, months) == (start, end):
            return months
    return None


def period_name(start: date, end: date, months: int | None = None) -> str:
    """The period's official name; a free range gets "Periode (… s.d. …)"."""
    if end < start:
        raise InvalidInput({"end": "Tanggal akhir periode tidak boleh sebelum tanggal awal"})
    span = months if months is not None and period_bounds(start, months) == (start, end) else None
    span = span or _span_months(start, end)
    bounds = f"({start:%d-%m-%Y} s.d. {end:%d-%m-%Y})"
    if span == 12:
        return f"Tahun {start.year} {bounds}"
    if span == 6:
        return f"Semester {_ROMAN[(start.month - 1) // 6]} Th. {start.year} {bounds}"
    if span == 3:
        return f"Triwulan {_ROMAN[(start.month - 1) // 3]} Th. {start.year} {bounds}"
    return f"Periode {bounds}"
