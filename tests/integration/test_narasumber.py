"""Narasumber on the real stack, through the gateway: registration with documents checked by content, the
two-level decision (a second admin decides; the database refuses the reviewer), the letter, assignment to a
training's module and "Jadwal Mengajar", the event on training.narasumber; a request from an outside body
followed by its link token; admins stay in their organisation, applicants see only their own."""
from __future__ import annotations

import asyncio
import io
import json
import uuid
from datetime import datetime, timedelta

import asyncpg
import httpx
import pytest
from aiokafka import AIOKafkaConsumer
from pypdf import PdfReader

from balai_contracts.topics import TRAINING_NARASUMBER
from services.training.tests.support import API, ORG1, ORG2, WIB, login, new_training, token

pytestmark = pytest.mark.integration
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PROFILE = {"org_id": ORG1, "full_name": "Dr. Rina Kartikasari", "email": "rina@contoh.id", "phone": "0812 3456 7890",
           "expertise": "Pemasaran digital UMKM", "education": "S2",
           "experience": "Mengajar pemasaran digital untuk koperasi sejak 2015.",
           "modules": ["Pemasaran Digital", "Kewirausahaan"]}


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as c:
        yield c


def pdf_text(data: bytes) -> str:
    return PdfReader(io.BytesIO(data)).pages[0].extract_text()


async def register(client, headers, cv=PDF, **over):
    data = {**PROFILE, **over}
    return await client.post(f"{API}/narasumber", data=data, headers=headers,
                             files={"cv": ("cv rina.pdf", cv, "application/pdf"),
                                    "certificate": ("sertifikat.pdf", PDF, "application/pdf")})


async def narasumber_events(bootstrap: str, narasumber_id: str) -> list[str]:
    consumer = AIOKafkaConsumer(TRAINING_NARASUMBER, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                                group_id=f"test-{uuid.uuid4()}")
    await consumer.start()
    seen: list[str] = []
    try:
        deadline = asyncio.get_running_loop().time() + 30
        while asyncio.get_running_loop().time() < deadline and len(seen) < 3:
            batch = await consumer.getmany(timeout_ms=1000)
            for records in batch.values():
                for rec in records:
                    env = json.loads(rec.value)
                    if env["subject"] == narasumber_id:
                        seen.append(env["type"])
                        assert "rina@contoh.id" not in rec.value.decode() and "Rina" not in rec.value.decode()
    finally:
        await consumer.stop()
    return seen


