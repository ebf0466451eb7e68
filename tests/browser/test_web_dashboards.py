"""The dashboards on a 360-px phone against the real system (issue 12): the admin's tiles count what
waits and the counts move when the data does; the participant's "Yang perlu Anda lakukan" names the
next step with one button; no page the test visits scrolls sideways; axe-clean. (A tile that degrades
when its service is down is tested at the gateway with a stopped fake: services/gateway/tests.)"""
from __future__ import annotations

import re
from datetime import datetime, timedelta

import httpx
import pytest
from browser_helpers import PASSWORD, login
from playwright.sync_api import expect
from training_helpers import participant_with_business

from balai_platform.clock import WIB
from services.training.tests.support import png, training_body

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}
SHOTS = "/tmp/dashboard-shots"
ADMIN_PAGES = ["/admin", "/admin/peserta", "/admin/ukm", "/admin/galeri", "/admin/pelatihan", "/admin/verifikasi",
               "/admin/asrama", "/admin/sertifikat", "/admin/skm", "/admin/testimoni"]
PARTICIPANT_PAGES = ["/dashboard", "/profil", "/ukm", "/riwayat", "/jadwal", "/check-in", "/e-sertifikat", "/skm"]


def no_sideways_scroll(page) -> None:
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], (page.url, width)


def tile_count(page, tile: str, label: str) -> int:
    text = page.locator(f"#tile-{tile}").get_by_role("link", name=re.compile(label)).inner_text()
    return int(re.match(r"\s*(\d+)", text).group(1))


def _token(c: httpx.Client, who: str, password: str) -> dict:
    r = c.post("/api/identity/auth/login", json={"login": who, "password": password})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def test_dashboards_count_and_guide_on_a_phone(page, audit, balai_stack):
    data = participant_with_business(balai_stack.gateway_url)
    page.set_viewport_size(PHONE)
    login(page, "admin.jateng", balai_stack.admin_password)
    expect(page).to_have_url(re.compile(r"/admin$"))
    waiting = tile_count(page, "pendaftaran", "Menunggu verifikasi")
    expect(page.locator("nav.sidebar").get_by_role("link", name="Kelola Pelatihan")).to_have_attribute(
        "href", "/admin/pelatihan")
    no_sideways_scroll(page)
    audit(page)
    today = datetime.now(WIB).date()
    with httpx.Client(base_url=balai_stack.gateway_url, timeout=30) as c:
        admin = _token(c, "admin.jateng", balai_stack.admin_password)
        body = training_body(title="Pelatihan Dasbor", start_date=(today + timedelta(days=5)).isoformat(),
                             end_date=(today + timedelta(days=6)).isoformat(), quota=12)
        r = c.post("/api/training/admin/trainings", json=body, headers=admin)
        assert r.status_code == 201, r.text
        training = r.json()["id"]
        peserta = _token(c, data["username"], PASSWORD)
        business = c.get("/api/ukm/businesses/mine", headers=peserta).json()["items"][0]["id"]
        r = c.post(f"/api/training/trainings/{training}/enrollments", headers=peserta,
                   data={"business_id": business, "ticks": ["0", "1"]},
                   files=[("photo_1", ("produk.png", png(), "image/png"))])
        assert r.status_code == 201, r.text
        enrollment = r.json()["id"]
        page.reload()
        assert tile_count(page, "pendaftaran", "Menunggu verifikasi") == waiting + 1  # the count moved
        soon = page.locator("#tile-pelatihan li", has_text="Pelatihan Dasbor")
        expect(soon).to_contain_text("Kursi terisi 0/12")
        r = c.post(f"/api/training/admin/enrollments/{enrollment}/verify", headers=admin)
        assert r.status_code == 200, r.text
    page.reload()
    assert tile_count(page, "pendaftaran", "Menunggu verifikasi") == waiting
    expect(soon).to_contain_text("Kursi terisi 1/12")
    expect(soon).to_contain_text("Belum konfirmasi: 1")
    for tile in ("asrama", "sertifikat", "skm"):
        expect(page.locator(f"#tile-{tile}")).not_to_contain_text("tidak tersedia")
    page.screenshot(path=f"{SHOTS}-admin.png", full_page=True)
    for path in ADMIN_PAGES + [f"/admin/pelatihan/{training}/peserta"]:
        page.goto(path)
        no_sideways_scroll(page)
    audit(page)
    page.context.clear_cookies()

    login(page, data["username"], PASSWORD)
    expect(page).to_have_url(re.compile(r"/dashboard$"))
    todo = page.locator("section", has=page.get_by_role("heading", name="Yang perlu Anda lakukan"))
    expect(todo).to_contain_text("Pelatihan Dasbor")
    confirm = todo.get_by_role("link", name="Konfirmasi Pelatihan")
    expect(confirm).to_have_attribute("href", f"/riwayat/{enrollment}/konfirmasi")
    no_sideways_scroll(page)
    audit(page)
    page.screenshot(path=f"{SHOTS}-participant.png", full_page=True)
    for path in PARTICIPANT_PAGES:
        page.goto(path)
        no_sideways_scroll(page)
    page.goto("/riwayat")
    cancel = page.get_by_role("link", name=re.compile("Batalkan")).first
    box, view = cancel.bounding_box(), page.viewport_size
    assert box and box["x"] + box["width"] <= view["width"], box  # not cut off at the right edge
    page.screenshot(path=f"{SHOTS}-riwayat.png", full_page=True)
    page.goto("/dashboard")
    todo.get_by_role("link", name="Konfirmasi Pelatihan").click()  # the one button leads to the step
    expect(page).to_have_url(re.compile(rf"/riwayat/{enrollment}/konfirmasi$"))
