"""An admin reassigning guests while AttendanceConfirmed events arrive never double-books: every
answer is 200 or a clear 409, and the database holds at most one guest per bed and night."""
from __future__ import annotations

import asyncio
import random
import uuid

import httpx
import pytest

from services.lodging.tests.support import (
    API,
    attendance,
    connect,
    dormitory,
    double_bookings,
    login,
    publish,
    wait_for,
)

pytestmark = pytest.mark.integration


async def test_reassign_while_events_arrive(balai_stack):
    org = uuid.uuid4()
    conn = await connect(balai_stack)
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as client:
        try:
            beds = await dormitory(conn, org, rooms=5, beds=2)
            superadmin = await login(client, balai_stack.admin_username, balai_stack.admin_password)
            training = uuid.uuid4()
            envs = [attendance(org, training_id=training) for _ in range(40)]
            await publish(balai_stack.kafka_bootstrap, envs[:5])
            await wait_for(lambda: conn.fetchval("SELECT count(*) >= 5 FROM stays WHERE org_id = $1", org), timeout=60)
            statuses: list[int] = []

            async def admin_moves():
                rng = random.Random(9)
                for _ in range(60):
                    ids = [r["id"] for r in await conn.fetch("SELECT id FROM stays WHERE org_id = $1", org)]
                    r = await client.post(f"{API}/admin/stays/{rng.choice(ids)}/reassign",
                                          json={"bed_id": str(rng.choice(beds))}, headers=superadmin)
                    statuses.append(r.status_code)
                    if r.status_code == 409:
                        assert r.json()["detail"]

            async def events():
                for i in range(5, 40, 5):
                    await publish(balai_stack.kafka_bootstrap, envs[i:i + 5])
                    await asyncio.sleep(0.1)

            await asyncio.gather(admin_moves(), events())
            await wait_for(lambda: conn.fetchval("SELECT count(*) = 40 FROM stays WHERE org_id = $1", org),
                           timeout=90)
            assert set(statuses) <= {200, 409}, statuses
            assert 200 in statuses and 409 in statuses
            assert await double_bookings(conn, org) == 0
            counts = dict(await conn.fetch("SELECT status, count(*) FROM stays WHERE org_id = $1 GROUP BY 1", org))
            assert counts == {"assigned": 10, "waiting": 30}, counts
        finally:
            await conn.close()
