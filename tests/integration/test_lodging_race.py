"""Lodging on the real broker and PostgreSQL with two lodging instances consuming (issue 9, Show):
200 AttendanceConfirmed for 60 beds at once give 60 stays and 140 waiting, never two guests in one bed
on one night; a redelivered event gives one stay; a cancellation moves the waiting list."""
from __future__ import annotations

import asyncio
import json
import time
import urllib.request
import uuid

import pytest

from services.lodging.tests.support import (
    attendance,
    cancellation,
    connect,
    dormitory,
    double_bookings,
    publish,
    second_instance,
    wait_for,
)

pytestmark = pytest.mark.integration



@pytest.fixture(scope="module")
def two_instances(balai_stack):
    with second_instance(balai_stack) as (proc, log):
        # the second member joins the groups and the partitions are split; wait until it consumes
        port = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and port is None:
            port = _port_of(proc)
            time.sleep(0.2)
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1) as r:
                    if json.loads(r.read())["checks"].get("consumers"):
                        break
            except Exception:
                pass
            time.sleep(0.3)
        time.sleep(12)  # group rebalance on the dev broker
        yield log


def _port_of(proc) -> int | None:
    args = proc.args
    return int(args[args.index("--port") + 1])


async def _counts(conn, org_id) -> dict[str, int]:
    rows = await conn.fetch("SELECT status, count(*) AS n FROM stays WHERE org_id = $1 GROUP BY status", org_id)
    return {r["status"]: r["n"] for r in rows}


async def test_200_confirmations_for_60_beds_with_two_instances(balai_stack, two_instances):
    org = uuid.uuid4()
    conn = await connect(balai_stack)
    try:
        await dormitory(conn, org, rooms=15, beds=4)
        training = uuid.uuid4()
        envs = [attendance(org, training_id=training, business_id=uuid.uuid4()) for _ in range(200)]
        await publish(balai_stack.kafka_bootstrap, envs)

        async def all_there():
            return sum((await _counts(conn, org)).values()) == 200
        await wait_for(all_there, timeout=180, interval=0.5)
        counts = await _counts(conn, org)
        assert counts == {"assigned": 60, "waiting": 140}, counts
        assert await double_bookings(conn, org) == 0
        assert await conn.fetchval("SELECT count(DISTINCT bed_id) FROM stays WHERE org_id = $1", org) == 60
        events = await conn.fetch(
            "SELECT event_type, count(*) AS n FROM outbox WHERE payload->'data'->>'org_id' = $1 GROUP BY 1", str(org))
        assert {e["event_type"]: e["n"] for e in events} == {"RoomAssigned": 60, "RoomWaitlisted": 140}
        second = two_instances.read_text(errors="replace")
        # both instances did part of the work (the second one's log has consumed confirmations)
        assert second.count('"AttendanceConfirmed"') > 0

        # the same event delivered twice (and a third time): still one stay
        again = envs[7]
        await publish(balai_stack.kafka_bootstrap, [again, again])
        marker = attendance(org, training_id=training, enrollment_id=uuid.UUID(again.subject))
        await publish(balai_stack.kafka_bootstrap, [marker])  # same key, behind them; also a duplicate
        await asyncio.sleep(3)
        assert await conn.fetchval("SELECT count(*) FROM stays WHERE enrollment_id = $1",
                                   uuid.UUID(again.subject)) == 1
        assert sum((await _counts(conn, org)).values()) == 200

        # a cancellation frees a bed and the oldest waiting participant gets it at once
        holder = await conn.fetchrow("SELECT enrollment_id, bed_id FROM stays WHERE org_id = $1 AND "
                                     "status = 'assigned' LIMIT 1", org)
        oldest = await conn.fetchval("SELECT id FROM stays WHERE org_id = $1 AND status = 'waiting' "
                                     "ORDER BY waiting_since, id LIMIT 1", org)
        env = next(e for e in envs if e.subject == str(holder["enrollment_id"]))
        await publish(balai_stack.kafka_bootstrap, [cancellation(env)])

        async def moved():
            return await conn.fetchval("SELECT status FROM stays WHERE id = $1", oldest) == "assigned"
        await wait_for(moved, timeout=60)
        assert await conn.fetchval("SELECT bed_id FROM stays WHERE id = $1", oldest) == holder["bed_id"]
        assert await _counts(conn, org) == {"assigned": 60, "waiting": 139, "released": 1}
        assert await double_bookings(conn, org) == 0
    finally:
        await conn.close()
