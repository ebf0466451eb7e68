from __future__ import annotations

import httpx
import pytest
from gw_webutil import csrf, login, register, registration


@pytest.fixture
async def browser_like(gateway_server):
    async with httpx.AsyncClient(base_url=gateway_server.url, timeout=10) as c:
        yield c


async def test_landing_has_login_form(browser_like):
    resp = await browser_like.get("/")
    assert resp.status_code == 200
    for text in ("Username / NIK", "Password", "KLIK DISINI", "Lupa Password", 'href="/daftar"'):
        assert text in resp.text
    assert "balai_csrf=" in resp.headers["set-cookie"]


async def test_wrong_password_message(browser_like):
    resp = await login(browser_like, "nobody", "wrong")
    assert resp.status_code == 401
    assert "Username/NIK atau password salah" in resp.text


async def test_post_without_csrf_token_is_rejected(browser_like):
    await browser_like.get("/")
    resp = await browser_like.post("/masuk", data={"login": "a", "password": "b"})
    assert resp.status_code == 403 and "Formulir kedaluwarsa" in resp.text
    page = await browser_like.get("/")
    resp = await browser_like.post("/masuk", data={"login": "a", "password": "b",
                                                   "csrf_token": csrf(page.text)},
                                   headers={"Origin": "https://evil.example"})
    assert resp.status_code == 403


async def test_register_login_dashboard_logout(browser_like):
    data = registration()
    resp = await register(browser_like, data)
    assert resp.status_code == 303 and resp.headers["location"] == "/dashboard"
    dash = await browser_like.get("/dashboard")
    assert dash.status_code == 200
    assert "Akun berhasil dibuat" in dash.text and "Ani Lestari" in dash.text
    assert "Jumlah Pelatihan Yang Pernah Diikuti" in dash.text and data["nik"] not in dash.text
    profile = await browser_like.get("/profil")
    assert data["nik"] in profile.text  # the owner sees the full NIK
    photo_id = dash.text.split('src="/foto/')[1].split('"')[0]
    photo = await browser_like.get(f"/foto/{photo_id}")
    assert photo.status_code == 200 and photo.headers["content-type"] == "image/png"
    out = await browser_like.post("/logout", data={"csrf_token": csrf(dash.text)})
    assert out.status_code == 303 and out.headers["location"] == "/"
    again = await browser_like.get("/dashboard")
    assert again.status_code == 303 and again.headers["location"].startswith("/?next=")


async def test_register_errors_are_rendered_next_to_fields(browser_like):
    data = registration(nik="123", kk="12", phone="abc", birth_date="1990-01-01",
                        password="x", password_confirm="y")
    resp = await register(browser_like, data, photo=b"not an image")
    assert resp.status_code == 422
    for field in ("nik", "kk", "phone", "photo", "password"):
        assert f'id="e-{field}" data-error-for="{field}">' in resp.text, field
    assert 'aria-invalid="true"' in resp.text and "ringkasan-kesalahan" in resp.text
    assert 'value="Ani Lestari"' in resp.text and "Kopi-Susu" not in resp.text


async def test_photo_too_large_is_caught(browser_like):
    resp = await register(browser_like, registration(),
                          photo=b"\x89PNG\r\n\x1a\n" + b"0" * (3 * 1024 * 1024 + 10))
    assert resp.status_code == 422 and "Ukuran foto maksimal 3 MB" in resp.text


async def test_validate_step_endpoint(browser_like):
    page = await browser_like.get("/daftar")
    headers = {"X-CSRF-Token": csrf(page.text)}
    bad = await browser_like.post("/daftar/validasi", content=b"{nope", headers=headers)
    assert bad.status_code == 400 and bad.json()["detail"] == "Data JSON tidak valid."
    wrong = await browser_like.post("/daftar/validasi", json={"step": "x", "data": {}}, headers=headers)
    assert wrong.status_code == 422
    resp = await browser_like.post("/daftar/validasi", headers=headers,
                                   json={"step": "data_diri", "data": {"nik": "12"}})
    assert resp.status_code == 422 and "nik" in resp.json()["errors"]
    no_token = await browser_like.post("/daftar/validasi", json={"step": "akun", "data": {}})
    assert no_token.status_code == 403


