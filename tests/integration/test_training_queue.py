"""Issue 12 on the real stack: the Verifikasi work queue (working days, overdue, filters), cancelling on a
participant's behalf (EnrollmentCancelled marked `admin`) and closing a training closing what is pending."""
from __future__ import annotations

import uuid

import asyncpg
import httpx
import pytest

from balai_contracts.topics import TRAINING_ENROLLMENT
from services.training.tests.support import API, enroll, login, new_training, synced_participants
from tests.kafka_helpers import read_topic

pytestmark = pytest.mark.integration


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as c:
        yield c


async def _backdate(stack, eid: str, days: int) -> None:
    conn = await asyncpg.connect(stack.database_url("training").replace("+asyncpg", ""))
    try:
        await conn.execute(f"UPDATE enrollments SET submitted_at = now() - interval '{days} days' WHERE id = $1",
                           uuid.UUID(eid))
    finally:
        await conn.close()


async def test_queue_oldest_first_with_working_days_filters_and_scope(balai_stack, client):
    admin = await login(client, "admin.jateng")
    training = await new_training(client, admin)
    people = await synced_participants(balai_stack, client, 3)
    ids = [(await enroll(client, training["id"], bid, h)).json()["id"] for _, bid, h in people]
    await _backdate(balai_stack, ids[2], 15)
    q = {"training_id": training["id"]}
    page = (await client.get(f"{API}/admin/enrollments/queue", params=q, headers=admin)).json()
    assert [i["id"] for i in page["items"]] == [ids[2], ids[0], ids[1]] and page["total"] == 3
    old = page["items"][0]
    assert old["overdue"] and 8 <= old["working_days_waiting"] <= 11 and page["working_days"] == 3
    assert not page["items"][1]["overdue"] and page["items"][1]["working_days_waiting"] == 0
    assert old["participant_phone_wa"] == "6281234567890" and old["eligibility"] and old["username"]
    assert old["status"] == "submitted" and old["training_title"].startswith(training["title"])
    mine = next(t for t in page["trainings"] if t["id"] == training["id"])
    assert (mine["waiting"], mine["overdue"]) == (3, 1) and page["waiting"] >= 3 and page["overdue"] >= 1

    late = (await client.get(f"{API}/admin/enrollments/queue", params={**q, "overdue": "true"}, headers=admin)).json()
    assert [i["id"] for i in late["items"]] == [ids[2]]
    who = (await client.get(f"{API}/admin/enrollments/queue", params={**q, "q": old["username"].upper()},
                            headers=admin)).json()
    assert [i["id"] for i in who["items"]] == [ids[2]]
    pid = str(people[1][0])
    by_id = (await client.get(f"{API}/admin/enrollments/queue", params={**q, "participant_id": pid},
                              headers=admin)).json()
    assert [i["id"] for i in by_id["items"]] == [ids[1]]
    paged = (await client.get(f"{API}/admin/enrollments/queue", params={**q, "per_page": 2, "page": 2},
                              headers=admin)).json()
    assert [i["id"] for i in paged["items"]] == [ids[1]] and paged["total"] == 3

    r = await client.post(f"{API}/admin/enrollments/bulk", headers=admin,
                          json={"enrollment_ids": ids[:2], "action": "verify"})
    assert r.status_code == 200 and r.json()["summary"]["verified"] == 2
    left = (await client.get(f"{API}/admin/enrollments/queue", params=q, headers=admin)).json()
    assert [i["id"] for i in left["items"]] == [ids[2]]
    jatim = await login(client, "admin.jatim")
    other = await client.get(f"{API}/admin/enrollments/queue", params=q, headers=jatim)
    assert other.status_code == 200 and other.json()["total"] == 0 and training["id"] not in other.text
    bad = await client.get(f"{API}/admin/enrollments/queue", params={"status": "verified"}, headers=admin)
    assert bad.status_code == 422


async def test_admin_cancels_on_the_participants_behalf(balai_stack, client):
    admin = await login(client, "admin.jateng")
    training = await new_training(client, admin, quota=1)
    (_, b1, h1), (_, b2, h2) = await synced_participants(balai_stack, client, 2)
    first = (await enroll(client, training["id"], b1, h1)).json()["id"]
    second = (await enroll(client, training["id"], b2, h2)).json()["id"]
    for eid in (first, second):
        assert (await client.post(f"{API}/admin/enrollments/{eid}/verify", headers=admin)).status_code == 200
    empty = await client.post(f"{API}/admin/enrollments/{first}/cancel", json={"reason": " "}, headers=admin)
    assert empty.status_code == 422 and "Alasan pembatalan wajib diisi" in empty.text
    jatim = await client.post(f"{API}/admin/enrollments/{first}/cancel", json={"reason": "x"},
                              headers=await login(client, "admin.jatim"))
    assert jatim.status_code == 403
    r = await client.post(f"{API}/admin/enrollments/{first}/cancel", json={"reason": "Peserta menelepon: sakit"},
                          headers=admin)
    assert r.status_code == 200 and r.json()["status"] == "cancelled", r.text
    mine = (await client.get(f"{API}/enrollments/{first}", headers=h1)).json()
    assert mine["status_label"] == "Dibatalkan"
    assert (await client.get(f"{API}/enrollments/{second}", headers=h2)).json()["status"] == "verified"  # promoted
    again = await client.post(f"{API}/admin/enrollments/{first}/cancel", json={"reason": "lagi"}, headers=admin)
    assert again.status_code == 409
    envs = await read_topic(balai_stack.kafka_bootstrap, TRAINING_ENROLLMENT,
                            until=lambda out: any(e["subject"] == first and e["type"] == "EnrollmentCancelled"
                                                  for e in out), timeout=60)
    [cancelled] = [e for e in envs if e["subject"] == first and e["type"] == "EnrollmentCancelled"]
    assert cancelled["data"]["cancelled_by"] == "admin" and cancelled["data"]["previous_status"] == "verified"


async def test_closing_rejects_what_is_still_pending(balai_stack, client):
    admin = await login(client, "admin.jateng")
    training = await new_training(client, admin, quota=1)
    people = await synced_participants(balai_stack, client, 3)
    ids = [(await enroll(client, training["id"], bid, h)).json()["id"] for _, bid, h in people]
    for eid in ids[:2]:  # the first takes the seat, the second waits
        assert (await client.post(f"{API}/admin/enrollments/{eid}/verify", headers=admin)).status_code == 200
    r = await client.post(f"{API}/admin/trainings/{training['id']}/close", headers=admin)
    assert r.status_code == 200, r.text
    assert (r.json()["not_completed"], r.json()["rejected"]) == (1, 2)
    for eid, (_, _, h) in zip(ids[1:], people[1:], strict=True):
        seen = (await client.get(f"{API}/enrollments/{eid}", headers=h)).json()
        assert (seen["status"], seen["rejection_reason"]) == ("rejected", "Pelatihan sudah ditutup")
    queue = (await client.get(f"{API}/admin/enrollments/queue", params={"training_id": training["id"]},
                              headers=admin)).json()
    assert queue["total"] == 0
    envs = await read_topic(balai_stack.kafka_bootstrap, TRAINING_ENROLLMENT,
                            until=lambda out: sum(e["subject"] in ids[1:] and e["type"] == "EnrollmentRejected"
                                                  for e in out) >= 2, timeout=60)
    rejected = [e for e in envs if e["subject"] in ids[1:] and e["type"] == "EnrollmentRejected"]
    assert sorted(e["data"]["previous_status"] for e in rejected) == ["submitted", "waitlisted"]
    assert {e["data"]["reason"] for e in rejected} == {"Pelatihan sudah ditutup"}