async def test_registration_review_letter_assignment_and_schedule(balai_stack, client):
    applicant = token(balai_stack)
    r = await client.get(f"{API}/narasumber/offices")
    assert r.status_code == 200 and ORG1 in [o["org_id"] for o in r.json()["items"]]
    assert "Pemasaran Digital" in r.json()["modules"]

    # documents judged by content, fields validated; admins cannot register
    r = await register(client, applicant, cv=b"MZ\x90\x00 bukan pdf")
    assert r.status_code == 422 and r.json()["errors"]["cv"] == "CV harus berupa berkas PDF"
    r = await register(client, applicant, phone="123", modules=["Memasak"])
    assert r.status_code == 422 and {"phone", "modules"} <= set(r.json()["errors"])
    assert (await register(client, token(balai_stack, role="admin", org=ORG1))).status_code == 403
    assert (await client.post(f"{API}/narasumber", data=PROFILE)).status_code == 401

    r = await register(client, applicant)
    assert r.status_code == 201, r.text
    nid = r.json()["id"]
    assert (await register(client, applicant)).status_code == 409  # one registration per organisation
    mine = (await client.get(f"{API}/narasumber/mine", headers=applicant)).json()
    assert [i["status"] for i in mine["items"]] == ["submitted"] and mine["approved"] is False

    reviewer = token(balai_stack, role="admin", org=ORG1)
    head = await login(client, "admin.jateng")
    outsider = await login(client, "admin.jatim")
    listed = (await client.get(f"{API}/admin/narasumber", params={"q": "Kartikasari"}, headers=reviewer)).json()
    assert [i["id"] for i in listed["items"]] == [nid]
    assert (await client.get(f"{API}/admin/narasumber", headers=outsider)).json()["total"] == 0
    assert (await client.get(f"{API}/narasumber/{nid}", headers=outsider)).status_code == 403
    assert (await client.get(f"{API}/narasumber/{nid}", headers=token(balai_stack))).status_code == 403
    r = await client.get(f"{API}/narasumber/{nid}/documents/cv", headers=reviewer)
    assert r.status_code == 200 and r.content == PDF and "cv rina.pdf" in r.headers["content-disposition"]
    summary = (await client.get(f"{API}/admin/narasumber/summary", headers=head)).json()
    assert summary["to_review"] >= 1

    # level 1, then level 2 by another admin; the reviewer cannot decide; outsiders cannot act
    decision = {"decision": "approve", "reason": "Profil sesuai modul standar Pemasaran Digital"}
    assert (await client.post(f"{API}/admin/narasumber/{nid}/recommendation", json=decision,
                              headers=outsider)).status_code == 403
    r = await client.post(f"{API}/admin/narasumber/{nid}/decision", json=decision, headers=head)
    assert r.status_code == 409  # not recommended yet
    r = await client.post(f"{API}/admin/narasumber/{nid}/recommendation", json=decision, headers=reviewer)
    assert r.status_code == 200 and r.json()["status"] == "recommended"
    r = await client.post(f"{API}/admin/narasumber/{nid}/decision", json=decision, headers=reviewer)
    assert r.status_code == 403 and "admin lain" in r.json()["detail"]
    assert (await client.get(f"{API}/narasumber/{nid}/letter", headers=applicant)).status_code == 404
    r = await client.post(f"{API}/admin/narasumber/{nid}/decision",
                          json={"decision": "approve", "reason": "Disetujui pimpinan"}, headers=head)
    assert r.status_code == 200, r.text
    number = r.json()["letter_number"]
    assert number.endswith(f"/NARSUM/{['I','II','III','IV','V','VI','VII','VIII','IX','X','XI','XII'][datetime.now(WIB).month - 1]}/{datetime.now(WIB).year}")

    r = await client.get(f"{API}/narasumber/{nid}/letter", headers=applicant)
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    text = pdf_text(r.content)
    assert number in text and "Persetujuan Pendaftaran Narasumber" in text and "BALATKOP UKM" in text
    assert (await client.get(f"{API}/narasumber/{nid}/letter", headers=head)).status_code == 200
    assert (await client.get(f"{API}/narasumber/{nid}/letter", headers=outsider)).status_code == 403
    assert (await client.get(f"{API}/narasumber/{nid}/letter", headers=token(balai_stack))).status_code == 403

    # the database holds the two-person rule even without the handler
    conn = await asyncpg.connect(balai_stack.database_url("training").replace("postgresql+asyncpg://", "postgresql://", 1))
    try:
        with pytest.raises(asyncpg.CheckViolationError):
            await conn.execute("UPDATE narasumber SET decided_by = recommended_by WHERE id = $1", uuid.UUID(nid))
    finally:
        await conn.close()

    # assignment to a module of a training of the organisation; the schedule
    end = (datetime.now(WIB).date() + timedelta(days=40))
    t = await new_training(client, head, end_date=end.isoformat())
    day = t["start_date"]
    body = {"training_id": t["id"], "module": "Pemasaran Digital", "day": day}
    other_t = await new_training(client, outsider)
    assert (await client.post(f"{API}/admin/narasumber/{nid}/assignments", json={**body, "training_id": other_t["id"]},
                              headers=head)).status_code == 403
    assert (await client.post(f"{API}/admin/narasumber/{nid}/assignments", json={**body, "day": "2000-01-01"},
                              headers=head)).status_code == 422
    r = await client.post(f"{API}/admin/narasumber/{nid}/assignments", json=body, headers=head)
    assert r.status_code == 201, r.text
    assert (await client.post(f"{API}/admin/narasumber/{nid}/assignments", json=body, headers=head)).status_code == 409
    mine = (await client.get(f"{API}/narasumber/mine", headers=applicant)).json()
    assert mine["approved"] is True
    assert [(s["module"], s["day"], s["training_id"]) for s in mine["schedule"]] == [("Pemasaran Digital", day, t["id"])]

    assert await narasumber_events(balai_stack.kafka_bootstrap, nid) == [
        "NarasumberRegistered", "NarasumberApproved", "NarasumberAssigned"]


