"""Konsultasi pasca pelatihan in Chromium against the real system (issue 15): an alumnus of a closed
training asks from the Konsultasi page with an attachment, the admin answers from the organisation's
list, and the alumnus reads the answer; every page axe-clean, light, no sideways scroll at 360 px."""
from __future__ import annotations

import io
import time
from datetime import datetime

import httpx
import pytest
from browser_helpers import PASSWORD, login, register_over_http
from PIL import Image
from playwright.sync_api import expect
from training_helpers import young_person

from services.training.tests.support import WIB, training_body
from services.ukm.tests.support import business_form, photo_files

pytestmark = pytest.mark.browser
API = "/api/training"


def _png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (200, 240), (30, 90, 200)).save(buf, "PNG")
    return buf.getvalue()


def alumnus(base_url: str, admin_password: str) -> tuple[dict, str]:
    """A registered participant whose enrollment in a new training of today is `completed` (over HTTP)."""
    data = young_person()
    register_over_http(base_url, data)
    with httpx.Client(base_url=base_url, timeout=30) as c:
        def auth(login_value: str, password: str) -> dict:
            r = c.post("/api/identity/auth/login", json={"login": login_value, "password": password})
            return {"Authorization": f"Bearer {r.json()['access_token']}"}
        me, admin = auth(data["username"], PASSWORD), auth("admin.jateng", admin_password)
        r = c.post(f"{API}/admin/trainings", headers=admin, json=training_body(
            requirements={"checklist": ["NIB", "Usia Maksimal 50 tahun"]}))
        assert r.status_code == 201, r.text
        training = r.json()
        r = c.post("/api/ukm/businesses", data=business_form(), files=photo_files(1), headers=me)
        assert r.status_code == 201, r.text
        form = {"business_id": r.json()["id"], "ticks": ["0", "1"]}
        deadline = time.monotonic() + 60
        while True:  # 409 "Data Anda sedang diproses" until training has both copies
            r = c.post(f"{API}/trainings/{training['id']}/enrollments", data=form, headers=me)
            if r.status_code != 409 or time.monotonic() > deadline:
                break
            time.sleep(0.3)
        assert r.status_code == 201, r.text
        eid = r.json()["id"]
        assert c.post(f"{API}/admin/enrollments/{eid}/verify", headers=admin).status_code == 200
        r = c.post(f"{API}/enrollments/{eid}/confirm", headers=me, files={"photo": ("h.png", _png(), "image/png")})
        assert r.status_code == 200, r.text
        today = datetime.now(WIB).date().isoformat()
        r = c.put(f"{API}/admin/trainings/{training['id']}/attendance", headers=admin,
                  json={"day": today, "records": [{"enrollment_id": eid, "present": True}]})
        assert r.status_code == 200, r.text
        r = c.post(f"{API}/admin/trainings/{training['id']}/close", headers=admin)
        assert r.status_code == 200 and r.json()["completed"] == 1, r.text
    return data, training["title"]


def no_sideways_scroll(page) -> None:
    page.set_viewport_size({"width": 360, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url
    page.set_viewport_size({"width": 390, "height": 844})


def test_an_alumnus_asks_and_gets_an_answer(page, browser, audit, balai_stack):
    data, title = alumnus(balai_stack.gateway_url, balai_stack.admin_password)
    login(page, data["username"], PASSWORD)
    expect(page.get_by_role("link", name="Konsultasi").first).to_be_visible()
    page.click('nav.sidebar a[href="/konsultasi"]')
    expect(page.get_by_role("heading", name="Konsultasi Pasca Pelatihan")).to_be_visible()
    expect(page.get_by_text("Anda belum pernah mengajukan konsultasi.")).to_be_visible()
    audit(page)
    no_sideways_scroll(page)

    page.click("button:has-text('Kirim Konsultasi')")  # empty: the service's messages next to the fields
    expect(page.locator("#e-topic")).to_be_visible()
    audit(page)
    page.select_option("#f-training_id", label=f"{title} Angkatan 1")
    page.fill("#f-topic", "Harga pokok produksi roti")
    page.fill("#f-question", "Bagaimana cara menghitung harga pokok produksi untuk roti kami?")
    page.set_input_files("#f-files", files=[{"name": "laporan.pdf", "mimeType": "application/pdf",
                                             "buffer": b"%PDF-1.4\n% laporan\n%%EOF\n"}])
    page.click("button:has-text('Kirim Konsultasi')")
    expect(page.get_by_role("heading", name="Harga pokok produksi roti")).to_be_visible()
    expect(page.get_by_text("Konsultasi Anda terkirim")).to_be_visible()
    expect(page.get_by_text("Target jawaban pertama: 3 jam kerja")).to_be_visible()
    expect(page.get_by_role("link", name="Lampiran 1")).to_be_visible()
    thread_url = page.url
    audit(page)
    no_sideways_scroll(page)

    context = browser.new_context(base_url=balai_stack.gateway_url, locale="id-ID", bypass_csp=True,
                                  viewport={"width": 390, "height": 844})
    context.set_default_timeout(15_000)
    admin = context.new_page()
    try:
        login(admin, "admin.jateng", balai_stack.admin_password)
        expect(admin.locator("#tile-konsultasi")).to_contain_text("Menunggu jawaban")
        admin.click('nav.sidebar a[href="/admin/konsultasi"]')
        expect(admin.get_by_role("heading", name="Konsultasi Alumni")).to_be_visible()
        row = admin.locator("tbody tr", has_text="Harga pokok produksi roti").filter(has_text=data["full_name"])
        expect(row).to_have_count(1)
        audit(admin)
        no_sideways_scroll(admin)
        row.get_by_role("link", name="Harga pokok produksi roti").click()
        admin.fill("#f-body", "Jumlahkan biaya bahan, tenaga kerja dan overhead, lalu bagi dengan jumlah roti.")
        admin.click("button:has-text('Kirim Jawaban')")
        expect(admin.get_by_text("Jawaban terkirim.")).to_be_visible()
        audit(admin)
        no_sideways_scroll(admin)
    finally:
        context.close()

    page.goto(thread_url)
    expect(page.locator(".ks-msg-admin")).to_contain_text("bagi dengan jumlah roti")
    expect(page.get_by_text("Sudah dijawab")).to_be_visible()
    page.fill("#f-body", "Terima kasih, sudah jelas sekarang.")
    page.click("button:has-text('Kirim Pesan')")
    expect(page.get_by_text("Pesan terkirim.")).to_be_visible()
    page.click("button:has-text('Tutup Konsultasi')")
    expect(page.get_by_text("Konsultasi ini sudah selesai.")).to_be_visible()
    audit(page)
    page.goto("/konsultasi")
    expect(page.locator("tbody tr", has_text="Harga pokok produksi roti")).to_contain_text("Selesai")
    audit(page)
