"""AttendanceConfirmed -> E-Dukasi gallery on the real broker: exactly once, public API, moderation."""
from __future__ import annotations

import io
import uuid
from datetime import date

import httpx
import pytest

from balai_contracts.envelope import Envelope
from balai_contracts.topics import UKM_PRODUCT
from services.ukm.tests.support import (
    API,
    attendance,
    business_form,
    create_business,
    login,
    new_participant,
    photo_files,
    publish,
    wait_for,
)
from tests.kafka_helpers import read_topic

pytestmark = pytest.mark.integration


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as c:
        yield c


async def _gallery(client, **params) -> dict:
    r = await client.get(f"{API}/gallery", params=params)
    assert r.status_code == 200, r.text
    return r.json()


async def test_attendance_three_times_gives_one_entry_and_one_showcase(balai_stack, client):
    pid, h = await new_participant(client)
    b = await create_business(client, h, photos=2, pirt_number="P-IRT 2063374010123")
    marker_business = await create_business(client, h, photos=1)
    product_ids = {p["id"] for p in b["products"]}
    env = attendance(b["id"], pid, training_title="Kemasan Produk Angkatan 7")
    # same key, so same partition, behind the three copies: once it is applied, so were they
    marker = attendance(marker_business["id"], pid, enrollment_id=uuid.UUID(env.subject))
    other = Envelope(type="EnrollmentSubmitted", source="training", subject=env.subject,
                     data={"enrollment_id": env.subject, "business_id": b["id"]})
    await publish(balai_stack.kafka_bootstrap, [other, env, env, env, marker])
    await wait_for(lambda: _total(client, q=marker_business["brand"], want=1), timeout=90)

    items = (await _gallery(client, q=b["brand"]))["items"]
    assert {i["product_id"] for i in items} == product_ids and len(items) == 2
    assert items[0]["regency_name"] == "Kota Semarang" and items[0]["photo_url"].startswith(API)
    assert set(items[0]["permits"]) == {"nib", "halal", "pirt"}

    envs = await read_topic(balai_stack.kafka_bootstrap, UKM_PRODUCT,
                            until=lambda out: {e["subject"] for e in out} >= product_ids, timeout=60)
    envs = await read_topic(balai_stack.kafka_bootstrap, UKM_PRODUCT, until=lambda out: False, timeout=2)
    mine = {e["id"]: e for e in envs if e["subject"] in product_ids}  # relay re-sends keep the same id
    assert sorted(e["subject"] for e in mine.values()) == sorted(product_ids)
    shown = next(iter(mine.values()))
    assert shown["type"] == "ProductShowcased" and shown["data"]["training_title"] == "Kemasan Produk Angkatan 7"
    assert shown["data"]["enrollment_id"] == env.subject and shown["data"]["business_id"] == b["id"]
    assert shown["data"]["photo_url"] == f"{API}/products/{shown['subject']}/photos/1"
    assert {"kind": "pirt", "number": "P-IRT 2063374010123"} in shown["data"]["permits"]

    detail = (await client.get(f"{API}/gallery/{items[0]['product_id']}")).json()
    assert detail["business"]["whatsapp_url"] == "https://wa.me/6281234567890"
    assert detail["trainings"] == [{"training_id": env.data["training_id"], "title": "Kemasan Produk Angkatan 7",
                                    "start_date": "2026-03-02", "end_date": "2026-03-05",
                                    "org_id": env.data["org_id"]}]
    assert "assets" not in detail["business"] and "turnover" not in detail["business"]
    assert len(detail["other_products"]) == 1
    # a second training of the same business adds the training, not a second entry or showcase
    env2 = attendance(b["id"], pid, training_title="Ekspor Angkatan 1", start_date=date(2026, 5, 1),
                      end_date=date(2026, 5, 2))
    await publish(balai_stack.kafka_bootstrap, [env2])

    async def two_trainings():
        d = (await client.get(f"{API}/gallery/{items[0]['product_id']}")).json()
        return len(d["trainings"]) == 2

    await wait_for(two_trainings)
    assert (await _gallery(client, q=b["brand"]))["total"] == 2
    envs = await read_topic(balai_stack.kafka_bootstrap, UKM_PRODUCT, until=lambda out: False, timeout=2)
    assert len({e["id"] for e in envs if e["subject"] in product_ids}) == 2


