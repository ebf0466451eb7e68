"""A tour of the fake services' JSON routes, straight to the fakes (no gateway in between).

The web tests reach most routes through the gateway's pages; this tour also reaches the rest and
makes `test_fakes_match_services` meaningful when it runs alone. Every answer is recorded by the
fakes' AnswerRecorder and checked there against the real services' schemas."""
from __future__ import annotations

import httpx
from gw_fake_identity import create_fake_identity
from gw_fake_lodging import create_fake_lodging
from gw_fake_training import create_fake_training
from gw_fake_ukm import create_fake_ukm
from gw_webutil import png_bytes, registration

BUSINESS = {"kind": "ukm", "permit_kind": "nib", "permit_number": "1234567890123", "name": "Roti Enak Bu Sri",
            "owner_name": "Sri Wahyuni", "address": "Jl. Pandanaran 12", "regency_code": "33.74",
            "district_code": "33.74.01", "village_code": "33.74.01.1001", "position": "pemilik",
            "category": "makanan_minuman", "specification": "Roti manis rumahan", "brand": "Roti Enak",
            "founded_year": "2009", "phone": "081234567890", "social_media": "@rotienak",
            "legal_form": "perorangan", "capacity": "10", "capacity_unit": "pcs", "net_profit_month": "1000000",
            "product_type": "makanan", "workforce_male": "1", "workforce_female": "1",
            "sector": "industri_pengolahan", "assets": "100000000", "turnover": "100000000",
            "market_segment": "kab_kota", "distribution_channel": "produsen_konsumen"}


def _client(app, token: str | None = None) -> httpx.AsyncClient:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://fake", headers=headers)


async def _identity(app) -> tuple[str, str, str]:
    """Register and log in a participant and the admin; return (participant id, their token, admin token)."""
    data = registration()
    async with _client(app) as c:
        await c.post("/participants/validate", json={"step": "data_diri", "data": {"nik": "1"}})
        me = (await c.post("/participants", data=data, files={"photo": ("f.png", png_bytes(), "image/png")})).json()
        tokens = (await c.post("/auth/login", json={"login": data["username"], "password": data["password"]})).json()
        admin = (await c.post("/auth/login", json={"login": "admin", "password": "admin12345"})).json()
        await c.post("/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
        await c.post("/auth/password-reset/request", json={"login": data["username"]})
        await c.get("/dev/mailbox")
    async with _client(app, tokens["access_token"]) as c:
        await c.get("/me")
        await c.patch("/me", data={"phone": "081298765432"})
    async with _client(app, admin["access_token"]) as c:
        await c.get("/admin/participants")
        await c.get(f"/admin/participants/{me['id']}")
        await c.get("/admin/participants/00000000-0000-4000-8000-000000000000")
    return me["id"], tokens["access_token"], admin["access_token"]


async def _ukm(app, token: str, admin: str) -> None:
    async with _client(app, token) as c:
        await c.get("/reference")
        b = (await c.post("/businesses", data=BUSINESS, files={"photo_1": ("p.png", png_bytes(), "image/png")})).json()
        await c.get("/businesses", params={"q": "roti"})
        await c.get("/businesses/mine")
        await c.patch(f"/businesses/{b['id']}", data={"brand": "Roti Enak Sekali"})
        await c.get(f"/businesses/{b['id']}/audit")
        product = (await c.post(f"/businesses/{b['id']}/products", data={"name": "Roti Sobek",
                                "category": "makanan", "description": "Lembut"},
                                files={"photo_1": ("p.png", png_bytes(), "image/png")})).json()
        for action in ("hide", "unhide"):
            await c.post(f"/products/{product.get('id')}/{action}")
        app.state.store.publish(b["id"])
        listing = (await c.get("/gallery")).json()
        for item in listing.get("items", [])[:1]:
            await c.get(f"/gallery/{item['product_id']}")
    async with _client(app, admin) as c:
        await c.get("/admin/businesses")
        await c.get(f"/businesses/{b['id']}")
        await c.post(f"/admin/products/{product.get('id')}/unpublish", json={"reason": "Foto tidak sesuai"})
        await c.post(f"/admin/products/{product.get('id')}/republish")


async def _training(app, pid: str, token: str, admin: str) -> None:
    store = app.state.store
    store.people[pid] = {"full_name": "Ani Lestari", "age": 30}
    store.businesses[pid] = [{"id": f"b-{pid[:8]}", "name": "UKM Roti Enak", "brand": "Roti", "kind": "ukm",
                              "position": "pemilik", "assets": 100_000_000, "turnover": 100_000_000,
                              "workforce_total": 2, "permits": ["nib"], "regency_name": "Kota Semarang"}]
    tid, bid = store.open, f"b-{pid[:8]}"
    async with _client(app, token) as c:
        await c.get("/trainings")
        await c.get(f"/trainings/{tid}")
        await c.get(f"/trainings/{tid}/testimonials")
        await c.get("/my/businesses")
        await c.get(f"/trainings/{tid}/eligibility", params={"business_id": bid})
        e = (await c.post(f"/trainings/{tid}/enrollments", data={"business_id": bid, "ticks": ["0", "1"]},
                          files={"photo_1": ("p.png", png_bytes(), "image/png")})).json()
        await c.get("/enrollments/mine")
        await c.get(f"/enrollments/{e['id']}")
    async with _client(app, admin) as c:
        await c.get("/admin/trainings")
        await c.get(f"/admin/trainings/{tid}")
        await c.get(f"/admin/trainings/{tid}/enrollments")
        await c.get(f"/admin/enrollments/{e['id']}")
        await c.get("/admin/enrollments/overdue")
        await c.post(f"/admin/enrollments/{e['id']}/verify")
        await c.get(f"/admin/trainings/{tid}/attendance")
        await c.get("/admin/testimonials")
        online = store.online
        m = (await c.post(f"/admin/trainings/{online}/modules", json={"title": "Modul baru"})).json()
        await c.patch(f"/admin/modules/{m['id']}", json={"title": "Modul diubah"})
        await c.get(f"/admin/trainings/{online}/modules")
        await c.get(f"/admin/trainings/{online}/quiz")
    async with _client(app, token) as c:
        await c.post(f"/enrollments/{e['id']}/cancel", json={"reason": "Berhalangan"})


async def _lodging(app, token: str, admin: str) -> None:
    async with _client(app, token) as c:
        stay = (await c.get("/me/stays")).json()["items"][0]
        await c.put(f"/me/stays/{stay['stay_id']}/need", json={"need": "Kursi roda"})
        await c.post(f"/me/stays/{stay['stay_id']}/check-in")
    async with _client(app, admin) as c:
        await c.get("/admin/organisations")
        await c.get("/admin/board")
        await c.get("/admin/dormitory")
        await c.get(f"/admin/stays/{stay['stay_id']}")
        await c.post(f"/admin/stays/{stay['stay_id']}/reassign", json={"bed_id": stay["bed_id"]})


async def tour_fakes(keypair: tuple[str, str]) -> None:
    """Drive fresh fakes through every JSON route the gateway uses (their answers get recorded)."""
    pid, token, admin = await _identity(create_fake_identity(*keypair))
    await _ukm(create_fake_ukm(keypair[1]), token, admin)
    await _training(create_fake_training(keypair[1]), pid, token, admin)
    await _lodging(create_fake_lodging(keypair[1]), token, admin)
