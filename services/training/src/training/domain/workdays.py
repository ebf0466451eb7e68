"""Working days of the service standard: Indonesian public holidays and cuti bersama excluded.

lokal-id carries holiday data for a few years only (the SKB is published a year ahead); outside
them a day counts as a working day when it is Monday to Friday."""
from __future__ import annotations

from datetime import date, timedelta

from lokal.holidays import HOLIDAY_YEARS, is_working_day


def working_day(d: date) -> bool:
    if d.year in HOLIDAY_YEARS:
        return is_working_day(d)
    return d.weekday() < 5


def working_days_waited(submitted: date, today: date) -> int:
    """Working days after the day of submission up to and including today."""
    return sum(1 for i in range(1, (today - submitted).days + 1) if working_day(submitted + timedelta(days=i)))


def overdue_until(today: date, limit: int) -> date:
    """The latest submission day that has waited more than `limit` working days by `today`.

    Waiting only grows the earlier the submission, so "overdue" is "submitted on or before this day"
    (one comparison in SQL). Each step back adds at most one working day, and a long holiday run
    (Lebaran's cuti bersama) lasts far less than the 400 days searched."""
    d = today
    for _ in range(limit + 400):
        if working_days_waited(d, today) > limit:
            return d
        d -= timedelta(days=1)
    return d
