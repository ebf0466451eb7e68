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


async def test_closing_a_room_while_events_arrive_never_leaves_a_guest_in_it(balai_stack):
    """Closing and reopening a room while confirmations arrive: a guest is never placed in a room
    closed on one of their nights (placements share-lock the room; closing waits or sees them)."""
    org = uuid.uuid4()
    conn = await connect(balai_stack)
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as client:
        try:
            await dormitory(conn, org, rooms=4, beds=2)
            room = await conn.fetchval("SELECT id FROM rooms WHERE org_id = $1 AND code = 'K01'", org)
            su = await login(client, balai_stack.admin_username, balai_stack.admin_password)
            envs = [attendance(org) for _ in range(24)]
            statuses: list[int] = []

            async def admin_toggles():
                for _ in range(25):
                    r = await client.post(f"{API}/admin/rooms/{room}/close", headers=su,
                                          json={"closed_from": "2027-03-02", "closed_until": "2027-03-03"})
                    statuses.append(r.status_code)
                    r = await client.post(f"{API}/admin/rooms/{room}/reopen", headers=su)
                    statuses.append(r.status_code)
                r = await client.post(f"{API}/admin/rooms/{room}/close", headers=su,
                                      json={"closed_from": "2027-03-02", "closed_until": "2027-03-03"})
                statuses.append(r.status_code)

            async def events():
                for i in range(0, 24, 4):
                    await publish(balai_stack.kafka_bootstrap, envs[i:i + 4])
                    await asyncio.sleep(0.05)

            await asyncio.gather(admin_toggles(), events())
            await wait_for(lambda: conn.fetchval("SELECT count(*) = 24 FROM stays WHERE org_id = $1", org),
                           timeout=90)
            assert set(statuses) <= {200, 409}, statuses
            inside_closed = await conn.fetchval(
                "SELECT count(*) FROM stays s JOIN beds b ON b.id = s.bed_id JOIN rooms r ON r.id = b.room_id "
                "WHERE s.org_id = $1 AND r.closed_from IS NOT NULL "
                "AND s.held && daterange(r.closed_from, r.closed_until, '[]')", org)
            assert inside_closed == 0
            assert await double_bookings(conn, org) == 0
            counts = dict(await conn.fetch("SELECT status, count(*) FROM stays WHERE org_id = $1 GROUP BY 1", org))
            assert counts.get("waiting", 0) + counts.get("assigned", 0) == 24
            assert counts.get("assigned", 0) in (6, 8)  # K01 closed at the end (6) or held by guests (8)
        finally:
            await conn.close()
