"""The dashboard's "issued this week" starts on Monday (WIB)."""
from __future__ import annotations

from datetime import date

from certificate.service.summary import week_start


def test_week_starts_on_monday():
    assert week_start(date(2026, 12, 3)) == date(2026, 11, 30)  # a Thursday
    assert week_start(date(2026, 11, 30)) == date(2026, 11, 30)
    assert week_start(date(2026, 12, 6)) == date(2026, 11, 30)  # Sunday still belongs to it
