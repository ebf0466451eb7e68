"""The dashboard's "trainings starting soon" window: today up to 14 days ahead, both ends included."""
from __future__ import annotations

from datetime import date

from training.service.admin_summary import UPCOMING_DAYS, upcoming_window


def test_window_is_today_to_fourteen_days_ahead():
    assert UPCOMING_DAYS == 14
    assert upcoming_window(date(2026, 12, 3)) == (date(2026, 12, 3), date(2026, 12, 17))
    assert upcoming_window(date(2026, 12, 28), 7) == (date(2026, 12, 28), date(2027, 1, 4))
