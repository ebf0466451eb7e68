"""Identity through the gateway on the real system: accounts, tokens, privacy, bad input."""
from __future__ import annotations

import httpx
import pytest

from tests.factories import participant_form, register

pytestmark = pytest.mark.integration


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as c:
        yield c


async def _login(client, login: str, password: str) -> dict:
    r = await client.post("/api/identity/auth/login", json={"login": login, "password": password})
    assert r.status_code == 200, r.text
    return r.json()


async def test_register_login_by_username_and_nik_and_profile(client):
    form = participant_form()
    r = await register(client, form)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["nik"] == form["nik"] and body["nik_masked"] == form["nik"][:4] + "********" + form["nik"][-4:]
    assert body["phone_wa"] == "6281234567890" and body["sex"] == "P"
    assert body["regency_name"] == "Kota Semarang"
    by_name = await _login(client, form["username"], form["password"])
    by_nik = await _login(client, form["nik"], form["password"])
    assert by_name["user"]["id"] == by_nik["user"]["id"] == body["id"]
    me = await client.get("/api/identity/me", headers={"Authorization": f"Bearer {by_name['access_token']}"})
    assert me.status_code == 200 and me.json()["kk"] == form["kk"]
    photo = await client.get(body["photo_url"], headers={"Authorization": f"Bearer {by_name['access_token']}"})
    assert photo.status_code == 200 and photo.headers["content-type"] == "image/png" and photo.headers["etag"]


async def test_wrong_password_and_duplicates(client):
    form = participant_form()
    assert (await register(client, form)).status_code == 201
    r = await client.post("/api/identity/auth/login", json={"login": form["username"], "password": "salah-sekali"})
    assert r.status_code == 401 and r.json()["detail"] == "Username/NIK atau password salah"
    again = await register(client, {**form, "username": form["username"] + "x"})
    assert again.status_code == 422 and "nik" in again.json()["errors"]
    same_user = await register(client, participant_form(username=form["username"]))
    assert same_user.status_code == 422 and "username" in same_user.json()["errors"]


