"""Lodging pages (Konfirmasi Check In Kamar, Asrama) against a fake lodging service on a real socket."""
from __future__ import annotations

import re

import httpx
import pytest
from gw_fake_lodging import create_fake_lodging
from gw_servers import gateway_settings, start_server
from gw_webutil import csrf, login, register, registration

from gateway.main import create_app


@pytest.fixture(scope="session")
async def lodging_server(keypair):
    app = create_fake_lodging(keypair[1])
    running = await start_server(app)
    running.app = app
    yield running
    await running.stop()


@pytest.fixture(scope="session")
async def lodging_gateway(identity_server, ukm_server, lodging_server, keypair):
    settings = gateway_settings(identity_server.url, keypair[1])
    settings.service_urls.update(ukm=ukm_server.url, lodging=lodging_server.url)
    running = await start_server(create_app(settings))
    yield running
    await running.stop()


@pytest.fixture
async def web(lodging_gateway):
    async with httpx.AsyncClient(base_url=lodging_gateway.url, timeout=10) as c:
        yield c


async def test_participant_confirms_check_in_from_the_dashboard(web):
    data = registration()
    assert (await register(web, data)).status_code == 303
    dash = await web.get("/dashboard")
    assert 'href="/check-in">Konfirmasi check-in kamar K01' in dash.text
    page = await web.get("/check-in")
    assert page.status_code == 200 and "Wisma Melati" in page.text and "Sri" in page.text
    assert 'href="/check-in"' in page.text and "/segera-hadir/check-in" not in page.text
    stay_id = re.search(r'action="/check-in/([0-9a-f-]+)/proses"', page.text).group(1)
    r = await web.post(f"/check-in/{stay_id}/proses", data={"csrf_token": csrf(page.text)})
    assert r.status_code == 303 and r.headers["location"] == "/check-in"
    page = await web.get("/check-in")
    assert "Check-in kamar berhasil dikonfirmasi." in page.text and "Sudah check-in" in page.text
    r = await web.post(f"/check-in/{stay_id}/proses", data={"csrf_token": csrf(page.text)})
    assert r.status_code == 409 and "Anda sudah check-in di kamar ini" in r.text  # the service's message
    r = await web.post(f"/check-in/{stay_id}/kebutuhan", data={"csrf_token": csrf(page.text), "need": "Kursi roda"})
    assert r.status_code == 303


async def test_admin_board_and_guest_page(web):
    assert (await login(web, "admin", "admin12345")).status_code == 303
    page = await web.get("/admin/asrama", params={"q": "ani", "pelatihan": "Koperasi"})
    assert page.status_code == 200
    for label in ("Username / NIK Peserta", "Nama Pelatihan", "Menunggu kamar", "Keterisian kamar"):
        assert label in page.text
    assert 'href="/admin/asrama"' in page.text and "/admin/segera-hadir/asrama" not in page.text
    guest = re.search(r'href="/admin/asrama/tamu/([0-9a-f-]+)"', page.text)
    if guest:
        r = await web.get(f"/admin/asrama/tamu/{guest.group(1)}")
        assert r.status_code == 200 and "Pindah ke tempat tidur" in r.text
        r = await web.post(f"/admin/asrama/tamu/{guest.group(1)}/pindah",
                           data={"csrf_token": csrf(r.text), "bed_id": re.search(r'<option value="([0-9a-f-]{36})"', r.text).group(1)})
        assert r.status_code in (303, 409)
    r = await web.get("/admin/asrama/kamar")
    assert r.status_code == 200 and "Kelola Kamar Asrama" in r.text
