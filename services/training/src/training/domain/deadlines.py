"""The organisation's service-standard time limits (Standar Pelayanan), as training enforces them.

Identity publishes them (ServiceStandardsPublished); training keeps a copy per organisation
(`{key: [amount, unit]}`). A key the organisation has not published falls back to the standard's
default (DEFAULT_DEADLINES: first consultation answer 3 working hours, verification 3 working days)."""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from balai_contracts.identity import (
    DEADLINE_CONSULTATION_ANSWER,
    DEADLINE_ENROLLMENT_VERIFICATION,
    DEFAULT_DEADLINES,
)
from balai_platform.workdays import WORK_END, WORK_START, due_at

UNITS = ("working_days", "working_hours")
HOURS_A_DAY = (WORK_END.hour - WORK_START.hour)  # 8 working hours make a working day
UNIT_LABELS = {"working_days": "hari kerja", "working_hours": "jam kerja"}

__all__ = ["DEADLINE_CONSULTATION_ANSWER", "DEADLINE_ENROLLMENT_VERIFICATION", "Limit", "limit_of",
           "stored_form", "verification_working_days"]


@dataclass(frozen=True)
class Limit:
    amount: int
    unit: str  # working_days | working_hours

    @property
    def label(self) -> str:
        """"3 jam kerja", "5 hari kerja"."""
        return f"{self.amount} {UNIT_LABELS[self.unit]}"

    def due(self, start: datetime) -> datetime:
        """When this limit, started at `start`, runs out (UTC; working days/hours, holidays excluded)."""
        return due_at(start, self.amount, self.unit)


def limit_of(stored: Mapping[str, object] | None, key: str, default: Limit | None = None) -> Limit:
    """The organisation's limit for `key`; `default` (else the standard's) when it published none
    (or a bad one)."""
    value = (stored or {}).get(key)
    if isinstance(value, list | tuple) and len(value) == 2:
        amount, unit = value
        if isinstance(amount, int) and amount >= 1 and unit in UNITS:
            return Limit(amount, unit)
    if default is not None:
        return default
    amount, unit = DEFAULT_DEADLINES[key]
    return Limit(amount, unit)


def stored_form(deadlines: list) -> dict[str, list]:
    """An event's deadlines as the copy stores them; keys training does not use are kept (harmless)."""
    return {d.key: [d.amount, d.unit] for d in deadlines}


def verification_working_days(limit: Limit) -> int:
    """The Verifikasi queue counts whole working days; a limit in hours is rounded up to days."""
    if limit.unit == "working_days":
        return limit.amount
    return max(1, math.ceil(limit.amount / HOURS_A_DAY))
