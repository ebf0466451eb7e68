"""Readiness probes: database and broker reachable."""
from __future__ import annotations

import asyncio

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine


async def database_ready(engine: AsyncEngine) -> bool:
    try:
        async with asyncio.timeout(2):
            async with engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        return True
    except Exception:
        return False


async def broker_ready(bootstrap: str) -> bool:
    host, _, port = bootstrap.split(",")[0].rpartition(":")
    try:
        async with asyncio.timeout(2):
            _, writer = await asyncio.open_connection(host or "127.0.0.1", int(port))
            writer.close()
        return True
    except Exception:
        return False


def service_checks(*, database: bool, broker: bool, consumers: bool | None,
                   requires_broker: bool) -> tuple[dict[str, bool], dict[str, bool]]:
    """(required, informational) checks of a service's /readyz; only the required decide.

    - database: always required.
    - consumers (None for a service that consumes nothing): required once the broker is
      reachable, so a new process is ready only after its consumers have joined their groups
      (a rolling update then never stops the old process while the new one is still joining).
      While the broker is unreachable they cannot start, and like the broker itself they only
      inform: the outbox absorbs a broker outage, which must not take every replica out of its
      Service.
    - broker: informational unless `requires_broker` (then the consumers are required too).
    """
    required = {"database": database}
    info = {"broker": broker}
    if consumers is not None:
        if broker or requires_broker:
            required["consumers"] = consumers
        else:
            info["consumers"] = consumers
    if requires_broker:
        return {**required, **info}, {}
    return required, info
