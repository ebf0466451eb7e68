"""Authorization of every ukm endpoint: strangers neither edit nor read private data."""
from __future__ import annotations

import httpx
import pytest

from services.ukm.tests.support import API, create_business, login, new_participant, photo_files

pytestmark = pytest.mark.integration
PRIVATE = ("assets", "turnover", "net_profit_month", "workforce_male", "workforce_female", "phone", "address")


@pytest.fixture(scope="module")
async def world(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as client:
        owner_id, owner = await new_participant(client)
        stranger_id, stranger = await new_participant(client)
        b = await create_business(client, owner, photos=1)
        r = await client.post(f"{API}/businesses/{b['id']}/members", json={"position": "anggota"}, headers=stranger)
        assert r.status_code == 201  # a pending request gives no rights either
        yield dict(b=b, owner=owner, owner_id=owner_id, stranger=stranger, stranger_id=stranger_id,
                   product=b["products"][0]["id"])


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as c:
        yield c


def _no_private(body) -> None:
    text = str(body)
    for key in PRIVATE:
        assert f"'{key}'" not in text, key


async def test_stranger_reads_public_fields_only(client, world):
    b, h = world["b"], world["stranger"]
    view = (await client.get(f"{API}/businesses/{b['id']}", headers=h)).json()
    assert view["name"] == b["name"] and view["private"] is None and view["members"] is None
    assert view["is_member"] is False and view["can_edit"] is False
    _no_private({k: v for k, v in view.items() if k != "private"})
    found = (await client.get(f"{API}/businesses", params={"q": b["name"]}, headers=h)).json()
    _no_private(found)
    assert (await client.get(f"{API}/businesses/{b['id']}/audit", headers=h)).status_code == 403


async def test_stranger_cannot_change_anything(client, world):
    b, h, product = world["b"], world["stranger"], world["product"]
    calls = [
        ("PATCH", f"/businesses/{b['id']}", dict(data={"brand": "Diambil Alih"})),
        ("POST", f"/businesses/{b['id']}/products", dict(data={"name": "Produk Palsu", "category": "makanan"},
                                                         files=photo_files(1))),
        ("PATCH", f"/products/{product}", dict(data={"name": "Nama Palsu"})),
        ("POST", f"/products/{product}/hide", {}),
        ("POST", f"/products/{product}/unhide", {}),
        ("POST", f"/businesses/{b['id']}/members/{world['stranger_id']}/approve", {}),
        ("DELETE", f"/businesses/{b['id']}/members/{world['owner_id']}", {}),
    ]
    for method, path, kw in calls:
        r = await client.request(method, API + path, headers=h, **kw)
        assert r.status_code == 403, (method, path, r.status_code, r.text)
        assert r.json()["detail"] == "Anda bukan anggota UKM/Koperasi ini"
    for method, path in [("POST", f"/admin/products/{product}/unpublish"), ("POST", f"/admin/products/{product}/republish"),
                         ("GET", "/admin/businesses")]:
        r = await client.request(method, API + path, headers=h, json={"reason": "bukan admin"})
        assert r.status_code == 403, (method, path)
    owner_view = (await client.get(f"{API}/businesses/{b['id']}", headers=world["owner"])).json()
    assert owner_view["brand"] == b["brand"] and [p["name"] for p in owner_view["products"]] == [
        p["name"] for p in b["products"]]


async def test_no_token_is_401_and_public_routes_stay_public(client, world):
    b, product = world["b"], world["product"]
    for method, path in [("GET", "/businesses"), ("POST", "/businesses"), ("GET", "/businesses/mine"),
                         ("GET", f"/businesses/{b['id']}"), ("PATCH", f"/businesses/{b['id']}"),
                         ("GET", f"/businesses/{b['id']}/audit"), ("POST", f"/businesses/{b['id']}/members"),
                         ("POST", f"/businesses/{b['id']}/products"), ("PATCH", f"/products/{product}"),
                         ("POST", f"/products/{product}/hide"), ("GET", "/admin/businesses")]:
        r = await client.request(method, API + path)
        assert r.status_code == 401, (method, path)
    for path in ["/gallery", "/reference", f"/products/{product}/photos/1"]:
        assert (await client.get(API + path)).status_code == 200, path


async def test_admin_reads_private_data_and_audit(client, world, balai_stack):
    admin = await login(client, "admin.jateng", balai_stack.admin_password)
    view = (await client.get(f"{API}/businesses/{world['b']['id']}", headers=admin)).json()
    assert view["private"]["assets"] == 100_000_000 and view["can_edit"]
    r = await client.patch(f"{API}/businesses/{world['b']['id']}", data={"social_media": "@resmi"}, headers=admin)
    assert r.status_code == 200
    audit = (await client.get(f"{API}/businesses/{world['b']['id']}/audit", headers=admin)).json()
    assert audit["items"][0]["actor_role"] == "admin" and audit["items"][0]["changes"]["social_media"]["new"] == "@resmi"
    r = await client.post(f"{API}/businesses", data={}, headers=admin)
    assert r.status_code == 403


async def test_demo_gallery_has_both_organisations(client):
    items = (await client.get(f"{API}/gallery", params={"per_page": 50})).json()["items"]
    regencies = {i["regency_name"] for i in items}
    assert {"Kota Semarang", "Kota Surabaya"} <= regencies
