"""Working days of the service standard: Indonesian public holidays and cuti bersama excluded.

lokal-id carries holiday data for a few years only (the SKB is published a year ahead); outside
them a day counts as a working day when it is Monday to Friday. `due_at` turns a service standard's
time limit (working days or working hours) into a deadline."""
from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from lokal.holidays import HOLIDAY_YEARS, is_working_day

from .clock import WIB


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
    d, waited = today, 0  # waited == working_days_waited(d, today), kept as d steps back
    for _ in range(limit + 400):
        if waited > limit:
            return d
        waited += working_day(d)
        d -= timedelta(days=1)
    return d


WORK_START = time(8, 0)
WORK_END = time(16, 0)
"""Working hours of the service standard, WIB (Senin-Jumat 08.00-16.00)."""


def due_at(start: datetime, amount: int, unit: str) -> datetime:
    """When a time limit of `amount` working days or working hours, started at `start`, runs out (UTC).

    working_days: the end (16:00 WIB) of the amount-th working day after the start's day, so
    "3 working days" from a Monday request ends Thursday 16:00. working_hours: counted only inside
    08:00-16:00 WIB on working days; a start outside them counts from the next opening."""
    if amount < 1:
        raise ValueError("amount must be at least 1")
    local = start.astimezone(WIB)
    if unit == "working_days":
        d, left = local.date(), amount
        while left:
            d += timedelta(days=1)
            if working_day(d):
                left -= 1
        return datetime.combine(d, WORK_END, WIB).astimezone(UTC)
    if unit != "working_hours":
        raise ValueError(f"unknown unit {unit!r}")
    cursor, left = local, timedelta(hours=amount)
    while True:
        day = cursor.date()
        opening = datetime.combine(day, WORK_START, WIB)
        closing = datetime.combine(day, WORK_END, WIB)
        if not working_day(day) or cursor >= closing:
            cursor = datetime.combine(day + timedelta(days=1), WORK_START, WIB)
            continue
        cursor = max(cursor, opening)
        if cursor + left <= closing:
            return (cursor + left).astimezone(UTC)
        left -= closing - cursor
        cursor = datetime.combine(day + timedelta(days=1), WORK_START, WIB)
