"""The participant's side: eligibility refusals, Riwayat, testimonials, the online class, overdue list."""
from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

import asyncpg
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
    participant_event,
    png,
    publish,
    synced_participants,
    token,
    wait_for,
)
from tests.kafka_helpers import read_topic

pytestmark = pytest.mark.integration


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as c:
        yield c


async def test_requirements_not_met_are_explained(balai_stack, client):
    admin = await login(client, "admin.jateng")
    training = await new_training(client, admin)
    pid, bid = uuid.uuid4(), uuid.uuid4()
    await publish(balai_stack.kafka_bootstrap, [participant_event(pid, birth=date(1960, 1, 1)),
                                                business_event(bid, [pid], assets=5_000_000, workforce=0, permits=())])
    me = token(balai_stack, sub=str(pid))

    async def check():
        r = await client.get(f"{API}/trainings/{training['id']}/eligibility", params={"business_id": str(bid)},
                             headers=me)
        return r.json() if r.status_code == 200 else None
    result = await wait_for(check)
    msgs = {x["key"]: x["message"] for x in result["results"]}
    assert not result["eligible"]
    assert msgs["assets"] == "Aset Rp 5.000.000, minimal Rp 10.000.000"
    assert msgs["workforce"] == "Tenaga kerja 0 orang, minimal 1 orang"
    assert msgs["age"].startswith("Umur anda 6") and msgs["age"].endswith("maksimal 50 tahun")
    assert msgs["permits"] == "Belum memiliki NIB"
    r = await enroll(client, training["id"], bid, me)
    assert r.status_code == 422 and r.json()["detail"] == "Anda belum memenuhi syarat pelatihan ini"
    (_, _, oh), = await synced_participants(balai_stack, client, 1)
    r = await client.get(f"{API}/trainings/{training['id']}/eligibility", params={"business_id": str(bid)}, headers=oh)
    assert r.status_code == 403 and r.json()["detail"] == "Anda tidak terdaftar sebagai pemilik/pengurus usaha ini"


async def test_history_cancel_testimonial_and_moderation(balai_stack, client):
    admin = await login(client, "admin.jateng")
    training = await new_training(client, admin)
    (pid, bid, me), (pid2, bid2, me2) = await synced_participants(balai_stack, client, 2)
    eid = (await enroll(client, training["id"], bid, me)).json()["id"]
    eid2 = (await enroll(client, training["id"], bid2, me2)).json()["id"]
    mine = (await client.get(f"{API}/enrollments/mine", headers=me)).json()
    assert mine["total"] == 1 and mine["items"][0]["actions"] == ["cancel"]
    r = await client.put(f"{API}/enrollments/{eid}/testimonial", json={"rating": 5, "text": "Bagus"}, headers=me)
    assert r.status_code == 409
    await client.post(f"{API}/admin/enrollments/{eid}/verify", headers=admin)
    assert (await client.get(f"{API}/enrollments/mine", headers=me)).json()["items"][0]["actions"] == \
        ["confirm", "cancel"]
    await client.post(f"{API}/enrollments/{eid}/confirm", files={"photo": ("f.png", png(), "image/png")}, headers=me)
    r = await client.put(f"{API}/enrollments/{eid}/testimonial", json={"rating": 6, "text": ""}, headers=me)
    assert r.status_code == 422 and {"rating", "text"} <= set(r.json()["errors"])
    r = await client.put(f"{API}/enrollments/{eid}/testimonial",
                         json={"rating": 4, "text": "Sangat baik dan mudah digunakan"}, headers=me)
    assert r.status_code == 200 and r.json()["average_rating"] == 4.0 and r.json()["total"] == 1
    tid = r.json()["items"][0]["id"]
    r = await client.post(f"{API}/admin/testimonials/{tid}/moderate", json={"hidden": True},
                          headers=await login(client, "admin.jatim"))
    assert r.status_code == 403
    r = await client.post(f"{API}/admin/testimonials/{tid}/moderate", json={"hidden": True}, headers=admin)
    assert r.status_code == 200 and r.json()["hidden"] is True
    assert (await client.get(f"{API}/trainings/{training['id']}/testimonials")).json()["total"] == 0
    r = await client.post(f"{API}/enrollments/{eid}/cancel", headers=me2)
    assert r.status_code == 403
    r = await client.post(f"{API}/enrollments/{eid2}/cancel", json={"reason": "Sakit"}, headers=me2)
    assert r.status_code == 200 and r.json()["actions"] == []
    assert (await client.post(f"{API}/enrollments/{eid2}/cancel", headers=me2)).status_code == 409
    # cancelled: may register again
    assert (await enroll(client, training["id"], bid2, me2)).status_code == 201


