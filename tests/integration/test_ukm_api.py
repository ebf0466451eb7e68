"""ukm API through the gateway: registering a business, events, editing with audit, members."""
from __future__ import annotations

import httpx
import pytest

from balai_contracts.topics import UKM_BUSINESS
from services.ukm.tests.support import API, business_form, create_business, new_participant, photo_files
from tests.kafka_helpers import read_topic

pytestmark = pytest.mark.integration


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as c:
        yield c


async def test_register_business_emits_business_registered(balai_stack, client):
    pid, h = await new_participant(client)
    b = await create_business(client, h, photos=2, assets="Rp 1.500.000.000", turnover="1.000.000.000")
    assert b["is_member"] and b["my_position"] == "pemilik" and b["can_edit"]
    assert b["private"]["assets"] == 1_500_000_000 and b["private"]["assets_display"] == "Rp 1.500.000.000"
    assert b["private"]["size_class"] == "mikro"  # omzet ≤ Rp2 M keeps it mikro (smaller class wins)
    assert b["regency_name"] == "Kota Semarang" and b["legal_form"] == "perseroan"
    assert [p["name"] for p in b["products"]] == [f"{b['brand']} - Makanan", f"{b['brand']} - Makanan 2"]
    assert {"kind": "nib", "number": "1234567890123", "label": "NIB (Nomor Induk Berusaha)"} in b["permits"]
    photo = await client.get(b["products"][0]["photo_urls"][0])
    assert photo.status_code == 200 and photo.headers["content-type"] == "image/png"
    assert photo.headers["etag"] and "max-age" in photo.headers["cache-control"]
    again = await client.get(b["products"][0]["photo_urls"][0], headers={"If-None-Match": photo.headers["etag"]})
    assert again.status_code == 304

    envs = await read_topic(balai_stack.kafka_bootstrap, UKM_BUSINESS,
                            until=lambda out: any(e["subject"] == b["id"] for e in out))
    env = next(e for e in envs if e["subject"] == b["id"])
    assert env["type"] == "BusinessRegistered" and env["source"] == "ukm" and env["_key"] == b["id"].encode()
    d = env["data"]
    assert d["business_id"] == b["id"] and d["name"] == b["name"] and d["size_class"] == "mikro"
    assert d["assets"] == 1_500_000_000 and d["turnover"] == 1_000_000_000
    assert d["workforce_total"] == 2 and d["regency_name"] == "Kota Semarang" and d["sector"] == "industri_pengolahan"
    assert {"kind": "halal", "number": "ID33110000123450321"} in d["permits"]
    assert d["members"] == [{"participant_id": pid, "position": "pemilik"}] and d["registered_by"] == pid