async def test_refresh_rotates_and_reuse_revokes_family(client):
    form = participant_form()
    await register(client, form)
    first = await _login(client, form["username"], form["password"])
    r1 = await client.post("/api/identity/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert r1.status_code == 200
    reuse = await client.post("/api/identity/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert reuse.status_code == 401
    after = await client.post("/api/identity/auth/refresh", json={"refresh_token": r1.json()["refresh_token"]})
    assert after.status_code == 401, "reuse of a rotated token revokes the whole family"


async def test_logout_revokes_refresh_token(client):
    form = participant_form()
    await register(client, form)
    tokens = await _login(client, form["username"], form["password"])
    r = await client.post("/api/identity/auth/logout", json={"refresh_token": tokens["refresh_token"]})
    assert r.status_code == 204
    r = await client.post("/api/identity/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert r.status_code == 401


async def test_login_is_throttled_per_account(client):
    form = participant_form()
    await register(client, form)
    codes = []
    for _ in range(7):
        r = await client.post("/api/identity/auth/login", json={"login": form["username"], "password": "bukan-ini-123"})
        codes.append(r.status_code)
    assert codes[:5] == [401] * 5 and codes[-1] == 429
    r = await client.post("/api/identity/auth/login", json={"login": form["username"], "password": form["password"]})
    assert r.status_code == 429 and "Retry-After" in r.headers


async def test_password_reset_through_dev_mailbox(client, balai_stack):
    form = participant_form()
    await register(client, form)
    r = await client.post("/api/identity/auth/password-reset/request", json={"login": form["username"]})
    assert r.status_code == 202
    unknown = await client.post("/api/identity/auth/password-reset/request", json={"login": "tidak-ada-orang"})
    assert unknown.status_code == 202 and unknown.json() == r.json()
    mail = (await client.get("/api/identity/dev/mailbox")).json()[0]
    token = mail["link"].split("token=")[1]
    weak = await client.post("/api/identity/auth/password-reset/confirm",
                             json={"token": token, "password": "password", "password_confirm": "password"})
    assert weak.status_code == 422 and "password" in weak.json()["errors"]
    ok = await client.post("/api/identity/auth/password-reset/confirm",
                           json={"token": token, "password": "Jepara-Ukir-77", "password_confirm": "Jepara-Ukir-77"})
    assert ok.status_code == 204
    again = await client.post("/api/identity/auth/password-reset/confirm",
                              json={"token": token, "password": "Jepara-Ukir-78", "password_confirm": "Jepara-Ukir-78"})
    assert again.status_code == 400
    await _login(client, form["username"], "Jepara-Ukir-77")


async def test_admin_sees_masked_list_and_participant_cannot(client, balai_stack):
    form = participant_form()
    reg = (await register(client, form)).json()
    admin = await _login(client, balai_stack.admin_username, balai_stack.admin_password)
    h = {"Authorization": f"Bearer {admin['access_token']}"}
    r = await client.get("/api/identity/admin/participants", params={"q": form["full_name"]}, headers=h)
    assert r.status_code == 200
    items = r.json()["items"]
    assert [i["id"] for i in items] == [reg["id"]] and items[0]["nik_masked"].count("*") == 8
    assert form["nik"] not in r.text
    by_nik = await client.get("/api/identity/admin/participants", params={"q": form["nik"]}, headers=h)
    assert [i["id"] for i in by_nik.json()["items"]] == [reg["id"]]
    other = participant_form()
    await register(client, other)
    peserta = await _login(client, other["username"], other["password"])
    ph = {"Authorization": f"Bearer {peserta['access_token']}"}
    assert (await client.get("/api/identity/admin/participants", headers=ph)).status_code == 403
    assert (await client.get(f"/api/identity/admin/participants/{reg['id']}", headers=ph)).status_code == 403
    assert (await client.get(reg["photo_url"], headers=ph)).status_code == 403
    assert (await client.get(reg["photo_url"], headers=h)).status_code == 200


@pytest.mark.parametrize("body,ctype", [
    (b"{not json", "application/json"),
    (b"[]", "application/json"),
    (b'{"login": 5, "password": []}', "application/json"),
    (b'{"login": "x"}', "application/json"),
    (b"login=x&password=y", "application/x-www-form-urlencoded"),
])
async def test_bad_login_input_is_4xx_with_message(client, body, ctype):
    r = await client.post("/api/identity/auth/login", content=body, headers={"content-type": ctype})
    assert 400 <= r.status_code < 500 and r.json()["detail"]


async def test_bad_registration_input_is_4xx_with_field_messages(client):
    r = await client.post("/api/identity/participants", json={"nik": "1"})
    assert r.status_code == 400 and r.json()["detail"]
    r = await client.post("/api/identity/participants", data={"full_name": ""})
    assert r.status_code == 422 and {"nik", "kk", "phone", "photo", "username"} <= set(r.json()["errors"])
    form = participant_form(nik="12345", kk="abc", phone="12", birth_date="kemarin")
    r = await register(client, form, photo=b"GIF89a not really an image")
    errors = r.json()["errors"]
    assert r.status_code == 422 and {"nik", "kk", "phone", "birth_date", "photo"} <= set(errors)
    big = b"\x89PNG\r\n\x1a\n" + b"0" * (5 * 1024 * 1024)
    r = await register(client, participant_form(), photo=big)
    assert r.status_code in (400, 413, 422) and "3 MB" in r.text




async def test_nul_bytes_and_out_of_range_values_are_4xx_not_500(client):
    r = await client.get("/api/training/trainings", params={"q": "a\x00b"})
    assert r.status_code == 400 and r.json()["detail"]
    r = await client.post("/api/identity/auth/login", json={"login": "ros\u0000sy", "password": "x"})
    assert 400 <= r.status_code < 500 and r.json()["detail"]
    r = await client.post("/api/identity/participants/validate",
                          json={"step": "akun", "data": {"username": "ab\u0000cd", "password": "x", "password_confirm": "x"}})
    assert 400 <= r.status_code < 500