async def test_online_class_to_completion(balai_stack, client):
    admin = await login(client, "admin.jateng")
    t = await new_training(client, admin, mode="online", venue="",
                           end_date=(datetime.now(WIB).date() + timedelta(days=30)).isoformat())
    for i in range(2):
        r = await client.post(f"{API}/admin/trainings/{t['id']}/modules",
                              json={"title": f"Materi {i + 1}", "content": "Isi materi"}, headers=admin)
        assert r.status_code == 201
    quiz = {"pass_mark": 100, "max_attempts": 2, "questions": [
        {"text": f"Soal {i}", "options": ["a", "b", "c"], "correct": i % 3} for i in range(4)]}
    assert (await client.put(f"{API}/admin/trainings/{t['id']}/quiz", json=quiz, headers=admin)).status_code == 200
    (pid, bid, me), = await synced_participants(balai_stack, client, 1)
    eid = (await enroll(client, t["id"], bid, me)).json()["id"]
    assert (await client.get(f"{API}/enrollments/{eid}/class", headers=me)).status_code == 409
    await client.post(f"{API}/admin/enrollments/{eid}/verify", headers=admin)
    view = (await client.get(f"{API}/enrollments/{eid}/class", headers=me)).json()
    assert view["modules_total"] == 2 and view["quiz"]["questions"] == 4
    assert (await client.post(f"{API}/enrollments/{eid}/quiz/attempts", headers=me)).status_code == 409
    for m in view["modules"]:
        await client.post(f"{API}/enrollments/{eid}/modules/{m['id']}/complete", headers=me)
    paper = (await client.post(f"{API}/enrollments/{eid}/quiz/attempts", headers=me)).json()
    assert "correct" not in str(paper["questions"])
    r = await client.post(f"{API}/enrollments/{eid}/quiz/attempts/{paper['attempt_id']}/submit",
                          json={"answers": {}}, headers=me)
    assert r.json()["passed"] is False and r.json()["attempts_left"] == 1
    key = (await client.get(f"{API}/admin/trainings/{t['id']}/quiz", headers=admin)).json()
    answers = {q["id"]: q["correct"] for q in key["questions"]}
    paper = (await client.post(f"{API}/enrollments/{eid}/quiz/attempts", headers=me)).json()
    r = await client.post(f"{API}/enrollments/{eid}/quiz/attempts/{paper['attempt_id']}/submit",
                          json={"answers": answers}, headers=me)
    assert r.json() == {**r.json(), "score": 100, "passed": True, "completed": True}
    assert (await client.post(f"{API}/enrollments/{eid}/quiz/attempts", headers=me)).status_code == 409
    envs = await read_topic(balai_stack.kafka_bootstrap, TRAINING_ENROLLMENT,
                            until=lambda out: any(e["subject"] == eid and e["type"] == "TrainingCompleted"
                                                  for e in out), timeout=60)
    done = [e for e in envs if e["subject"] == eid and e["type"] == "TrainingCompleted"]
    assert len(done) == 1 and done[0]["data"]["attendance_percent"] is None and done[0]["data"]["score"] == 100


async def test_overdue_list_counts_working_days(balai_stack, client):
    admin = await login(client, "admin.jateng")
    training = await new_training(client, admin)
    (pid, bid, me), = await synced_participants(balai_stack, client, 1)
    eid = (await enroll(client, training["id"], bid, me)).json()["id"]
    conn = await asyncpg.connect(balai_stack.database_url("training").replace("+asyncpg", ""))
    try:
        await conn.execute("UPDATE enrollments SET submitted_at = now() - interval '15 days' WHERE id = $1",
                           uuid.UUID(eid))
    finally:
        await conn.close()
    r = await client.get(f"{API}/admin/enrollments/overdue", headers=admin)
    item = next(i for i in r.json()["items"] if i["id"] == eid)
    assert 8 <= item["working_days_waiting"] <= 11 and r.json()["working_days"] == 3
    r = await client.get(f"{API}/admin/enrollments/overdue", headers=await login(client, "admin.jatim"))
    assert all(i["id"] != eid for i in r.json()["items"])
