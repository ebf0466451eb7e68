"""Konfirmasi Check In Kamar on a phone and the admin's Asrama board (issue 9), in Chromium against
the real system: a residential AttendanceConfirmed gives the participant a room of the demo dormitory."""
from __future__ import annotations

import asyncio
import re
import threading
import uuid
from datetime import datetime, timedelta

import httpx
import pytest
from browser_helpers import PASSWORD, login, person, register_over_http
from playwright.sync_api import expect

from balai_platform.clock import WIB
from services.lodging.tests.support import attendance, publish

pytestmark = pytest.mark.browser
ORG_JATENG = uuid.UUID("0b0a1a10-0000-4000-8000-000000000001")
SHOTS = "/tmp/lodging-shots"
STATE: dict = {}


def _in_thread(coro) -> None:
    """Playwright's sync API owns this thread's event loop: publish from another thread."""
    thread = threading.Thread(target=asyncio.run, args=(coro,))
    thread.start()
    thread.join(30)


def _guest(stack) -> dict:
    if STATE:
        return STATE
    data = person()
    register_over_http(stack.gateway_url, data)
    with httpx.Client(base_url=stack.gateway_url, timeout=20) as c:
        token = c.post("/api/identity/auth/login", json={"login": data["username"], "password": PASSWORD}
                       ).json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        pid = c.get("/api/identity/me", headers=auth).json()["id"]
        sex = "P" if int(data["nik"][6:8]) > 40 else "L"
        today = datetime.now(WIB).date()
        training = uuid.uuid4()
        env = attendance(ORG_JATENG, participant_id=uuid.UUID(pid), sex=sex, participant_name=data["full_name"],
                         training_id=training, training_title="Pelatihan Asrama Peramban",
                         start_date=today, end_date=today + timedelta(days=2))
        _in_thread(publish(stack.kafka_bootstrap, [env]))
        for _ in range(200):
            items = c.get("/api/lodging/me/stays", headers=auth).json()["items"]
            if items and items[0]["room_code"]:
                break
            threading.Event().wait(0.3)
        else:
            pytest.fail("no room assigned")
    STATE.update(data=data, room=items[0]["room_code"], training=str(training))
    return STATE


def _no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_check_in_on_a_phone(page, audit, balai_stack):
    g = _guest(balai_stack)
    page.set_viewport_size({"width": 360, "height": 740})
    login(page, g["data"]["username"], PASSWORD)
    expect(page).to_have_url(re.compile(r"/dashboard"))
    next_step = page.get_by_role("link", name=f"Konfirmasi check-in kamar {g['room']}")
    expect(next_step).to_be_visible()
    next_step.click()
    expect(page.get_by_role("heading", name="Konfirmasi Check In Kamar")).to_be_visible()
    expect(page.get_by_text(g["room"]).first).to_be_visible()
    _no_sideways_scroll(page)
    audit(page)
    page.screenshot(path=f"{SHOTS}-checkin.png", full_page=True)
    page.fill("textarea[name=need]", "Kamar ramah disabilitas")
    page.click("button:has-text('Simpan kebutuhan')")
    expect(page.get_by_text("Kebutuhan Anda tersimpan")).to_be_visible()
    page.get_by_role("button", name=f"Proses check-in kamar {g['room']}").click()
    expect(page.get_by_text("Check-in kamar berhasil dikonfirmasi.")).to_be_visible()
    expect(page.get_by_text("Sudah check-in").first).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Check-out"))).to_be_visible()
    _no_sideways_scroll(page)
    audit(page)


def test_admin_board(page, audit, balai_stack):
    g = _guest(balai_stack)
    login(page, "admin.jateng", balai_stack.admin_password)
    page.goto("/admin/asrama")
    expect(page.get_by_role("heading", name="Asrama", exact=True)).to_be_visible()
    for label in ("Username / NIK Peserta", "Nama Pelatihan"):
        expect(page.get_by_label(label)).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Menunggu kamar"))).to_be_visible()
    audit(page)
    page.screenshot(path=f"{SHOTS}-board.png", full_page=True)
    page.fill("#f-q", g["data"]["nik"])  # "Username / NIK Peserta": a full NIK finds the guest too
    page.click("button:has-text('Cari')")
    expect(page.get_by_role("cell", name=re.compile(g["data"]["username"])).first).to_be_visible()
    expect(page.get_by_text("Tamu (1)")).to_be_visible()
    page.get_by_role("link", name=re.compile("Ubah")).first.click()
    expect(page.get_by_label("Pindah ke tempat tidur")).to_be_visible()
    audit(page)
    page.goto(f"/admin/asrama/pelatihan/{g['training']}")
    expect(page.get_by_role("heading", name="Daftar Kamar Peserta")).to_be_visible()
    expect(page.get_by_role("link", name="Unduh XLSX")).to_be_visible()
    audit(page)
    page.goto("/admin/asrama/kamar")
    expect(page.get_by_role("heading", name="Kelola Kamar Asrama")).to_be_visible()
    audit(page)
    page.screenshot(path=f"{SHOTS}-rooms.png", full_page=True)
    page.get_by_role("link", name="Ubah K01").click()
    expect(page.get_by_role("heading", name="Ubah kamar K01")).to_be_visible()
    expect(page.get_by_label("AC")).to_be_checked()
    audit(page)
    page.click("button:has-text('Simpan')")
    expect(page.get_by_text("Kamar tersimpan.")).to_be_visible()


def test_superadmin_board_chooses_an_organisation(page, audit, balai_stack):
    login(page, balai_stack.admin_username, balai_stack.admin_password)
    page.goto("/admin/asrama")
    expect(page.get_by_label("Organisasi")).to_be_visible()
    expect(page.get_by_role("heading", name="Keterisian kamar")).to_be_visible()
    audit(page)
