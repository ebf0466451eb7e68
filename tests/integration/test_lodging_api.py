"""The participant's "Konfirmasi Check In Kamar" and the admin's board through the gateway, on a demo
organisation's seeded dormitory: own stays only, check-in during the nights, Jatim cannot touch Jateng."""
from __future__ import annotations

import io
import uuid
import zipfile
from datetime import datetime, timedelta

import httpx
import pytest

from balai_platform.clock import WIB
from services.lodging.tests.support import API, attendance, login, publish, wait_for
from tests.factories import participant_form, register

pytestmark = pytest.mark.integration
JATENG = uuid.UUID("0b0a1a10-0000-4000-8000-000000000001")


async def _participant(client) -> tuple[str, dict]:
    form = participant_form()
    r = await register(client, form)
    assert r.status_code == 201, r.text
    return r.json()["id"], await login(client, form["username"], form["password"])


async def test_check_in_own_stay_and_admin_board(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as client:
        pid, me = await _participant(client)
        _, other = await _participant(client)
        today = datetime.now(WIB).date()
        training = uuid.uuid4()
        env = attendance(JATENG, participant_id=uuid.UUID(pid), sex="P", training_id=training,
                         participant_name="Siti Rahayu", start_date=today, end_date=today + timedelta(days=2))
        await publish(balai_stack.kafka_bootstrap, [env])

        async def placed():
            r = await client.get(f"{API}/me/stays", headers=me)
            items = r.json()["items"] if r.status_code == 200 else []
            return items if items and items[0]["room_code"] else None
        [stay] = await wait_for(placed, timeout=60)
        assert stay["building_name"] == "Wisma Mawar" and stay["status"] == "assigned"
        sid = stay["stay_id"]

        # another participant can neither see nor confirm it
        assert (await client.get(f"{API}/me/stays", headers=other)).json()["items"] == []
        assert (await client.get(f"{API}/me/stays/{sid}", headers=other)).status_code == 404
        assert (await client.post(f"{API}/me/stays/{sid}/check-in", headers=other)).status_code == 403

        r = await client.put(f"{API}/me/stays/{sid}/need", json={"need": "Kamar ramah disabilitas"}, headers=me)
        assert r.status_code == 200 and r.json()["need"] == "Kamar ramah disabilitas"
        r = await client.post(f"{API}/me/stays/{sid}/check-in", headers=me)
        assert r.status_code == 200, r.text
        assert r.json()["status"] == "checked_in"
        r = await client.post(f"{API}/me/stays/{sid}/check-in", headers=me)
        assert r.status_code == 409 and r.json()["detail"]

        jateng = await login(client, "admin.jateng", balai_stack.admin_password)
        jatim = await login(client, "admin.jatim", balai_stack.admin_password)
        r = await client.get(f"{API}/admin/board", params={"training": "Koperasi Modern"}, headers=jateng)
        assert r.status_code == 200, r.text
        board = r.json()
        shown = [s for room in board["rooms"] for bed in room["beds"] for s in bed["stays"]]
        assert any(s["stay_id"] == sid and s["need"] for s in shown)
        assert len(board["free_beds"]) == 7
        assert (await client.get(f"{API}/admin/board", params={"org_id": str(JATENG)},
                                 headers=jatim)).status_code == 403
        assert (await client.post(f"{API}/admin/stays/{sid}/check-out", headers=jatim)).status_code == 403
        assert (await client.get(f"{API}/admin/trainings/{training}/rooms", headers=jatim)).status_code == 403

        r = await client.get(f"{API}/admin/trainings/{training}/rooms/export", headers=jateng)
        assert r.status_code == 200 and "Siti Rahayu" in r.content.decode("utf-8-sig")
        r = await client.get(f"{API}/admin/trainings/{training}/rooms/export", params={"format": "xlsx"},
                             headers=jateng)
        assert r.status_code == 200
        assert "Siti Rahayu" in zipfile.ZipFile(io.BytesIO(r.content)).read("xl/worksheets/sheet1.xml").decode()

        r = await client.post(f"{API}/admin/stays/{sid}/check-out", headers=jateng)
        assert r.status_code == 200 and r.json()["status"] == "checked_out"
        r = await client.get(f"{API}/admin/dormitory", headers=jateng)
        assert r.status_code == 200 and len(r.json()["buildings"]) == 2


async def test_rooms_added_or_reopened_serve_the_waiting_list(balai_stack):
    """A superadmin builds a dormitory over the API; new and reopened rooms place the oldest waiting."""
    org = uuid.uuid4()
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as client:
        su = await login(client, balai_stack.admin_username, balai_stack.admin_password)
        r = await client.post(f"{API}/admin/buildings", params={"org_id": str(org)},
                              json={"name": "Wisma Uji"}, headers=su)
        assert r.status_code == 201, r.text
        building = r.json()["building_id"]
        room = {"building_id": building, "code": "k01", "floor": 1, "beds": 1, "sex": "L",
                "facilities": ["ac", "tv"]}
        r = await client.post(f"{API}/admin/rooms", json=room, headers=su)
        assert r.status_code == 201 and r.json()["code"] == "K01", r.text
        k01 = r.json()["room_id"]
        r = await client.post(f"{API}/admin/rooms", json={**room, "code": "K01"}, headers=su)
        assert r.status_code == 422 and "code" in r.json()["errors"]
        r = await client.post(f"{API}/admin/rooms", json={**room, "code": "K 9", "beds": 40}, headers=su)
        assert r.status_code == 422 and {"code", "beds"} <= set(r.json()["errors"])

        first, second, third = (attendance(org) for _ in range(3))

        async def board():
            r = await client.get(f"{API}/admin/board", headers=su, params={
                "org_id": str(org), "start": "2027-03-01", "end": "2027-03-04"})
            assert r.status_code == 200, r.text
            return r.json()

        async def waiting(n):
            b = await board()
            return b if len(b["waiting"]) == n else None
        # one after another: events of different keys travel on different partitions
        await publish(balai_stack.kafka_bootstrap, [first])
        await wait_for(lambda: _placed(client, su, org, 1), timeout=60)
        for n, env in enumerate((second, third), 1):
            await publish(balai_stack.kafka_bootstrap, [env])
            await wait_for(lambda n=n: waiting(n), timeout=60)
        b = await board()
        assert [s["enrollment_id"] for s in b["waiting"]] == [second.subject, third.subject]
        assert b["free_beds"] == [0, 0, 0, 0]

        r = await client.post(f"{API}/admin/rooms/{k01}/close", headers=su,
                              json={"closed_from": "2027-03-02", "closed_until": "2027-03-03"})
        assert r.status_code == 409 and r.json()["detail"]
        r = await client.post(f"{API}/admin/rooms", json={**room, "code": "K02"}, headers=su)
        assert r.status_code == 201
        b = await board()
        assert [s["enrollment_id"] for s in b["waiting"]] == [third.subject]  # the oldest got K02

        r = await client.post(f"{API}/admin/rooms", json={**room, "code": "K03", "sex": "P"}, headers=su)
        k03 = r.json()["room_id"]
        r = await client.post(f"{API}/admin/rooms/{k03}/close", headers=su,
                              json={"closed_from": "2027-02-01", "closed_until": "2027-03-31"})
        assert r.status_code == 200 and r.json()["closed_from"] == "2027-02-01"
        r = await client.put(f"{API}/admin/rooms/{k03}", headers=su, json={**room, "code": "K03"})
        assert r.status_code == 200 and r.json()["sex"] == "L"
        assert len((await board())["waiting"]) == 1  # closed: nobody placed there
        r = await client.post(f"{API}/admin/rooms/{k03}/reopen", headers=su)
        assert r.status_code == 200
        assert (await board())["waiting"] == []
        orgs = (await client.get(f"{API}/admin/organisations", headers=su)).json()["items"]
        assert str(org) in {o["org_id"] for o in orgs}


async def _placed(client, headers, org, n: int) -> bool:
    r = await client.get(f"{API}/admin/board", headers=headers, params={
        "org_id": str(org), "start": "2027-03-01", "end": "2027-03-04"})
    return sum(len(bed["stays"]) for room in r.json()["rooms"] for bed in room["beds"]) == n
