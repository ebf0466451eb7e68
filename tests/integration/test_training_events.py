"""The event chain register -> business -> enroll -> verify -> confirm -> complete, on the real broker."""
from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from balai_contracts.topics import TRAINING_ENROLLMENT
from services.training.tests.support import (
    API,
    WIB,
    business_event,
    enroll,
    login,
    new_training,
    png,
    publish,
    synced_participants,
    token,
    wait_for,
)
from tests.factories import participant_form, register
from tests.kafka_helpers import read_topic

pytestmark = pytest.mark.integration
CHAIN = ["EnrollmentSubmitted", "EnrollmentVerified", "AttendanceConfirmed", "TrainingCompleted"]


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=60) as c:
        yield c


async def test_full_chain_emits_each_event_once_in_order(balai_stack, client):
    admin = await login(client, "admin.jateng")
    form = participant_form()
    r = await register(client, form)
    assert r.status_code == 201, r.text
    pid = r.json()["id"]
    me = await login(client, form["username"], form["password"])
    business_id = uuid.uuid4()
    await publish(balai_stack.kafka_bootstrap, [business_event(business_id, [uuid.UUID(pid)])])
    training = await new_training(client, admin, has_evaluation=True, pass_mark=70)

    async def eligible():
        r = await client.get(f"{API}/trainings/{training['id']}/eligibility",
                             params={"business_id": str(business_id)}, headers=me)
        return r.json() if r.status_code == 200 else None
    check = await wait_for(eligible)
    assert check["eligible"] and check["checklist"] == ["NIB", "Usia Maksimal 50 tahun"]
    assert [x["message"] for x in check["results"]] == [
        "Aset memenuhi syarat", "Omset memenuhi syarat", "Tenaga kerja memenuhi syarat", "Umur anda memenuhi syarat",
        "Izin/sertifikat memenuhi syarat"]

    r = await enroll(client, training["id"], business_id, me, ticks=(0,), photos=1)
    assert r.status_code == 422 and r.json()["errors"] == {"ticks": "Centang semua syarat pelatihan"}
    r = await enroll(client, training["id"], business_id, me, photos=2)
    assert r.status_code == 201, r.text
    e = r.json()
    eid = e["id"]
    assert e["status"] == "submitted" and e["status_label"] == "Belum diverifikasi" and e["whatsapp_link"] is None
    assert len(e["product_photo_urls"]) == 2
    assert (await client.get(e["product_photo_urls"][0], headers=me)).headers["content-type"] == "image/png"
    r = await enroll(client, training["id"], business_id, me)
    assert r.status_code == 409 and r.json()["detail"] == "Anda sudah terdaftar pada pelatihan ini"

    r = await client.post(f"{API}/admin/enrollments/{eid}/verify", headers=admin, )
    assert r.json()["status"] == "verified"
    r = await client.post(f"{API}/enrollments/{eid}/confirm", files={"photo": ("f.png", png((255, 255, 255)), "image/png")},
                          headers=me)
    assert r.status_code == 422 and r.json()["errors"]["photo"] == "Latar belakang foto harus berwarna biru"
    r = await client.post(f"{API}/enrollments/{eid}/confirm", files={"photo": ("f.png", b"not an image", "image/png")},
                          headers=me)
    assert r.status_code == 422 and "JPG atau PNG" in r.json()["errors"]["photo"]
    r = await client.post(f"{API}/enrollments/{eid}/confirm", files={"photo": ("f.png", png(), "image/png")},
                          headers=me)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "confirmed" and r.json()["whatsapp_link"] == "https://chat.whatsapp.com/UjiCoba"

    today = datetime.now(WIB).date().isoformat()
    r = await client.put(f"{API}/admin/trainings/{training['id']}/attendance",
                         json={"day": today, "records": [{"enrollment_id": eid, "present": True}]}, headers=admin)
    assert r.status_code == 200 and r.json()["items"][0]["attendance_percent"] == 100, r.text
    assert (await client.put(f"{API}/admin/enrollments/{eid}/score", json={"score": 85}, headers=admin)).status_code == 200
    closes = await asyncio.gather(*(client.post(f"{API}/admin/trainings/{training['id']}/close", headers=admin)
                                    for _ in range(2)))
    assert sorted(r.status_code for r in closes) == [200, 409]
    ok = next(r for r in closes if r.status_code == 200).json()
    assert ok["completed"] == 1 and ok["not_completed"] == 0
    mine = (await client.get(f"{API}/enrollments/mine", headers=me)).json()
    assert mine["completed_count"] == 1 and mine["items"][0]["status_label"] == "Lulus"

    envs = await read_topic(balai_stack.kafka_bootstrap, TRAINING_ENROLLMENT,
                            until=lambda out: any(x["subject"] == eid and x["type"] == "TrainingCompleted"
                                                  for x in out), timeout=60)
    await asyncio.sleep(1)  # anything duplicated would have arrived by now
    envs = await read_topic(balai_stack.kafka_bootstrap, TRAINING_ENROLLMENT, until=lambda out: False, timeout=3)
    chain = sorted((x for x in envs if x["subject"] == eid), key=lambda x: x["_offset"])
    assert [x["type"] for x in chain] == CHAIN
    assert len({x["_partition"] for x in chain}) == 1 and all(x["_key"] == eid.encode() for x in chain)
    for x in chain:
        assert set(x) >= {"id", "type", "version", "source", "occurred_at", "correlation_id", "subject", "data"}
        assert x["source"] == "training" and x["version"] == 1 and x["correlation_id"]
        assert datetime.fromisoformat(x["occurred_at"]).utcoffset() == timedelta(0)
        assert x["data"]["participant_name"] == form["full_name"] and x["data"]["business_name"] == "Roti Enak"
        assert x["data"]["org_id"] == training["org_id"] and x["data"]["enrollment_id"] == eid
        assert form["nik"] not in str(x["_raw"])
    confirmed, completed = chain[2]["data"], chain[3]["data"]
    assert confirmed["residential"] is True and confirmed["sex"] == "P" and confirmed["mode"] == "residential"
    assert completed["hours"] == 32 and completed["score"] == 85 and completed["attendance_percent"] == 100
    assert completed["training_title"] == training["display_title"]