async def test_gallery_filters_paging_sorting_and_new_products(balai_stack, client):
    pid, h = await new_participant(client)
    tag = uuid.uuid4().hex[:8]
    jatim = await create_business(client, h, photos=3, brand=f"Batik {tag}", regency_code="35.78",
                                  district_code="35.78.01", village_code="35.78.01.1001", product_type="batik",
                                  halal_number="", bpom_number="MD 224311001234")
    await publish(balai_stack.kafka_bootstrap, [attendance(jatim["id"], pid)])
    await wait_for(lambda: _total(client, q=tag, want=3))
    page1 = await _gallery(client, q=tag, per_page=2, page=1, sort="name")
    page2 = await _gallery(client, q=tag, per_page=2, page=2, sort="name")
    assert page1["total"] == 3 and page1["pages"] == 2 and len(page1["items"]) == 2 and len(page2["items"]) == 1
    names = [i["name"] for i in page1["items"] + page2["items"]]
    assert names == sorted(names)
    assert (await _gallery(client, q=tag, regency_code="35.78"))["total"] == 3
    assert (await _gallery(client, q=tag, regency_code="33.74"))["total"] == 0
    assert (await _gallery(client, q=tag, category="batik", permit="bpom"))["total"] == 3
    assert (await _gallery(client, q=tag, permit="halal"))["total"] == 0
    assert (await _gallery(client, q=tag, page=9))["items"] == []
    # a product added after the training enters the gallery right away, with its own showcase
    r = await client.post(f"{API}/businesses/{jatim['id']}/products", headers=h, files=photo_files(1),
                          data={"name": f"Selendang {tag}", "category": "batik", "price_min": "Rp 150.000",
                                "price_max": "250.000", "description": "Selendang tulis"})
    assert r.status_code == 201, r.text
    new = r.json()
    assert new["price_label"] == "Rp 150.000 – Rp 250.000"
    assert (await _gallery(client, q=tag, sort="newest"))["items"][0]["product_id"] == new["id"]
    envs = await read_topic(balai_stack.kafka_bootstrap, UKM_PRODUCT,
                            until=lambda out: any(e["subject"] == new["id"] for e in out))
    assert sum(e["subject"] == new["id"] for e in envs) == 1


async def _total(client, want: int, **params) -> bool:
    return (await _gallery(client, **params))["total"] == want


async def test_hide_unhide_and_admin_unpublish(balai_stack, client):
    pid, h = await new_participant(client)
    _, stranger = await new_participant(client)
    b = await create_business(client, h, photos=1)
    product = b["products"][0]["id"]
    await publish(balai_stack.kafka_bootstrap, [attendance(b["id"], pid)])
    await wait_for(lambda: _total(client, q=b["brand"], want=1))
    assert (await client.post(f"{API}/products/{product}/hide", headers=stranger)).status_code == 403
    r = await client.post(f"{API}/products/{product}/hide", headers=h)
    assert r.status_code == 200 and r.json()["hidden"] is True
    assert (await _gallery(client, q=b["brand"]))["total"] == 0
    assert (await client.get(f"{API}/gallery/{product}")).status_code == 404
    assert (await client.post(f"{API}/products/{product}/unhide", headers=h)).status_code == 200
    assert (await _gallery(client, q=b["brand"]))["total"] == 1

    other_admin = await login(client, "admin.jatim", balai_stack.admin_password)  # training was Jateng's
    r = await client.post(f"{API}/admin/products/{product}/unpublish", json={"reason": "Foto tidak sesuai"},
                          headers=other_admin)
    assert r.status_code == 403
    admin = await login(client, "admin.jateng", balai_stack.admin_password)
    assert (await client.post(f"{API}/admin/products/{product}/unpublish", json={}, headers=admin)).status_code == 422
    r = await client.post(f"{API}/admin/products/{product}/unpublish", json={"reason": "Foto tidak sesuai"},
                          headers=admin)
    assert r.status_code == 200 and r.json()["unpublished_reason"] == "Foto tidak sesuai"
    assert (await _gallery(client, q=b["brand"]))["total"] == 0
    assert (await client.post(f"{API}/products/{product}/unhide", headers=h)).status_code == 200
    assert (await _gallery(client, q=b["brand"]))["total"] == 0, "a member cannot undo an admin's unpublish"
    assert (await client.post(f"{API}/admin/products/{product}/republish", headers=admin)).status_code == 200
    assert (await _gallery(client, q=b["brand"]))["total"] == 1

    # every move in and out of the gallery reached ukm.product, in order (relay re-sends keep their id)
    want = ["ProductShowcased", "ProductWithdrawn", "ProductShowcased", "ProductWithdrawn", "ProductShowcased"]

    def moves(out: list[dict]) -> list[dict]:
        return list({e["id"]: e for e in out if e["subject"] == product}.values())

    envs = await read_topic(balai_stack.kafka_bootstrap, UKM_PRODUCT,
                            until=lambda out: len(moves(out)) >= len(want), timeout=60)
    mine = moves(envs)
    assert [e["type"] for e in mine] == want
    assert [e["data"]["reason"] for e in mine if e["type"] == "ProductWithdrawn"] == [
        "hidden_by_owner", "unpublished_by_admin"]
    assert mine[1]["data"]["business_id"] == b["id"] and "name" not in mine[1]["data"]


