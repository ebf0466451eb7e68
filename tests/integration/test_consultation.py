"""Issue 15 on the real stack: Konsultasi pasca pelatihan (an alumnus asks, the organisation answers
through the reviewer step, both sides post until it is closed; who may see what) and the Standar
Pelayanan deadlines copied from identity.organisation driving the Verifikasi queue and the
consultation's first-answer target and overdue list."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import asyncpg
import httpx
import pytest

from balai_contracts.identity import DEADLINE_CONSULTATION_ANSWER, DEADLINE_ENROLLMENT_VERIFICATION
from balai_platform.workdays import due_at
from services.training.tests.consultation_support import alumni, pdf_bytes, publish_standards
from services.training.tests.support import API, ORG1, enroll, login, new_training, synced_participants, token, wait_for

pytestmark = pytest.mark.integration
QUESTION = "Bagaimana cara menghitung harga pokok produksi untuk roti kami?"


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=60) as c:
        yield c


async def _sql(stack, query: str, *args):
    conn = await asyncpg.connect(stack.database_url("training").replace("+asyncpg", ""))
    try:
        return await conn.execute(query, *args)
    finally:
        await conn.close()


async def _ask(client, training_id: str, headers: dict, **over):
    data = {"training_id": training_id, "topic": "Harga pokok produksi", "question": QUESTION, **over}
    files = [("files", ("laporan.pdf", pdf_bytes(), "application/pdf"))]
    return await client.post(f"{API}/consultations", data=data, files=files, headers=headers)


async def test_alumnus_asks_and_gets_a_reviewed_answer(balai_stack, client):
    admin = await login_admin(client)
    training, [(pid, _bid, me)] = await alumni(balai_stack, client, admin)
    eligible = (await client.get(f"{API}/consultations/eligible", headers=me)).json()
    assert [i["id"] for i in eligible["items"]] == [training["id"]]

    r = await _ask(client, training["id"], me)
    assert r.status_code == 201, r.text
    cid = r.json()["id"]
    assert r.json()["status"] == "waiting"
    bad = await client.post(f"{API}/consultations", headers=me, data={"training_id": training["id"], "topic": "",
                                                                     "question": "x"})
    assert bad.status_code == 422 and "topic" in bad.json()["errors"]
    fake = await client.post(f"{API}/consultations", headers=me, data={"training_id": training["id"],
                             "topic": "Harga pokok", "question": QUESTION},
                             files=[("files", ("virus.pdf", b"MZ\x90\x00" * 10, "application/pdf"))])
    assert fake.status_code == 422 and fake.json()["errors"]["files"] == "Lampiran harus berupa PDF, JPG atau PNG"

    # the organisation wants a reviewer: the first admin's answer is a draft until a second admin approves it
    s = await client.put(f"{API}/admin/consultation-settings", headers=admin, json={"review_required": True})
    assert s.status_code == 200 and s.json()["review_required"] and s.json()["target_label"] == "3 jam kerja"
    listed = (await client.get(f"{API}/admin/consultations", params={"training_id": training["id"]},
                               headers=admin)).json()
    assert [i["id"] for i in listed["items"]] == [cid] and listed["items"][0]["participant_name"] == "Siti Rahayu"
    a = await client.post(f"{API}/admin/consultations/{cid}/answers", headers=admin,
                          data={"body": "Hitung biaya bahan, tenaga kerja dan overhead per resep."})
    assert a.status_code == 201 and a.json()["state"] == "draft", a.text
    mid = a.json()["message_id"]
    seen = (await client.get(f"{API}/consultations/{cid}", headers=me)).json()
    assert len(seen["messages"]) == 1 and seen["status"] == "waiting"
    same = await client.post(f"{API}/admin/consultations/{cid}/messages/{mid}/review", headers=admin,
                             json={"approve": True})
    assert same.status_code == 403
    reviewer = token(balai_stack, role="admin", org=ORG1)
    ok = await client.post(f"{API}/admin/consultations/{cid}/messages/{mid}/review", headers=reviewer,
                           json={"approve": True})
    assert ok.status_code == 200 and ok.json()["status"] == "answered", ok.text
    seen = (await client.get(f"{API}/consultations/{cid}", headers=me)).json()
    assert [m["author"] for m in seen["messages"]] == ["participant", "admin"] and seen["first_answered_at"]
    url = seen["messages"][0]["files"][0]["url"]
    f = await client.get(url, headers=me)
    assert f.status_code == 200 and f.content.startswith(b"%PDF-")

    # both sides post until it is closed
    r = await client.post(f"{API}/consultations/{cid}/messages", headers=me, data={"body": "Oke."})
    assert r.status_code == 422 and "body" in r.json()["errors"]  # too short
    r = await client.post(f"{API}/consultations/{cid}/messages", headers=me,
                          data={"body": "Terima kasih, sudah jelas sekarang."})
    assert r.status_code == 201 and r.json()["status"] == "waiting"
    assert (await client.post(f"{API}/consultations/{cid}/close", headers=me)).json()["status"] == "closed"
    again = await client.post(f"{API}/consultations/{cid}/messages", headers=me, data={"body": "Satu lagi pertanyaan."})
    assert again.status_code == 409
    await client.put(f"{API}/admin/consultation-settings", headers=admin, json={"review_required": False})


async def test_who_may_see_and_open_a_consultation(balai_stack, client):
    admin = await login_admin(client)
    training, [(_p, _b, me)] = await alumni(balai_stack, client, admin)
    cid = (await _ask(client, training["id"], me)).json()["id"]
    [(_p2, bid2, other)] = await synced_participants(balai_stack, client, 1)
    assert (await client.get(f"{API}/consultations/{cid}", headers=other)).status_code == 404
    assert (await client.post(f"{API}/consultations/{cid}/messages", headers=other,
                              data={"body": "Bukan konsultasi saya."})).status_code == 404
    refused = await _ask(client, training["id"], other)
    assert refused.status_code == 403 and "alumni" in refused.json()["detail"]
    # enrolled but not completed: still no consultation
    t2 = await new_training(client, admin)
    assert (await enroll(client, t2["id"], bid2, other)).status_code == 201
    assert (await _ask(client, t2["id"], other)).status_code == 403
    jatim = await login_admin(client, "admin.jatim")
    assert (await client.get(f"{API}/admin/consultations/{cid}", headers=jatim)).status_code == 403
    assert (await client.post(f"{API}/admin/consultations/{cid}/answers", headers=jatim,
                              data={"body": "Jawaban dari organisasi lain."})).status_code == 403
    theirs = (await client.get(f"{API}/admin/consultations", headers=jatim)).json()
    assert cid not in {i["id"] for i in theirs["items"]}
    assert (await client.get(f"{API}/admin/consultations", headers=me)).status_code == 403


async def test_published_standards_drive_the_queue_and_the_consultation_target(balai_stack, client):
    admin = await login_admin(client)
    training, [(_p, _b, me)] = await alumni(balai_stack, client, admin)
    try:
        await publish_standards(balai_stack.kafka_bootstrap, {DEADLINE_ENROLLMENT_VERIFICATION: (1, "working_days"),
                                                              DEADLINE_CONSULTATION_ANSWER: (5, "working_hours")})

        async def queue_limit():
            r = await client.get(f"{API}/admin/enrollments/queue", headers=admin)
            return r.json()["working_days"] == 1
        await wait_for(queue_limit)
        s = (await client.get(f"{API}/admin/consultation-settings", headers=admin)).json()
        assert s["target_label"] == "5 jam kerja"
        before = datetime.now(UTC)
        r = await _ask(client, training["id"], me)
        after = datetime.now(UTC)
        assert r.status_code == 201, r.text
        due = datetime.fromisoformat(r.json()["due_at"])
        assert due_at(before, 5, "working_hours") <= due <= due_at(after, 5, "working_hours")
        cid = r.json()["id"]

        # the target passed without an answer: the overdue list and the dashboard tile show it
        past = datetime.now(UTC) - timedelta(days=10)
        await _sql(balai_stack, "UPDATE consultations SET opened_at = $2, due_at = $3 WHERE id = $1",
                   uuid.UUID(cid), past, due_at(past, 5, "working_hours"))
        late = (await client.get(f"{API}/admin/consultations", params={"overdue": "true"}, headers=admin)).json()
        assert cid in {i["id"] for i in late["items"]} and all(i["overdue"] for i in late["items"])
        assert late["overdue"] >= 1
        tile = (await client.get(f"{API}/admin/consultations/summary", headers=admin)).json()
        assert tile["overdue"] >= 1 and tile["target_label"] == "5 jam kerja"
        mine = (await client.get(f"{API}/consultations/{cid}", headers=me)).json()
        assert mine["overdue"] is True
        a = await client.post(f"{API}/admin/consultations/{cid}/answers", headers=admin,
                              data={"body": "Maaf terlambat, berikut jawabannya."})
        assert a.status_code == 201 and a.json()["state"] == "published"
        late = (await client.get(f"{API}/admin/consultations", params={"overdue": "true"}, headers=admin)).json()
        assert cid not in {i["id"] for i in late["items"]}
    finally:  # later tests expect the standard's defaults
        await publish_standards(balai_stack.kafka_bootstrap)

        async def restored():
            r = await client.get(f"{API}/admin/enrollments/queue", headers=admin)
            return r.json()["working_days"] == 3
        await wait_for(restored)


async def login_admin(client, username: str = "admin.jateng") -> dict:
    return await login(client, username)
