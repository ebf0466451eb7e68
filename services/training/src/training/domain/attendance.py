"""Presensi and the pass rule of a face-to-face training. Pure."""
from __future__ import annotations

from datetime import date, timedelta


def training_days(start: date, end: date) -> list[date]:
    """Every session day from the first to the last day, both included."""
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def attendance_percent(present_days: int, total_days: int) -> int:
    """Whole percent, rounded down so that a pass is never granted by rounding."""
    if total_days <= 0:
        return 0
    return present_days * 100 // total_days


def passed(attendance_pct: int, min_pct: int, *, has_evaluation: bool, score: int | None,
           pass_mark: int | None) -> bool:
    """Lulus: enough attendance and, when the training has an evaluation, a score at the pass mark."""
    if attendance_pct < min_pct:
        return False
    if has_evaluation:
        return score is not None and score >= (pass_mark or 0)
    return True