async def test_a_request_from_an_outside_body_is_decided_and_followed_by_link(balai_stack, client):
    head = await login(client, "admin.jateng")
    applicant = token(balai_stack)
    nid = (await register(client, applicant, org_id=ORG1)).json()["id"]
    await client.post(f"{API}/admin/narasumber/{nid}/recommendation",
                      json={"decision": "approve", "reason": "Profil sesuai"}, headers=token(balai_stack, role="admin",
                                                                                              org=ORG1))
    assert (await client.post(f"{API}/admin/narasumber/{nid}/decision",
                              json={"decision": "approve", "reason": "Disetujui"}, headers=head)).status_code == 200

    today = datetime.now(WIB).date()
    form = {"org_id": ORG1, "body_name": "Dinas Koperasi Kabupaten Kendal", "contact_name": "Budi Santoso",
            "contact_email": "budi@kendal.go.id", "contact_phone": "0812 1111 2222",
            "letter_number": "005/123/DISKOP/2026", "letter_date": today.isoformat(),
            "topic": "Pemasaran digital bagi koperasi", "event_date": (today + timedelta(days=20)).isoformat(),
            "place": "Aula Dinas Koperasi Kendal", "audience": "40"}
    r = await client.post(f"{API}/narasumber-requests", data=form,
                          files={"letter": ("surat.pdf", b"GIF89a bukan pdf", "application/pdf")})
    assert r.status_code == 422 and r.json()["errors"]["letter"] == "Surat permintaan harus berupa berkas PDF"
    r = await client.post(f"{API}/narasumber-requests", data={**form, "audience": "0"},
                          files={"letter": ("surat.pdf", PDF, "application/pdf")})
    assert r.status_code == 422 and "audience" in r.json()["errors"]
    r = await client.post(f"{API}/narasumber-requests", data=form, files={"letter": ("surat.pdf", PDF, "application/pdf")})
    assert r.status_code == 201, r.text
    rid, link = r.json()["id"], r.json()["token"]
    assert len(link) >= 40

    status = (await client.get(f"{API}/narasumber-requests/by-token/{link}")).json()
    assert status["status"] == "submitted" and "contact_email" not in status and status["has_answer"] is False
    assert (await client.get(f"{API}/narasumber-requests/by-token/{link[:-2]}xx")).status_code == 404
    assert (await client.get(f"{API}/narasumber-requests/by-token/{link}/letter")).status_code == 404

    outsider = await login(client, "admin.jatim")
    assert (await client.get(f"{API}/admin/narasumber-requests/{rid}", headers=outsider)).status_code == 403
    detail = (await client.get(f"{API}/admin/narasumber-requests/{rid}", headers=head)).json()
    assert nid in [c["id"] for c in detail["choices"]]
    r = await client.get(f"{API}/admin/narasumber-requests/{rid}/letter", headers=head)
    assert r.status_code == 200 and r.content == PDF
    r = await client.post(f"{API}/admin/narasumber-requests/{rid}/decision",
                          json={"decision": "approve", "narasumber_id": nid}, headers=outsider)
    assert r.status_code == 403
    r = await client.post(f"{API}/admin/narasumber-requests/{rid}/decision",
                          json={"decision": "approve", "narasumber_id": nid, "reason": "Mohon koordinasi teknis"},
                          headers=head)
    assert r.status_code == 200, r.text
    assert (await client.post(f"{API}/admin/narasumber-requests/{rid}/decision",
                              json={"decision": "reject", "reason": "Berubah"}, headers=head)).status_code == 409

    status = (await client.get(f"{API}/narasumber-requests/by-token/{link}")).json()
    assert status["status"] == "approved" and status["narasumber_name"] == "Dr. Rina Kartikasari"
    r = await client.get(f"{API}/narasumber-requests/by-token/{link}/letter")
    assert r.status_code == 200
    text = pdf_text(r.content)
    assert "Konfirmasi Permintaan Narasumber" in text and "005/123/DISKOP/2026" in text and "Dr. Rina Kartikasari" in text
    assert ORG2 not in [str(i["org_id"]) for i in
                        (await client.get(f"{API}/admin/narasumber-requests", headers=head)).json()["items"]]