async def test_participant_registered_reaches_local_copy(client):
    pid, h = await new_participant(client)
    b = await create_business(client, h, photos=1)
    me = await client.get("/api/identity/me", headers=h)
    full_name = me.json()["full_name"]

    async def named():
        view = (await client.get(f"{API}/businesses/{b['id']}", headers=h)).json()
        return view["members"][0]["full_name"] == full_name

    await wait_for(named, timeout=90)
    r = await client.patch("/api/identity/me", data={"full_name": "Siti Nama Baru"}, headers=h)
    assert r.status_code == 200

    async def renamed():
        view = (await client.get(f"{API}/businesses/{b['id']}", headers=h)).json()
        return view["members"][0]["full_name"] == "Siti Nama Baru"

    await wait_for(renamed)


async def test_photo_thumbnails_are_small_webp_made_once_with_etag(balai_stack, client):
    from PIL import Image

    from tests.factories import phone_photo

    pid, h = await new_participant(client)
    r = await client.post(f"{API}/businesses", data=business_form(),
                          files=[("photo_1", ("IMG_0001.jpg", phone_photo(seed=7), "image/jpeg"))], headers=h)
    assert r.status_code == 201, r.text
    b = r.json()
    product = b["products"][0]["id"]
    await publish(balai_stack.kafka_bootstrap, [attendance(b["id"], pid)])
    await wait_for(lambda: _total(client, q=b["brand"], want=1))
    url = f"{API}/products/{product}/photos/1"
    original = await client.get(url)
    assert original.headers["content-type"] == "image/jpeg" and len(original.content) > 100_000
    for width, budget in ((320, 12_000), (640, 30_000)):
        first = await client.get(url, params={"w": width})
        assert first.status_code == 200 and first.headers["content-type"] == "image/webp"
        assert len(first.content) < budget and "max-age=86400" in first.headers["cache-control"]
        assert Image.open(io.BytesIO(first.content)).size == (width, width * 3 // 4)
        again = await client.get(url, params={"w": width})  # now read from the database
        assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
        cached = await client.get(url, params={"w": width}, headers={"If-None-Match": first.headers["etag"]})
        assert cached.status_code == 304
    bad = await client.get(url, params={"w": 5000})
    assert bad.status_code == 422 and "Lebar gambar" in bad.text
    # hidden: the thumbnail is as private as the photo
    assert (await client.post(f"{API}/products/{product}/hide", headers=h)).status_code == 200
    assert (await client.get(url, params={"w": 320})).status_code == 404
    assert (await client.get(url, params={"w": 320}, headers=h)).headers["cache-control"] == "private, no-store"
