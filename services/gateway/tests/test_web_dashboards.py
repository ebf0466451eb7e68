"""The dashboards against fake services on real sockets: the admin's tiles (counts that move, each
tile degrading alone), the participant's "Yang perlu Anda lakukan", and the admin menu's names."""
from __future__ import annotations

import re
import uuid
from datetime import datetime

import httpx
import pytest
from gw_fake_certificate import create_fake_certificate
from gw_fake_lodging import WIB, create_fake_lodging
from gw_fake_summaries import (
    add_certificate_summary,
    add_lodging_summary,
    add_training_summary,
    create_fake_survey_ikm,
)
from gw_fake_training import create_fake_training
from gw_servers import free_port, gateway_settings, start_server
from gw_webutil import login, register, registration

from gateway.main import create_app


@pytest.fixture(scope="session")
async def dash_fakes(keypair):
    pem = keypair[1]
    training, certificate, lodging = create_fake_training(pem), create_fake_certificate(pem), create_fake_lodging(pem)
    add_training_summary(training, pem)
    add_certificate_summary(certificate, pem)
    add_lodging_summary(lodging, pem)
    apps = dict(training=training, certificate=certificate, lodging=lodging, survey=create_fake_survey_ikm())
    servers = {name: await start_server(app) for name, app in apps.items()}
    yield {name: (servers[name], app) for name, app in apps.items()}
    for s in servers.values():
        await s.stop()


async def _gateway(identity_server, ukm_server, keypair, urls: dict):
    settings = gateway_settings(identity_server.url, keypair[1])
    settings.service_urls.update(ukm=ukm_server.url, **urls)
    return await start_server(create_app(settings))


@pytest.fixture(scope="session")
async def dash_gateway(identity_server, ukm_server, keypair, dash_fakes):
    running = await _gateway(identity_server, ukm_server, keypair, {k: s.url for k, (s, _) in dash_fakes.items()})
    yield running
    await running.stop()


@pytest.fixture
async def web(dash_gateway):
    async with httpx.AsyncClient(base_url=dash_gateway.url, timeout=10) as c:
        yield c


def tile(html: str, name: str) -> str:
    return html.split(f'id="tile-{name}">', 1)[1].split('class="card db-tile"', 1)[0]


def count(html: str, name: str, label: str) -> int:
    return int(re.search(rf"<strong>(\d+)</strong> {label}", tile(html, name)).group(1))


def _enrollment(training_id: str, status: str, **extra) -> dict:
    return dict(id=str(uuid.uuid4()), training_id=training_id, participant_id=str(uuid.uuid4()), status=status,
                participant_name="Budi", business_name="Roti", submitted_at=datetime.now(WIB).isoformat(), **extra)


async def test_admin_tiles_show_counts_that_move(web, dash_fakes):
    training = dash_fakes["training"][1].state.store
    certs = dash_fakes["certificate"][1].state.store
    assert (await login(web, "admin", "admin12345")).status_code == 303
    page = await web.get("/admin")
    assert page.status_code == 200
    before = count(page.text, "pendaftaran", "Menunggu verifikasi")
    overdue_before = count(page.text, "pendaftaran", "Lewat 3 hari kerja")
    # a new application, an overdue one, a verified one that has not confirmed, a certificate this week
    soon = training.open  # starts in 14 days: inside the tile's window
    for e in (_enrollment(soon, "submitted"), _enrollment(soon, "submitted", old=True), _enrollment(soon, "verified")):
        training.enrollments[e["id"]] = e
    certs.add(str(uuid.uuid4()), issued_on=datetime.now(WIB).date().isoformat())
    page = await web.get("/admin")
    assert count(page.text, "pendaftaran", "Menunggu verifikasi") == before + 2
    assert count(page.text, "pendaftaran", "Lewat 3 hari kerja") == overdue_before + 1
    upcoming = tile(page.text, "pelatihan")
    assert "Koperasi Modern Angkatan 1" in upcoming and "Kursi terisi 0/30" in upcoming
    assert re.search(r"Belum konfirmasi: [1-9]", upcoming)
    assert f'href="/admin/pelatihan/{soon}/peserta"' in upcoming
    assert count(page.text, "sertifikat", "Terbit minggu ini") >= 1
    assert count(page.text, "asrama", "Menunggu kamar") == 0
    skm = tile(page.text, "skm")
    assert "85,25" in skm and "Mutu pelayanan: B (Baik)" in skm
    assert "70,00" not in skm and "Jawa Timur" not in page.text  # another organisation's IKM stays out
    for href in ('href="/admin/verifikasi"', 'href="/admin/asrama"', 'href="/admin/sertifikat"', 'href="/admin/skm"'):
        assert href in page.text


