"""SKM and the app survey in Chromium against the real system (Si Pentol steps 21-27, the SKM SOP):
a participant fills the SKM as the guide shows, an anonymous respondent fills the app survey, the
admin opens the recap and downloads the report; axe-core and page weight on every page."""
from __future__ import annotations

import asyncio
import base64
import json
import os
import threading
import time

import httpx
import pytest
from browser_helpers import PASSWORD, login, person, register_over_http
from playwright.sync_api import expect

from services.survey.tests.support import JATENG, completed
from services.ukm.tests.support import publish

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("BALAI_SCREENSHOTS", "")


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def no_sideways_scroll(page) -> None:
    page.set_viewport_size({"width": 360, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, page.url
    page.set_viewport_size({"width": 390, "height": 844})


def _publish(bootstrap: str, envs) -> None:
    # Playwright's sync API owns this thread's event loop: publish from a thread of its own
    t = threading.Thread(target=lambda: asyncio.run(publish(bootstrap, envs)))
    t.start()
    t.join(30)


def invited_participant(stack) -> dict:
    data = person()
    register_over_http(stack.gateway_url, data)
    with httpx.Client(base_url=stack.gateway_url, timeout=20) as c:
        token = c.post("/api/identity/auth/login",
                       json={"login": data["username"], "password": PASSWORD}).json()["access_token"]
        claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
        _publish(stack.kafka_bootstrap, [completed(claims["sub"], training_title="Pemasaran Digital Angkatan 3")])
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            items = c.get("/api/survey/me/invitations", headers={"Authorization": f"Bearer {token}"}).json()["items"]
            if items:
                return data
            time.sleep(0.5)
    raise AssertionError("no invitation")


def test_participant_fills_the_skm_as_the_guide_shows(page, audit, balai_stack):
    data = invited_participant(balai_stack)
    login(page, data["username"], PASSWORD)
    page.goto("/dashboard")
    expect(page.get_by_role("link", name="Isi Survei Kepuasan Masyarakat (SKM)", exact=False)).to_be_visible()
    page.get_by_role("link", name="SKM", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Survei Kepuasan Masyarakat")
    audit(page)
    no_sideways_scroll(page)
    page.get_by_role("link", name="Isi Survey").click()
    expect(page.get_by_text("KUESIONER SURVEI KEPUASAN MASYARAKAT BALATKOP UKM PROVINSI JAWA TENGAH")).to_be_visible()
    audit(page)
    no_sideways_scroll(page)
    page.fill("#f-name", "Sri Wahyuni")
    page.fill("#f-email", "sri@contoh.id")
    page.fill("#f-phone", "0812 3456 7890")
    page.fill("#f-age", "34")
    page.select_option("#f-sex", "P")
    page.fill("#f-address", "Semarang")
    page.select_option("#f-education", "Diploma")
    page.select_option("#f-occupation", "Wirausaha/Pelaku UMKM")
    # submitting with unanswered questions shows the errors, keeps the typed identity
    page.click("button:has-text('Kirim')")
    expect(page.locator("#ringkasan-kesalahan")).to_be_visible()
    expect(page.locator("#f-name")).to_have_value("Sri Wahyuni")
    audit(page)
    for n in range(1, 10):
        page.check(f"input[name=p{n}][value='4']")
        page.check(f"input[name=i{n}][value='4']")
    page.fill("#f-suggestion", "Sangat baik lanjutkan!")
    shot(page, "skm_form")
    page.click("button:has-text('Kirim')")
    expect(page.get_by_role("status")).to_contain_text("SKM Anda sudah terkirim")
    expect(page.get_by_text("Sudah diisi")).to_be_visible()


def test_anonymous_respondent_fills_the_app_survey(page, audit):
    page.goto("/survey")
    expect(page.get_by_role("heading", level=1)).to_have_text("Survey Aplikasi Balai")
    expect(page.get_by_role("heading", name="KEMUDAHAN AKSES")).to_be_visible()
    audit(page)
    no_sideways_scroll(page)
    page.check("#f-anonymous")
    for group in page.locator("fieldset.sv-scale").all():
        radios = group.locator("input[type=radio]")
        radios.nth(radios.count() - 2).check()
    page.fill("#f-suggestion", "Tambahkan notifikasi WhatsApp")
    shot(page, "app_survey")
    page.click("button:has-text('Kirim Tanggapan')")
    expect(page.get_by_role("heading", name="Terima kasih")).to_be_visible()
    audit(page)


def test_walk_in_respondent_opens_the_public_link(page, audit):
    page.goto(f"/skm/{JATENG}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("KUESIONER SURVEI KEPUASAN MASYARAKAT")
    audit(page)
    no_sideways_scroll(page)
    shot(page, "public_form")
    page.goto("/ikm")
    expect(page.get_by_role("cell", name="Balatkop UKM Provinsi Jawa Tengah")).to_be_visible()
    audit(page)
    no_sideways_scroll(page)
    shot(page, "ikm")


def test_admin_opens_the_recap_and_downloads_the_report(page, audit):
    login(page, "admin.jateng", "Admin-Test-2026")
    page.goto("/admin/skm")
    expect(page.get_by_role("heading", name="Periode SKM")).to_be_visible()
    audit(page)
    page.get_by_role("link", name="Buka Rekap").first.click()
    expect(page.get_by_role("term").filter(has_text="IKM konversi")).to_be_visible()
    expect(page.get_by_role("heading", name="Analisis kepentingan–kinerja (diagram Kartesius)")).to_be_visible()
    expect(page.locator("svg.sv-ipa")).to_be_visible()
    audit(page)
    no_sideways_scroll(page)
    shot(page, "admin_recap")
    with page.expect_download() as info:
        page.get_by_role("link", name="Unduh Laporan SKM (PDF)").click()
    path = info.value.path()
    with open(path, "rb") as f:
        pdf = f.read()
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000
    if SHOTS:
        with open(f"{SHOTS}/report.pdf", "wb") as f:
            f.write(pdf)
    page.fill("#f-fu1_unsur", "Waktu Penyelesaian")
    page.fill("#f-fu1_program", "Standar waktu tanggapan 1 hari kerja")
    page.fill("#f-fu1_time", "Juli–September")
    page.fill("#f-fu1_responsible", "Kepala Seksi Pelatihan")
    page.click("#tindak-lanjut button:has-text('Simpan')")
    expect(page.get_by_role("status")).to_contain_text("Rencana tindak lanjut tersimpan")
    expect(page.locator("#f-fu1_program")).to_have_value("Standar waktu tanggapan 1 hari kerja")
    recap_url = page.url.split("#")[0]
    page.goto(recap_url + "/kertas")
    expect(page.get_by_role("heading", name="Entri satu formulir kertas")).to_be_visible()
    audit(page)
    page.goto(recap_url + "/kuesioner")
    expect(page.get_by_role("heading", name="Ubah Kuesioner")).to_be_visible()
    audit(page)
    no_sideways_scroll(page)
    shot(page, "content_editor")
    page.fill("[id='f-performance.3.a1']", "")
    page.click("button:has-text('Simpan')")
    expect(page.get_by_text("Keempat pilihan jawaban wajib diisi")).to_be_visible()
    page.fill("[id='f-performance.3.a1']", "Sangat Lambat")
    page.click("button:has-text('Simpan')")
    expect(page.get_by_role("status")).to_contain_text("Kuesioner periode ini tersimpan")
