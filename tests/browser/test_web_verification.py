"""Verifikasi as the admin's work queue (issue 12), in Chromium against the real system: a new
application appears there and is verified from there (also found by its full NIK); closing a training
leaves no pending application and the participant sees why in Riwayat; no sideways scroll at 360 px."""
from __future__ import annotations

import re
import time

import httpx
import pytest
from browser_helpers import PASSWORD, login, register_over_http
from playwright.sync_api import expect
from training_helpers import OPEN_TRAINING, young_person

from services.training.tests.support import training_body
from services.ukm.tests.support import business_form, photo_files

pytestmark = pytest.mark.browser


def applicant(base_url: str, training_id: str) -> dict:
    """A participant with a business who applied for `training_id` (setup over HTTP)."""
    data = young_person()
    register_over_http(base_url, data)
    with httpx.Client(base_url=base_url, timeout=20) as c:
        token = c.post("/api/identity/auth/login",
                       json={"login": data["username"], "password": PASSWORD}).json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        r = c.post("/api/ukm/businesses", data=business_form(), files=photo_files(1), headers=auth)
        assert r.status_code == 201, r.text
        checklist = c.get(f"/api/training/trainings/{training_id}").json()["checklist"]
        form = {"business_id": r.json()["id"], "ticks": [str(i) for i in range(len(checklist))]}
        deadline = time.monotonic() + 60
        while True:  # 409 "Data Anda sedang diproses" until training has both copies
            r = c.post(f"/api/training/trainings/{training_id}/enrollments", data=form, headers=auth)
            if r.status_code != 409 or time.monotonic() > deadline:
                break
            time.sleep(0.3)
        assert r.status_code == 201, r.text
    return {**data, "enrollment_id": r.json()["id"]}


def no_sideways_scroll(page) -> None:
    page.set_viewport_size({"width": 360, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url
    page.set_viewport_size({"width": 390, "height": 844})


def test_a_new_application_is_verified_from_the_queue(page, audit, balai_stack):
    data = applicant(balai_stack.gateway_url, OPEN_TRAINING)
    login(page, "admin.jateng", balai_stack.admin_password)
    page.click('nav.sidebar a[href="/admin/verifikasi"]')
    expect(page.get_by_role("heading", name="Verifikasi Pendaftaran")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Menunggu verifikasi lebih dari 3 hari kerja: \d+"))).to_be_visible()
    page.fill("#f-q", data["nik"])  # the full NIK: looked up in identity, never sent to training
    page.click("form[role=search] button:has-text('Cari')")
    row = page.locator("tbody tr", has_text=data["username"])
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Belum diverifikasi")
    expect(row).to_contain_text("0 hari kerja")
    expect(row).to_contain_text("syarat terpenuhi")
    expect(row.get_by_role("link", name=re.compile("Hubungi via WhatsApp"))).to_have_attribute(
        "href", re.compile(r"^https://wa\.me/62\d+\?text=.*Koperasi"))
    audit(page)
    no_sideways_scroll(page)
    row.locator('input[name="ids"]').check()
    page.click("button:has-text('Verifikasi terpilih')")
    report = page.locator("section[aria-labelledby=judul-hasil]")
    expect(report).to_contain_text(re.compile(data["full_name"] + r": (Sudah diverifikasi|Daftar tunggu)"))
    expect(page.locator("tbody tr", has_text=data["username"])).to_have_count(0)
    audit(page)
    no_sideways_scroll(page)


def test_closing_a_training_leaves_nothing_pending(page, audit, balai_stack):
    with httpx.Client(base_url=balai_stack.gateway_url, timeout=20) as c:
        token = c.post("/api/identity/auth/login", json={"login": "admin.jateng",
                                                         "password": balai_stack.admin_password}).json()["access_token"]
        r = c.post("/api/training/admin/trainings", headers={"Authorization": f"Bearer {token}"},
                   json=training_body(requirements={"checklist": ["NIB", "Usia Maksimal 50 tahun"]}))
        assert r.status_code == 201, r.text
        training = r.json()
    data = applicant(balai_stack.gateway_url, training["id"])
    login(page, "admin.jateng", balai_stack.admin_password)
    page.goto(f"/admin/verifikasi?pelatihan={training['id']}")
    expect(page.locator("tbody tr", has_text=data["username"])).to_contain_text("Belum diverifikasi")
    page.goto(f"/admin/pelatihan/{training['id']}/presensi")
    page.check("#f-yakin")
    page.click("button:has-text('Tutup Pelatihan')")
    expect(page.get_by_text(re.compile(r"1 pendaftaran yang masih menunggu ditolak"))).to_be_visible()
    page.goto(f"/admin/verifikasi?pelatihan={training['id']}")
    expect(page.locator("tbody tr", has_text=data["username"])).to_have_count(0)
    page.goto(f"/admin/pelatihan/{training['id']}/peserta")
    expect(page.locator("tbody tr", has_text=data["username"])).to_contain_text("Ditolak")
    audit(page)
    no_sideways_scroll(page)
    page.context.clear_cookies()
    login(page, data["username"], PASSWORD)
    page.goto("/riwayat")
    row = page.locator("tr", has_text=training["title"])
    expect(row).to_contain_text("Ditolak")
    expect(row).to_contain_text("Pelatihan sudah ditutup")
    no_sideways_scroll(page)
