"""Jadwal → Daftar → verifikasi admin → Konfirmasi Kehadiran (Si Pentol steps 11-16), in Chromium,
against the real system (the demo seed has open trainings for both demo organisations)."""
from __future__ import annotations

import re

import pytest
from browser_helpers import PASSWORD, login
from playwright.sync_api import expect
from training_helpers import ONLINE_TRAINING, OPEN_TRAINING, image, participant_with_business

pytestmark = pytest.mark.browser

STATE: dict = {}


def test_schedule_and_detail_are_public(page, audit):
    page.goto("/jadwal")
    expect(page.get_by_role("heading", name="Jadwal Pelatihan")).to_be_visible()
    for header in ("No", "Judul Pelatihan", "Tanggal", "Status"):
        expect(page.get_by_role("columnheader", name=header)).to_be_visible()
    expect(page.locator(f'a[href="/jadwal/{OPEN_TRAINING}/daftar"]')).to_have_text("Daftar")
    expect(page.get_by_text("Pendaftaran tidak bisa dilakukan, sudah melewati batas waktu pendaftaran").first).to_be_visible()
    audit(page)
    page.select_option("#f-mode", "online")
    page.click("button:has-text('Terapkan')")
    expect(page).to_have_url(re.compile(r"mode=online"))
    expect(page.locator(f'a[href="/jadwal/{ONLINE_TRAINING}"]')).to_be_visible()
    expect(page.locator(f'a[href="/jadwal/{OPEN_TRAINING}"]')).to_have_count(0)
    page.goto(f"/jadwal/{OPEN_TRAINING}")
    expect(page.get_by_text("Rata-rata Penilaian")).to_be_visible()
    expect(page.get_by_text("WIB").first).to_be_visible()
    audit(page)


def test_participant_registers_for_a_training(page, audit, balai_stack):
    data = participant_with_business(balai_stack.gateway_url)
    STATE["participant"] = data
    login(page, data["username"], PASSWORD)
    expect(page).to_have_url(re.compile(r"/dashboard$"))
    audit(page)
    page.click("nav.sidebar >> text=Jadwal Pelatihan")
    expect(page).to_have_url(re.compile(r"/jadwal$"))
    audit(page)
    page.click(f'a[href="/jadwal/{OPEN_TRAINING}/daftar"]')
    expect(page.get_by_role("heading", name="Daftar Pelatihan")).to_be_visible()
    form = page.locator("form.tr-register")
    expect(form).to_contain_text("UKM / Koperasi yang akan mengikuti pelatihan")
    expect(form).to_contain_text(data["business"])
    expect(form).to_contain_text("(Aset memenuhi syarat)")
    expect(form).to_contain_text("(Omset memenuhi syarat)")
    expect(form).to_contain_text("(Tenaga kerja memenuhi syarat)")
    expect(form).to_contain_text("(Umur anda memenuhi syarat)")
    expect(form).to_contain_text("*silahkan klik/centang")
    audit(page)
    page.set_input_files("#f-photo_1", image((200, 120, 40)))
    for box in page.locator('input[name="ticks"]').all():
        box.check()
    page.click("button:has-text('DAFTAR')")
    expect(page).to_have_url(re.compile(r"/riwayat$"))
    row = page.locator("tr", has_text="Koperasi Modern")
    expect(row).to_contain_text("Belum diverifikasi")
    expect(row.get_by_role("link", name=re.compile("Batalkan"))).to_be_visible()
    audit(page)


def test_admin_verifies_the_enrollment(page, audit, balai_stack):
    data = STATE.get("participant") or pytest.skip("needs the registration test")
    login(page, "admin.jateng", balai_stack.admin_password)
    expect(page).to_have_url(re.compile(r"/admin$"))
    page.click("nav.sidebar >> text=Kelola Pelatihan")
    expect(page.get_by_role("link", name="Tambah Pelatihan")).to_be_visible()
    audit(page)
    page.goto(f"/admin/pelatihan/{OPEN_TRAINING}/peserta?status=submitted")
    row = page.locator("tbody tr", has_text=data["username"])
    expect(row).to_contain_text("Belum diverifikasi")
    audit(page)
    row.locator('input[name="ids"]').check()
    page.click("button:has-text('Verifikasi terpilih')")
    expect(page.get_by_text(re.compile(r"Hasil: 1 diverifikasi"))).to_be_visible()
    page.goto(f"/admin/pelatihan/{OPEN_TRAINING}/peserta?q={data['full_name'].split()[0]}")
    row = page.locator("tbody tr", has_text=data["username"])
    expect(row).to_contain_text("Sudah diverifikasi")
    row.get_by_role("link", name=data["full_name"], exact=True).click()
    expect(page.get_by_role("heading", name="Detail Pendaftaran")).to_be_visible()
    expect(page.get_by_text("(Aset memenuhi syarat)")).to_be_visible()
    audit(page)
    for path in ("/admin/verifikasi", "/admin/testimoni", f"/admin/pelatihan/{OPEN_TRAINING}/presensi",
                 f"/admin/pelatihan/{OPEN_TRAINING}/edit", "/admin/pelatihan/baru"):
        page.goto(path)
        expect(page.locator("h1")).to_be_visible()
        audit(page)
    expect(page.locator("#f-req_checklist")).to_be_visible()


def test_participant_confirms_with_a_blue_photo(page, audit):
    data = STATE.get("participant") or pytest.skip("needs the registration test")
    login(page, data["username"], PASSWORD)
    page.goto("/riwayat")
    row = page.locator("tr", has_text="Koperasi Modern")
    expect(row).to_contain_text("Sudah diverifikasi")
    row.get_by_role("link", name=re.compile("Konfirmasi Pelatihan")).click()
    expect(page.get_by_role("heading", name="Konfirmasi Kehadiran Pelatihan")).to_be_visible()
    expect(page.get_by_text("* Harap upload foto dengan background biru")).to_be_visible()
    audit(page)
    page.set_input_files("#f-photo", image((250, 250, 250)))
    page.click("button:has-text('KONFIRMASI')")
    expect(page.locator("#e-photo")).to_have_text("Latar belakang foto harus berwarna biru")
    expect(page.locator("#f-photo")).to_have_attribute("aria-invalid", "true")
    audit(page)
    page.set_input_files("#f-photo", image((30, 90, 200)))
    page.click("button:has-text('KONFIRMASI')")
    expect(page.get_by_role("heading", name="Konfirmasi kehadiran berhasil.")).to_be_visible()
    link = page.get_by_role("link", name="Gabung grup WhatsApp pelatihan")
    expect(link).to_have_attribute("href", re.compile(r"^https://chat\.whatsapp\.com/"))
    audit(page)
    page.goto("/dashboard")
    expect(page.locator("section[aria-labelledby=judul-riwayat]")).to_contain_text("Sudah konfirmasi")
    expect(page.get_by_text("Jumlah Pelatihan Yang Pernah Diikuti")).to_be_visible()
    audit(page)
    page.goto("/riwayat")
    page.locator("tr", has_text="Koperasi Modern").get_by_role("link", name=re.compile("Testimoni")).click()
    page.check("#f-rating-5")
    page.fill("#f-text", "Sangat baik dan mudah digunakan")
    audit(page)
    page.click("button:has-text('KIRIM ULASAN')")
    expect(page.get_by_text("Terima kasih, testimoni Anda tersimpan.")).to_be_visible()
    page.click("nav.sidebar >> text=Testimoni")
    expect(page.get_by_role("link", name=re.compile("Koperasi Modern"))).to_be_visible()
    audit(page)
