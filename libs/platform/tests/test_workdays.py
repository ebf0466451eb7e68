from datetime import UTC, date, datetime

import pytest

from balai_platform.clock import WIB
from balai_platform.workdays import due_at, working_day, working_days_waited


def wib(*args) -> datetime:
    return datetime(*args, tzinfo=WIB)


def test_weekend_and_national_holiday_are_not_working_days():
    assert not working_day(date(2026, 12, 5))      # Saturday
    assert not working_day(date(2026, 12, 25))     # Natal
    assert not working_day(date(2026, 12, 24))     # cuti bersama
    assert working_day(date(2026, 12, 3))


def test_three_working_days_from_monday_end_thursday_afternoon():
    assert due_at(wib(2025, 12, 1, 10, 0), 3, "working_days") == wib(2025, 12, 4, 16, 0).astimezone(UTC)


def test_working_days_skip_christmas_and_the_weekend():
    # Wed 23 Dec 2026: [24 cuti bersama, 25 Natal, weekend], 28 (Mon), 29 (Tue), 30 (Wed)
    due = due_at(wib(2026, 12, 23, 9, 0), 3, "working_days")
    assert due.astimezone(WIB).date() == date(2026, 12, 30)
    assert working_days_waited(date(2026, 12, 23), date(2026, 12, 30)) == 3


def test_working_hours_inside_one_day():
    assert due_at(wib(2025, 12, 3, 9, 0), 3, "working_hours") == wib(2025, 12, 3, 12, 0).astimezone(UTC)


def test_working_hours_carry_over_to_the_next_working_day():
    # Friday 15:00: one hour on Friday, two on Monday from 08:00
    assert due_at(wib(2025, 12, 5, 15, 0), 3, "working_hours") == wib(2025, 12, 8, 10, 0).astimezone(UTC)


def test_working_hours_from_a_saturday_night_start_monday_morning():
    assert due_at(wib(2025, 12, 6, 22, 0), 3, "working_hours") == wib(2025, 12, 8, 11, 0).astimezone(UTC)


def test_bad_units_are_refused():
    with pytest.raises(ValueError):
        due_at(wib(2025, 12, 3, 9, 0), 0, "working_days")
    with pytest.raises(ValueError):
        due_at(wib(2025, 12, 3, 9, 0), 1, "weeks")