async def test_wilayah(browser_like):
    provinces = (await browser_like.get("/wilayah")).json()
    assert {"code": "33", "name": "Jawa Tengah"} in provinces
    kec = (await browser_like.get("/wilayah", params={"parent": "33.74"})).json()
    assert any(k["code"] == "33.74.01" for k in kec)
    assert (await browser_like.get("/wilayah", params={"parent": "../etc"})).json() == []


async def test_no_js_region_reload_keeps_values(browser_like):
    page = await browser_like.get("/daftar")
    resp = await browser_like.post("/daftar", data={
        "csrf_token": csrf(page.text), "aksi": "wilayah", "full_name": "Budi", "province": "33",
        "regency_code": "33.74", "password": "rahasia123"})
    assert resp.status_code == 200 and 'value="Budi"' in resp.text
    assert "33.74.01" in resp.text and "rahasia123" not in resp.text


async def test_participant_cannot_open_admin(browser_like):
    data = registration()
    await register(browser_like, data)
    resp = await browser_like.get("/admin/peserta")
    assert resp.status_code == 403 and "Akses ditolak" in resp.text


async def test_admin_sees_participants(browser_like):
    async with httpx.AsyncClient(base_url=str(browser_like.base_url)) as someone:
        data = registration()
        await register(someone, data)
    resp = await login(browser_like, "admin", "admin12345")
    assert resp.headers["location"] == "/admin"
    listing = await browser_like.get("/admin/peserta", params={"q": data["username"]})
    assert data["username"] in listing.text and "Total 1 peserta" in listing.text


async def test_expired_access_token_is_refreshed(browser_like):
    data = registration()
    await register(browser_like, data)
    browser_like.cookies.set("balai_at", "expired.or.garbage")
    resp = await browser_like.get("/dashboard")
    assert resp.status_code == 200
    assert "balai_at=" in resp.headers.get("set-cookie", "")


async def test_forgot_and_reset_password(browser_like, fake_store):
    page = await browser_like.get("/lupa-password")
    resp = await browser_like.post("/lupa-password", data={"login": "admin", "csrf_token": csrf(page.text)})
    assert "Jika akun ditemukan, tautan reset telah dikirim" in resp.text
    box = await browser_like.get("/dev/mailbox")
    link = box.text.split('href="/reset-password?token=')[1].split('"')[0]
    form = await browser_like.get(f"/reset-password?token={link}")
    done = await browser_like.post("/reset-password", data={
        "token": link, "password": "admin12345", "password_confirm": "admin12345",
        "csrf_token": csrf(form.text)})
    assert done.status_code == 303
    bad = await browser_like.post("/reset-password", data={
        "token": "bogus", "password": "a", "password_confirm": "a", "csrf_token": csrf(form.text)})
    assert "Tautan reset tidak valid atau kedaluwarsa" in bad.text


async def test_malformed_multipart_is_4xx(browser_like):
    await browser_like.get("/daftar")
    resp = await browser_like.post("/daftar", content=b"--x\r\ngarbage",
                                   headers={"Content-Type": "multipart/form-data; boundary=x"})
    assert 400 <= resp.status_code < 500


async def test_profile_edit(browser_like):
    await register(browser_like, registration())
    page = await browser_like.get("/profil")
    assert page.status_code == 200 and "Edit Profil" in page.text
    values = {"full_name": "Ani Lestari Putri", "phone": "081298765432", "birth_place": "Kendal",
              "regency_code": "33.74", "district_code": "33.74.01", "village_code": "33.74.01.1001",
              "address": "Jl. Baru 2", "marital_status": "menikah", "npwp": "",
              "csrf_token": csrf(page.text)}
    saved = await browser_like.post("/profil", data=values)
    assert saved.status_code == 303
    again = await browser_like.get("/profil")
    assert "Profil berhasil diperbarui" in again.text and "Ani Lestari Putri" in again.text
    bad = await browser_like.post("/profil", data={**values, "phone": "12ab"})
    assert bad.status_code == 422 and 'id="e-phone" data-error-for="phone">' in bad.text
