"""The quota holds under concurrent verification by several admins; the waiting list moves."""
from __future__ import annotations

import asyncio

import httpx
import pytest

from balai_contracts.topics import TRAINING_ENROLLMENT
from services.training.tests.support import API, ORG1, enroll, login, new_training, synced_participants, token
from tests.kafka_helpers import read_topic

pytestmark = pytest.mark.integration


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=60,
                                 limits=httpx.Limits(max_connections=100)) as c:
        yield c


async def _admins(stack, client) -> list[dict]:
    """Several admin tokens of the first organisation: two logins, the superadmin, two more admins."""
    return [await login(client, "admin.jateng"), await login(client, "admin.jateng"), await login(client, "admin"),
            token(stack, role="admin", org=ORG1), token(stack, role="admin", org=ORG1)]


async def _rush(stack, client, admins, n: int = 50, quota: int = 10):
    training = await new_training(client, admins[0], quota=quota)
    people = await synced_participants(stack, client, n)
    ids = []
    for _, business_id, h in people:  # in order: submission time decides the waiting list
        r = await enroll(client, training["id"], business_id, h)
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    results = await asyncio.gather(*(client.post(f"{API}/admin/enrollments/{eid}/verify",
                                                 headers=admins[i % len(admins)]) for i, eid in enumerate(ids)))
    assert all(r.status_code == 200 for r in results), [r.text for r in results if r.status_code != 200][:3]
    return training, ids, people, [r.json()["status"] for r in results]


@pytest.mark.parametrize("round_", [1, 2, 3])
async def test_fifty_concurrent_verifications_on_quota_ten(balai_stack, client, round_):
    admins = await _admins(balai_stack, client)
    training, ids, _, statuses = await _rush(balai_stack, client, admins)
    assert statuses.count("verified") == 10 and statuses.count("waitlisted") == 40
    r = await client.get(f"{API}/admin/trainings/{training['id']}", headers=admins[0])
    t = r.json()
    assert t["seats_taken"] == 10 and t["counts"]["verified"] == 10 and t["counts"]["waitlisted"] == 40
    assert t["status"] == "penuh" and t["status_label"] == "Penuh"
    # verifying again changes nothing
    r = await client.post(f"{API}/admin/enrollments/{ids[0]}/verify", headers=admins[0])
    assert r.status_code in (200, 409)
    assert (await client.get(f"{API}/admin/trainings/{training['id']}", headers=admins[1])).json()["seats_taken"] == 10
    # The seat is taken in the COMMIT's round trip and its numbers written into the event there:
    # the ten published EnrollmentVerified carry seats 1..10 once each, none the placeholder 0.
    verified = [eid for eid, s in zip(ids, statuses, strict=True) if s == "verified"]
    envs = await read_topic(balai_stack.kafka_bootstrap, TRAINING_ENROLLMENT,
                            until=lambda out: sum(e["subject"] in verified and e["type"] == "EnrollmentVerified"
                                                  for e in out) >= 10, timeout=60)
    events = [e["data"] for e in envs if e["subject"] in verified and e["type"] == "EnrollmentVerified"]
    assert sorted(d["seats_taken"] for d in events) == list(range(1, 11)), events
    assert {d["quota"] for d in events} == {10}


async def test_cancellation_and_rejection_promote_the_first_waiting(balai_stack, client):
    admins = await _admins(balai_stack, client)
    training, ids, people, statuses = await _rush(balai_stack, client, admins, n=14, quota=4)
    verified = [eid for eid, s in zip(ids, statuses, strict=False) if s == "verified"]
    waiting = [eid for eid, s in zip(ids, statuses, strict=False) if s == "waitlisted"]  # already in submission order
    assert len(verified) == 4 and len(waiting) == 10
    owner = {eid: h for eid, (_, _, h) in zip(ids, people, strict=False)}

    r = await client.post(f"{API}/enrollments/{verified[0]}/cancel", json={"reason": "Berhalangan"},
                          headers=owner[verified[0]])
    assert r.status_code == 200 and r.json()["status"] == "cancelled", r.text
    first = (await client.get(f"{API}/enrollments/{waiting[0]}", headers=owner[waiting[0]])).json()
    assert first["status"] == "verified" and first["status_label"] == "Sudah diverifikasi"
    assert (await client.get(f"{API}/enrollments/{waiting[1]}", headers=owner[waiting[1]])).json()["status"] == \
        "waitlisted"

    r = await client.post(f"{API}/admin/enrollments/{verified[1]}/reject", json={"reason": "Data tidak sesuai"},
                          headers=admins[2])
    assert r.status_code == 200 and r.json()["status"] == "rejected"
    assert (await client.get(f"{API}/enrollments/{waiting[1]}", headers=owner[waiting[1]])).json()["status"] == \
        "verified"
    # a waiting one cancelling frees no seat
    r = await client.post(f"{API}/enrollments/{waiting[5]}/cancel", headers=owner[waiting[5]])
    assert r.status_code == 200
    t = (await client.get(f"{API}/admin/trainings/{training['id']}", headers=admins[0])).json()
    assert t["seats_taken"] == 4 and t["counts"]["waitlisted"] == 7

    envs = await read_topic(balai_stack.kafka_bootstrap, TRAINING_ENROLLMENT,
                            until=lambda out: sum(e["subject"] in waiting[:2] and e["type"] == "EnrollmentVerified"
                                                  for e in out) >= 2, timeout=60)
    promoted = [e for e in envs if e["subject"] in waiting[:2] and e["type"] == "EnrollmentVerified"]
    assert len(promoted) == 2 and all(e["data"]["from_waitlist"] for e in promoted)
    assert {e["data"]["seats_taken"] for e in promoted} == {4}


async def test_bulk_verification_and_raising_the_quota(balai_stack, client):
    admins = await _admins(balai_stack, client)
    training = await new_training(client, admins[0], quota=2)
    people = await synced_participants(balai_stack, client, 5)
    ids = []
    for _, b, h in people:
        ids.append((await enroll(client, training["id"], b, h)).json()["id"])
    r = await client.post(f"{API}/admin/enrollments/bulk", json={"enrollment_ids": ids, "action": "verify"},
                          headers=admins[0])
    assert r.status_code == 200, r.text
    assert r.json()["summary"] == {"verified": 2, "waitlisted": 3, "rejected": 0}
    r = await client.post(f"{API}/admin/enrollments/bulk", json={"enrollment_ids": ids[4:], "action": "reject"},
                          headers=admins[0])
    assert r.status_code == 422 and r.json()["errors"]["reason"] == "Alasan penolakan wajib diisi"
    r = await client.patch(f"{API}/admin/trainings/{training['id']}", json={"quota": 1}, headers=admins[0])
    assert r.status_code == 422 and "quota" in r.json()["errors"]
    r = await client.patch(f"{API}/admin/trainings/{training['id']}", json={"quota": 4}, headers=admins[0])
    assert r.status_code == 200 and r.json()["seats_taken"] == 4 and r.json()["counts"]["waitlisted"] == 1
    statuses = [(await client.get(f"{API}/enrollments/{eid}", headers=h)).json()["status"]
                for eid, (_, _, h) in zip(ids, people, strict=False)]
    assert statuses == ["verified"] * 4 + ["waitlisted"]
