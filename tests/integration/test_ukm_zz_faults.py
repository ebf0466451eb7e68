"""ukm stopped while events flow, then restarted: it catches up and misses nothing, applies nothing twice.

Runs after the other ukm tests (it stops the service)."""
from __future__ import annotations

import httpx
import pytest

from balai_contracts.topics import UKM_PRODUCT
from services.ukm.tests.support import API, attendance, create_business, new_participant, publish, wait_for
from tests.kafka_helpers import read_topic

pytestmark = pytest.mark.integration


async def test_ukm_down_while_events_flow_catches_up(balai_stack):
    from balai_devstack.stack import SERVICES

    spec = next(s for s in SERVICES if s.name == "ukm")
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as client:
        pid, h = await new_participant(client)
        businesses = [await create_business(client, h, photos=1) for _ in range(3)]
        balai_stack.stop_service("ukm")
        try:
            r = await client.get(f"{API}/gallery")
            assert r.status_code == 503 and "Traceback" not in r.text
            late_id, late = await new_participant(client)  # ParticipantRegistered while ukm is down
            envs = [attendance(b["id"], pid) for b in businesses]
            await publish(balai_stack.kafka_bootstrap, envs + envs)  # and each one twice
        finally:
            balai_stack.start_service(spec)
            balai_stack.wait_healthy("ukm", balai_stack.service_url("ukm"))

        async def all_visible():
            for b in businesses:
                if (await client.get(f"{API}/gallery", params={"q": b["brand"]})).json()["total"] != 1:
                    return False
            return True

        await wait_for(all_visible, timeout=120)
        # the participant registered during the outage is in the local copy: join shows their name
        owner_b = businesses[0]
        r = await client.post(f"{API}/businesses/{owner_b['id']}/members", json={"position": "anggota"}, headers=late)
        assert r.status_code == 201
        me = (await client.get("/api/identity/me", headers=late)).json()

        async def named():
            view = (await client.get(f"{API}/businesses/{owner_b['id']}", headers=h)).json()
            return any(m["participant_id"] == late_id and m["full_name"] == me["full_name"] for m in view["members"])

        await wait_for(named, timeout=60)

    products = {b["products"][0]["id"] for b in businesses}
    out = await read_topic(balai_stack.kafka_bootstrap, UKM_PRODUCT,
                           until=lambda o: {e["subject"] for e in o} >= products, timeout=60)
    shown = {e["id"]: e["subject"] for e in out if e["subject"] in products}
    assert sorted(shown.values()) == sorted(products), "one ProductShowcased per product, none missing"
