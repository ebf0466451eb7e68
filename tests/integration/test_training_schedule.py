"""Jadwal Pelatihan through the gateway: the seeded schedule, filters, admin rights, clean 4xx."""
from __future__ import annotations

import uuid
from datetime import datetime

import httpx
import pytest

from services.training.tests.support import API, ORG1, ORG2, WIB, login, new_training, token, training_body

pytestmark = pytest.mark.integration


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as c:
        yield c


async def test_seeded_schedule_is_alive_for_both_organisations(client):
    for org in (ORG1, ORG2):
        r = await client.get(f"{API}/trainings", params={"org_id": org, "per_page": 50})
        assert r.status_code == 200, r.text
        items = r.json()["items"]
        by_title = {i["title"]: i for i in items}
        assert by_title["Koperasi Modern"]["status_label"] == "Daftar" and by_title["Koperasi Modern"]["mode"] == \
            "residential"
        assert by_title["Pemasaran Digital (Kelas Online)"]["can_register"]
        assert by_title["Manajerial Bagi Koperasi"]["status_label"] == (
            "Pendaftaran tidak bisa dilakukan, sudah melewati batas waktu pendaftaran")
        assert by_title["Sistem Pengendalian Internal (SPI)"]["status_label"] == "Penuh"
        assert all(i["org_id"] == org for i in items)
        assert "whatsapp_link" not in items[0]
    detail = (await client.get(f"{API}/trainings/{by_title['Koperasi Modern']['id']}")).json()
    assert detail["kind_level"] == "Reguler - Dasar" and "Usia maksimal 50 tahun" in detail["requirement_labels"]
    assert detail["checklist"][0] == "NIB"


async def test_filters_search_and_paging(balai_stack, client):
    admin = await login(client, "admin.jateng")
    tag = uuid.uuid4().hex[:6]
    for i in range(3):
        await new_training(client, admin, title=f"Cari {tag} {i}", mode="online", venue="")
    r = await client.get(f"{API}/trainings", params={"q": tag, "per_page": 2, "page": 2})
    body = r.json()
    assert body["total"] == 3 and len(body["items"]) == 1 and body["page"] == 2
    month = datetime.now(WIB).strftime("%Y-%m")
    r = await client.get(f"{API}/trainings", params={"q": tag, "mode": "residential", "month": month})
    assert r.json()["total"] == 0
    r = await client.get(f"{API}/trainings", params={"q": tag, "mode": "online", "month": month, "open_only": True})
    assert r.json()["total"] == 3
    r = await client.get(f"{API}/trainings", params={"month": "2026-13", "per_page": 500, "mode": "x"})
    assert r.status_code == 422 and {"month", "per_page", "mode"} <= set(r.json()["errors"])


async def test_admins_act_only_within_their_organisation(balai_stack, client):
    jateng, jatim, superadmin = (await login(client, "admin.jateng"), await login(client, "admin.jatim"),
                                 await login(client, "admin"))
    t = await new_training(client, jateng)
    assert t["org_id"] == ORG1 and t["whatsapp_link"]
    r = await client.patch(f"{API}/admin/trainings/{t['id']}", json={"quota": 5}, headers=jatim)
    assert r.status_code == 403 and r.json()["detail"] == "Anda hanya dapat mengelola pelatihan organisasi Anda"
    assert (await client.get(f"{API}/admin/trainings/{t['id']}/enrollments", headers=jatim)).status_code == 403
    r = await client.post(f"{API}/admin/trainings", json=training_body(org_id=ORG1), headers=jatim)
    assert r.status_code == 403
    r = await client.post(f"{API}/admin/trainings", json=training_body(), headers=superadmin)
    assert r.status_code == 422 and r.json()["errors"]["org_id"] == "Pilih organisasi penyelenggara"
    r = await client.post(f"{API}/admin/trainings", json=training_body(org_id=ORG2), headers=superadmin)
    assert r.status_code == 201 and r.json()["org_id"] == ORG2
    r = await client.patch(f"{API}/admin/trainings/{t['id']}", json={"title": "Diubah Super"}, headers=superadmin)
    assert r.status_code == 200 and r.json()["title"] == "Diubah Super"
    mine = (await client.get(f"{API}/admin/trainings", params={"per_page": 100}, headers=jatim)).json()
    assert all(i["org_id"] == ORG2 for i in mine["items"])
    assert (await client.post(f"{API}/admin/trainings", json=training_body(), headers=token(balai_stack))
            ).status_code == 403
    assert (await client.post(f"{API}/admin/trainings", json=training_body())).status_code == 401


async def test_every_bad_input_is_a_clean_4xx(balai_stack, client):
    admin = await login(client, "admin.jateng")
    bad = training_body(title="", quota=0, mode="kapal", start_date="2026-02-30", whatsapp_link="x")
    r = await client.post(f"{API}/admin/trainings", json=bad, headers=admin)
    assert r.status_code == 422 and {"title", "quota", "mode", "start_date"} <= set(r.json()["errors"])
    bad = training_body(end_date="2000-01-01", whatsapp_link="http://grup", venue="",
                        requirements={"age_min": 60, "age_max": 20, "regencies": ["99.99"]})
    r = await client.post(f"{API}/admin/trainings", json=bad, headers=admin)
    errors = r.json()["errors"]
    assert r.status_code == 422 and errors["end_date"] == "Tanggal selesai tidak boleh sebelum tanggal mulai"
    assert {"whatsapp_link", "venue", "requirements.age_max", "requirements.regencies"} <= set(errors)
    for body in (b"{broken", b"[1]"):
        r = await client.post(f"{API}/admin/trainings", content=body,
                              headers={**admin, "Content-Type": "application/json"})
        assert 400 <= r.status_code < 500 and r.json()["detail"]
    assert (await client.get(f"{API}/trainings/not-a-uuid")).status_code == 422
    r = await client.get(f"{API}/trainings/{uuid.uuid4()}")
    assert r.status_code == 404 and r.json()["detail"] == "Pelatihan tidak ditemukan"
    peserta = token(balai_stack)
    r = await client.post(f"{API}/trainings/{uuid.uuid4()}/enrollments", content=b"{}",
                          headers={**peserta, "Content-Type": "application/json"})
    assert r.status_code == 400
    r = await client.post(f"{API}/trainings/{uuid.uuid4()}/enrollments", data={"business_id": "x"}, headers=peserta)
    assert r.status_code == 422 and "business_id" in r.json()["errors"]
    r = await client.post(f"{API}/admin/enrollments/bulk", json={"enrollment_ids": [], "action": "x"}, headers=admin)
    assert r.status_code == 422
    r = await client.post(f"{API}/admin/enrollments/{uuid.uuid4()}/verify", headers=admin)
    assert r.status_code == 404