async def test_each_tile_degrades_alone(identity_server, ukm_server, keypair, dash_fakes):
    dead = f"http://127.0.0.1:{free_port()}"  # nothing listens there: the service is down
    urls = {k: s.url for k, (s, _) in dash_fakes.items()}
    running = await _gateway(identity_server, ukm_server, keypair, {**urls, "lodging": dead, "survey": dead})
    try:
        async with httpx.AsyncClient(base_url=running.url, timeout=10) as c:
            assert (await login(c, "admin", "admin12345")).status_code == 303
            page = await c.get("/admin")
    finally:
        await running.stop()
    assert page.status_code == 200
    assert "Data asrama sedang tidak tersedia." in tile(page.text, "asrama")
    assert "Data SKM sedang tidak tersedia." in tile(page.text, "skm")
    assert "Menunggu verifikasi" in tile(page.text, "pendaftaran")  # the others still answer
    assert "Terbit minggu ini" in tile(page.text, "sertifikat")


async def test_participant_cannot_open_the_admin_dashboard(web):
    assert (await register(web, registration())).status_code == 303
    r = await web.get("/admin")
    assert r.status_code in (303, 403) and "Menunggu verifikasi" not in r.text


async def test_participant_next_steps(web, dash_fakes, fake_store):
    data = registration()
    assert (await register(web, data)).status_code == 303
    pid = next(p["id"] for p in fake_store.people.values() if p["username"] == data["username"])
    cert = dash_fakes["certificate"][1].state.store.add(pid, issued_on=datetime.now(WIB).date().isoformat(),
                                                         issued_at=datetime.now(WIB).isoformat())
    dash_fakes["certificate"][1].state.store.add(pid, issued_on="2020-01-02", issued_at="2020-01-02T03:00:00Z")
    page = await web.get("/dashboard")
    assert page.status_code == 200
    todo = re.search(r'<h2 id="judul-todo">(.*?)</section>', page.text, re.S).group(1)
    assert 'href="/ukm">Lengkapi Data Usaha</a>' in todo  # no business yet: the first step
    assert 'href="/check-in">Konfirmasi check-in kamar K01</a>' in todo  # the fake lodging's room
    assert f'href="/e-sertifikat/{cert["id"]}/proses">Unduh sertifikat</a>' in todo
    assert todo.count(">Unduh sertifikat</a>") == 1  # a certificate of 2020 is no longer a next step
    assert "Sebagian data sedang tidak tersedia (SKM)" in todo  # the fake survey has no invitations route


async def test_admin_menu_names_say_what_they_do(web):
    assert (await login(web, "admin", "admin12345")).status_code == 303
    page = await web.get("/admin")
    nav = re.search(r'<nav class="sidebar".*?</nav>', page.text, re.S).group(0)
    for href, name in (("/admin/pelatihan", "Kelola Pelatihan"), ("/admin/galeri", "Kelola Galeri"),
                       ("/admin/verifikasi", "Verifikasi Pendaftaran"), ("/admin/asrama", "Kelola Asrama")):
        assert f'href="{href}">{name}</a>' in nav
    assert ">Jadwal Pelatihan<" not in nav  # the public /jadwal keeps that name


async def test_superadmin_sees_all_organisations_or_chooses_one(web, fake_store):
    sid = str(uuid.uuid4())
    fake_store.people[sid] = {"id": sid, "username": "super.dash", "password": "super12345", "role": "superadmin",
                              "org_id": None, "full_name": "Super Admin", "nik": None,
                              "created_at": datetime.now(WIB).isoformat()}
    assert (await login(web, "super.dash", "super12345")).status_code == 303
    page = await web.get("/admin")
    assert page.status_code == 200 and '<label for="f-org">Organisasi</label>' in page.text
    skm = tile(page.text, "skm")
    assert "85,25" in skm and "70,00" in skm  # every organisation's IKM
    chosen = await web.get("/admin", params={"org": "0b0a1a10-0000-4000-8000-000000000001"})
    skm = tile(chosen.text, "skm")
    assert "70,00" in skm and "85,25" not in skm
    assert 'value="0b0a1a10-0000-4000-8000-000000000001" selected' in chosen.text
    odd = await web.get("/admin", params={"org": "bukan-uuid"})  # ignored: all organisations again
    assert odd.status_code == 200 and "85,25" in tile(odd.text, "skm")