async def test_redelivered_events_have_no_second_effect(balai_stack, client):
    (pid, bid, me), = await synced_participants(balai_stack, client, 1)
    first = business_event(bid, [pid], updated=True, assets=777_000_000,
                           at=datetime.now(UTC) + timedelta(seconds=5))
    # same event id again, even with other content and a later time: the inbox drops it
    again = first.model_copy(update={"data": {**first.data, "assets": 1, "updated_at":
                                              (datetime.now(UTC) + timedelta(hours=1)).isoformat()}})
    await publish(balai_stack.kafka_bootstrap, [first])

    async def assets():
        items = (await client.get(f"{API}/my/businesses", headers=me)).json()["items"]
        return items and items[0]["assets"] == 777_000_000
    await wait_for(assets)
    marker_b = uuid.uuid4()
    await publish(balai_stack.kafka_bootstrap, [again, first, business_event(marker_b, [pid])])

    async def marker():
        items = (await client.get(f"{API}/my/businesses", headers=me)).json()["items"]
        return len(items) == 2 and items
    items = await wait_for(marker)
    assert next(i for i in items if i["id"] == str(bid))["assets"] == 777_000_000


async def test_not_yet_synced_is_a_clear_409(balai_stack, client):
    admin = await login(client, "admin.jateng")
    training = await new_training(client, admin)
    stranger = token(balai_stack)
    r = await client.get(f"{API}/trainings/{training['id']}/eligibility", params={"business_id": str(uuid.uuid4())},
                         headers=stranger)
    assert r.status_code == 409 and r.json()["detail"] == "Data Anda sedang diproses, coba lagi sebentar"
    r = await enroll(client, training["id"], uuid.uuid4(), stranger)
    assert r.status_code == 409