async def test_every_bad_input_is_a_clean_4xx(client):
    _, h = await new_participant(client)
    bad = business_form(assets="seratus", founded_year="1800", regency_code="99.99", phone="12",
                        permit_number="12", category="zzz", workforce_male="0", workforce_female="0", name="")
    r = await client.post(f"{API}/businesses", data=bad, files=photo_files(1), headers=h)
    assert r.status_code == 422, r.text
    errors = r.json()["errors"]
    assert errors["assets"].startswith("Aset Per Tahun (Rp) harus berupa nilai Rupiah")
    assert errors["name"] == "Nama Usaha wajib diisi"
    assert errors["permit_number"] == "NIB harus 13 digit angka"
    assert {"founded_year", "regency_code", "phone", "category", "workforce_male"} <= set(errors)
    r = await client.post(f"{API}/businesses", data=business_form(), headers=h)
    assert r.status_code == 422 and r.json()["errors"]["photo_1"] == "Foto Produk wajib diunggah"
    r = await client.post(f"{API}/businesses", data=business_form(),
                          files=[("photo_1", ("x.png", b"%PDF-1.4 not an image", "image/png"))], headers=h)
    assert r.status_code == 422 and "JPG atau PNG" in r.json()["errors"]["photo_1"]
    big = b"\xff\xd8\xff" + b"0" * (3 * 1024 * 1024 + 10)
    r = await client.post(f"{API}/businesses", data=business_form(), files=[("photo_1", ("x.jpg", big, "image/jpeg"))],
                          headers=h)
    assert r.status_code == 422 and r.json()["errors"]["photo_1"] == "Ukuran foto maksimal 3 MB"
    r = await client.post(f"{API}/businesses", content=b"{not json", headers={**h, "Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["detail"]
    b = await create_business(client, h, photos=1)
    for body in (b"{broken", b"[1, 2]"):
        r = await client.patch(f"{API}/businesses/{b['id']}", content=body,
                               headers={**h, "Content-Type": "application/json"})
        assert r.status_code == 400, r.text
    r = await client.patch(f"{API}/businesses/{b['id']}", json={"assets": [1], "workforce_male": "x"}, headers=h)
    assert r.status_code == 422 and set(r.json()["errors"]) == {"assets", "workforce_male"}
    r = await client.get(f"{API}/businesses/not-a-uuid", headers=h)
    assert r.status_code == 422 and "Traceback" not in r.text
    r = await client.get(f"{API}/gallery", params={"per_page": 500, "sort": "x"})
    assert r.status_code == 422 and {"per_page", "sort"} <= set(r.json()["errors"])
    r = await client.post(f"{API}/businesses/{b['id']}/members", json={"position": "raja"}, headers=h)
    assert r.status_code in (409, 422)


async def test_edit_records_audit_and_emits_business_updated(balai_stack, client):
    _, h = await new_participant(client)
    b = await create_business(client, h)
    r = await client.patch(f"{API}/businesses/{b['id']}", headers={**h, "X-Request-ID": "ukm-edit-1"},
                           data={"turnover": "Rp 20.000.000.000", "assets": "6.000.000.000", "brand": "Roti Baru"})
    assert r.status_code == 200, r.text
    after = r.json()
    assert after["private"]["size_class"] == "menengah" and after["brand"] == "Roti Baru"
    audit = (await client.get(f"{API}/businesses/{b['id']}/audit", headers=h)).json()
    last = audit["items"][0]
    assert last["action"] == "updated" and last["actor_role"] == "peserta"
    assert last["changes"]["turnover"] == {"old": 100_000_000, "new": 20_000_000_000}
    assert last["changes"]["size_class"] == {"old": "mikro", "new": "menengah"}
    assert "nik" not in str(audit).lower()
    envs = await read_topic(balai_stack.kafka_bootstrap, UKM_BUSINESS,
                            until=lambda out: any(e["subject"] == b["id"] and e["type"] == "BusinessUpdated"
                                                  for e in out))
    upd = next(e for e in envs if e["subject"] == b["id"] and e["type"] == "BusinessUpdated")
    assert upd["data"]["brand"] == "Roti Baru" and upd["correlation_id"] == "ukm-edit-1"


async def test_join_needs_approval_then_member_can_edit(client):
    owner_id, owner = await new_participant(client)
    joiner_id, joiner = await new_participant(client)
    b = await create_business(client, owner)
    found = (await client.get(f"{API}/businesses", params={"q": b["name"][-6:]}, headers=joiner)).json()["items"]
    assert [x["id"] for x in found] == [b["id"]] and "assets" not in found[0]
    r = await client.post(f"{API}/businesses/{b['id']}/members", json={"position": "pengurus"}, headers=joiner)
    assert r.status_code == 201 and r.json()["status"] == "pending"
    view = (await client.get(f"{API}/businesses/{b['id']}", headers=joiner)).json()
    assert view["private"] is None and view["my_status"] == "pending"
    r = await client.patch(f"{API}/businesses/{b['id']}", data={"brand": "Curang"}, headers=joiner)
    assert r.status_code == 403
    r = await client.post(f"{API}/businesses/{b['id']}/members/{joiner_id}/approve", headers=joiner)
    assert r.status_code == 403
    r = await client.post(f"{API}/businesses/{b['id']}/members/{joiner_id}/approve", headers=owner)
    assert r.status_code == 200 and r.json()["status"] == "active"
    mine = (await client.get(f"{API}/businesses/mine", headers=joiner)).json()["items"]
    assert [(m["id"], m["position"], m["status"]) for m in mine] == [(b["id"], "pengurus", "active")]
    r = await client.patch(f"{API}/businesses/{b['id']}", data={"brand": "Bersama"}, headers=joiner)
    assert r.status_code == 200 and r.json()["private"] is not None
    r = await client.post(f"{API}/businesses/{b['id']}/members", json={"position": "anggota"}, headers=joiner)
    assert r.status_code == 409
    r = await client.delete(f"{API}/businesses/{b['id']}/members/{owner_id}", headers=owner)
    assert r.status_code == 204  # owner leaves; the joiner stays as the last active member
    r = await client.delete(f"{API}/businesses/{b['id']}/members/{joiner_id}", headers=joiner)
    assert r.status_code == 409


async def test_reference_lists_and_admin_list(balai_stack, client):
    ref = (await client.get(f"{API}/reference")).json()
    assert {"value": "produsen_konsumen", "label": "Produsen-Konsumen"} in ref["distribution_channel"]
    assert {"value": "kab_kota", "label": "Tingkat Kab/Kota"} in ref["market_segment"]
    admin = await _admin(client, balai_stack)
    r = await client.get(f"{API}/admin/businesses", params={"q": "roti"}, headers=admin)
    assert r.status_code == 200 and r.json()["total"] >= 1 and "size_class_label" in r.json()["items"][0]


async def _admin(client, stack) -> dict[str, str]:
    from services.ukm.tests.support import login
    return await login(client, stack.admin_username, stack.admin_password)
