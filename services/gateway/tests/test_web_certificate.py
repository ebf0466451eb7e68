"""Certificate pages (E-Sertifikat, public verification, admin Sertifikat) against a fake certificate
service on a real socket."""
from __future__ import annotations

import httpx
import pytest
from gw_fake_certificate import PDF, create_fake_certificate
from gw_servers import gateway_settings, start_server
from gw_webutil import csrf, login, register, registration

from gateway.main import create_app


@pytest.fixture(scope="session")
async def certificate_server(keypair):
    app = create_fake_certificate(keypair[1])
    running = await start_server(app)
    running.app = app
    yield running
    await running.stop()


@pytest.fixture(scope="session")
async def certificate_gateway(identity_server, certificate_server, keypair):
    settings = gateway_settings(identity_server.url, keypair[1])
    settings.service_urls.update(certificate=certificate_server.url)
    running = await start_server(create_app(settings))
    yield running
    await running.stop()


@pytest.fixture
def store(certificate_server):
    return certificate_server.app.state.store


@pytest.fixture
async def web(certificate_gateway):
    async with httpx.AsyncClient(base_url=certificate_gateway.url, timeout=10) as c:
        yield c


async def participant(client, fake_store) -> str:
    data = registration()
    assert (await register(client, data)).status_code == 303
    return next(p["id"] for p in fake_store.people.values() if p["username"] == data["username"])


async def test_e_sertifikat_lists_own_certificates_with_proses_and_badge(web, fake_store, store):
    pid = await participant(web, fake_store)
    issued = store.add(pid)
    store.add(pid, status="pending")
    gated = store.add(pid)
    store.skm_required.add(gated["training_id"])
    page = await web.get("/e-sertifikat")
    assert page.status_code == 200
    assert issued["number"] in page.text and "Sedang diproses" in page.text
    assert f'href="/e-sertifikat/{issued["id"]}/proses"' in page.text
    assert f'href="/e-sertifikat/{gated["id"]}/proses"' not in page.text and "Isi SKM" in page.text
    pdf = await web.get(f"/e-sertifikat/{issued['id']}/proses")
    assert pdf.status_code == 200 and pdf.content == PDF and "attachment" in pdf.headers["content-disposition"]
    assert "no-store" in pdf.headers["cache-control"]
    refused = await web.get(f"/e-sertifikat/{gated['id']}/proses")
    assert refused.status_code == 409 and "Survei Kepuasan Masyarakat" in refused.text
    badge = await web.get(f"/e-sertifikat/{issued['id']}/open-badge")
    assert badge.status_code == 200 and badge.text.count(".") == 2
    other = store.add("00000000-0000-4000-8000-000000000000")
    assert (await web.get(f"/e-sertifikat/{other['id']}/proses")).status_code == 404


async def test_public_verification_page_and_upload_check(web, store):
    cert = store.add("00000000-0000-4000-8000-000000000001")
    page = await web.get(f"/verifikasi/{cert['code'].lower()}")
    assert page.status_code == 200 and "SAH" in page.text and cert["number"] in page.text
    assert page.headers["cache-control"] == "no-store"
    token = csrf(page.text)
    ok = await web.post(f"/verifikasi/{cert['code']}", data={"csrf_token": token},
                        files={"berkas": ("s.pdf", PDF, "application/pdf")})
    assert ok.status_code == 200 and "COCOK —" in ok.text
    bad = await web.post(f"/verifikasi/{cert['code']}", data={"csrf_token": token},
                         files={"berkas": ("s.pdf", PDF + b" ", "application/pdf")})
    assert "TIDAK COCOK" in bad.text
    missing = await web.post(f"/verifikasi/{cert['code']}", data={"csrf_token": token})
    assert missing.status_code == 422 and "Pilih berkas PDF" in missing.text
    store.certs[cert["id"]].update(status="revoked", revoke_reason="Data kehadiran salah",
                                   revoked_at="2026-07-01T03:00:00Z")
    revoked = await web.get(f"/verifikasi/{cert['code']}")
    assert "DICABUT" in revoked.text and "Data kehadiran salah" in revoked.text
    assert (await web.get("/verifikasi/AAAAAAAAAAAAAAAA")).status_code == 404
    assert (await web.get("/verifikasi/bukan-kode")).status_code == 404
    typed = await web.get("/verifikasi", params={"kode": cert["code"][:8] + " " + cert["code"][8:]},
                          follow_redirects=False)
    assert typed.status_code == 303 and typed.headers["location"] == f"/verifikasi/{cert['code']}"
    assert (await web.get("/.well-known/did.json")).json()["id"] == "did:web:testserver"
    assert (await web.get("/.well-known/jwks.json")).json() == {"keys": []}


async def test_admin_lists_revokes_with_reason_and_edits_the_template(web, store):
    cert = store.add("00000000-0000-4000-8000-000000000002")
    assert (await login(web, "admin", "admin12345")).status_code == 303
    page = await web.get("/admin/sertifikat", params={"pelatihan": cert["training_id"]})
    assert page.status_code == 200 and cert["number"] in page.text and "Unduh semua (ZIP)" in page.text
    detail = await web.get(f"/admin/sertifikat/{cert['id']}")
    assert detail.status_code == 200 and "Cabut sertifikat" in detail.text
    short = await web.post(f"/admin/sertifikat/{cert['id']}/cabut", data={"reason": "x", "csrf_token": csrf(detail.text)})
    assert short.status_code == 422 and "Alasan pencabutan 5-500 karakter" in short.text
    done = await web.post(f"/admin/sertifikat/{cert['id']}/cabut",
                          data={"reason": "Peserta tidak hadir penuh", "csrf_token": csrf(detail.text)})
    assert done.status_code == 303 and store.certs[cert["id"]]["status"] == "revoked"
    editor = await web.get("/admin/sertifikat/template")
    assert editor.status_code == 200 and "{seq:03d}/BALATKOP-UKM/{roman_month}/{year}" in editor.text
    preview = await web.post("/admin/sertifikat/template/pratinjau", data={"csrf_token": csrf(editor.text)})
    assert preview.status_code == 200 and preview.content == PDF
