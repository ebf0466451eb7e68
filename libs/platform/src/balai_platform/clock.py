"""The clock seam: services ask `Clock` for the time so tests can control it."""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Clock:
    """`now()` in UTC and `today()` on the local (WIB) calendar, from a replaceable source."""

    def __init__(self, source: Callable[[], datetime] = utcnow, tz: ZoneInfo = WIB) -> None:
        self.source = source
        self.tz = tz

    def now(self) -> datetime:
        return self.source()

    def today(self) -> date:
        return self.now().astimezone(self.tz).date()
