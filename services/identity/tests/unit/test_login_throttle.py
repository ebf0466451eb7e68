"""The login throttle with a fake clock: delays grow to a cap; only an IP is blocked for the window."""
from __future__ import annotations

from datetime import datetime

import pytest

from balai_platform.testing import FrozenClock
from identity.domain.login_throttle import FailureStats, LoginThrottlePolicy
from identity.service.errors import TooManyAttempts
from identity.service.sessions import check_throttle

POLICY = LoginThrottlePolicy(free_failures=5, max_delay_seconds=30, ip_max_failures=30, window_seconds=900)


class FakeFailures:
    """In-memory failed-login log keyed like the real one."""

    def __init__(self) -> None:
        self.rows: list[tuple[bytes, datetime]] = []

    async def stats(self, key: bytes, since: datetime) -> FailureStats:
        times = sorted(at for k, at in self.rows if k == key and at > since)
        return FailureStats(len(times), times[0] if times else None, times[-1] if times else None)

    async def add(self, keys: list[bytes], at: datetime) -> None:
        self.rows += [(k, at) for k in keys]


def test_first_failures_cost_nothing_then_the_delay_doubles_to_the_cap():
    assert [POLICY.account_delay(n) for n in range(4, 12)] == [0, 2, 4, 8, 16, 30, 30, 30]
    assert POLICY.account_delay(10_000) == 30


def test_account_wait_counts_from_the_last_failure():
    clock = FrozenClock()
    stats = FailureStats(count=6, first_at=clock.now, last_at=clock.advance(seconds=10))
    assert POLICY.account_wait(stats, clock.now) == 4
    assert POLICY.account_wait(stats, clock.advance(seconds=1.5)) == 3
    assert POLICY.account_wait(stats, clock.advance(seconds=2.5)) == 0


async def test_owner_is_never_locked_out_for_the_window_by_an_attacker():
    clock, failures = FrozenClock(), FakeFailures()
    acct = b"acct"
    for attempt in range(200):  # an attacker from ever new IPs, as fast as allowed
        ip = f"ip{attempt}".encode()
        try:
            await check_throttle(POLICY, failures, clock(), acct, ip)
        except TooManyAttempts as exc:
            assert exc.retry_after <= POLICY.max_delay_seconds
            clock.advance(seconds=exc.retry_after)
            continue
        await failures.add([acct, ip], clock())
    await failures.add([acct, b"ip-last"], clock())  # the attacker's latest failure was just now
    # the owner, from her own IP, only waits out the current delay
    with pytest.raises(TooManyAttempts) as refused:
        await check_throttle(POLICY, failures, clock(), acct, b"owner-ip")
    assert refused.value.retry_after <= 30 and "detik" in refused.value.detail
    clock.advance(seconds=refused.value.retry_after)
    await check_throttle(POLICY, failures, clock(), acct, b"owner-ip")


async def test_an_ip_is_refused_for_the_window_after_its_limit():
    clock, failures = FrozenClock(), FakeFailures()
    for n in range(30):
        await check_throttle(POLICY, failures, clock(), f"acct{n}".encode(), b"ip")
        await failures.add([f"acct{n}".encode(), b"ip"], clock())
        clock.advance(seconds=1)
    with pytest.raises(TooManyAttempts) as refused:
        await check_throttle(POLICY, failures, clock(), b"fresh-account", b"ip")
    assert 800 < refused.value.retry_after <= 900 and "menit" in refused.value.detail
    clock.advance(seconds=refused.value.retry_after)
    await check_throttle(POLICY, failures, clock(), b"fresh-account", b"ip")
