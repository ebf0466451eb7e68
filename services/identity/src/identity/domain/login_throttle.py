"""How long a login attempt must wait after failures: pure rules, no I/O.

Per account the owner is only ever slowed, never locked out (OWASP ASVS 2.2.1: anti-automation
must not let an attacker deny the owner): after `free_failures` failed attempts, every next
attempt must wait 2 s after the last failure, doubling with each further failure up to
`max_delay` seconds. The correct password after that wait always logs in. Only a client IP gets
a hard refusal for the whole window, so one attacker address cannot keep guessing.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class FailureStats:
    """Failed logins of one key (an account or an IP) within the counting window."""

    count: int = 0
    first_at: datetime | None = None
    last_at: datetime | None = None


@dataclass(frozen=True)
class LoginThrottlePolicy:
    free_failures: int = 5
    max_delay_seconds: int = 30
    ip_max_failures: int = 30
    window_seconds: int = 900

    def account_delay(self, failures: int) -> int:
        """Seconds an attempt must wait after the last of `failures` failed attempts."""
        if failures < self.free_failures:
            return 0
        steps = min(failures - self.free_failures + 1, 16)  # bounded: 2**16 is past any cap
        return min(self.max_delay_seconds, 2 ** steps)

    def account_wait(self, stats: FailureStats, now: datetime) -> int:
        """Whole seconds this account's next attempt must still wait (0: go ahead)."""
        delay = self.account_delay(stats.count)
        if not delay or stats.last_at is None:
            return 0
        return _ceil_seconds(stats.last_at + timedelta(seconds=delay) - now)

    def ip_wait(self, stats: FailureStats, now: datetime) -> int:
        """Whole seconds until this IP may try again (0: go ahead)."""
        if stats.count < self.ip_max_failures or stats.first_at is None:
            return 0
        return max(1, _ceil_seconds(stats.first_at + timedelta(seconds=self.window_seconds) - now))

    def window_start(self, now: datetime) -> datetime:
        return now - timedelta(seconds=self.window_seconds)


def _ceil_seconds(delta: timedelta) -> int:
    return max(0, math.ceil(delta.total_seconds()))
