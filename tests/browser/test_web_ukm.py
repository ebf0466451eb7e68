"""UKM/Koperasi registration and the E-Dukasi gallery, in Chromium, against the real system."""
from __future__ import annotations

import re

import pytest
from browser_helpers import PASSWORD, choose_region, login, person, png, register_over_http
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

BUSINESS = {"permit_number": "1234567890123", "name": "Roti Enak Bu Sri", "owner_name": "Sri Wahyuni",
            "address": "Jl. Pandanaran 12", "specification": "Roti manis rumahan tanpa pengawet",
            "halal_number": "ID33110000123450321", "pirt_number": "2063374010123-26", "bpom_number": "",
            "haki_number": "", "brand": "Roti Enak", "founded_year": "2009", "phone": "081234567890",
            "social_media": "@rotienak", "capacity": "10", "net_profit_month": "100.000.000",
            "workforce_male": "1", "workforce_female": "1", "assets": "Rp 100.000.000",
            "turnover": "100000000"}
SELECTS = {"kind": "ukm", "permit_kind": "nib", "position": "pemilik", "category": "makanan_minuman",
           "legal_form": "perseroan", "capacity_unit": "pcs", "product_type": "makanan",
           "sector": "industri_pengolahan", "market_segment": "kab_kota",
           "distribution_channel": "produsen_konsumen"}
REGION = {"regency_code": "33.74", "district_code": "33.74.01", "village_code": "33.74.01.1001"}
SECTION_FIELDS = [
    ["kind", "permit_kind", "permit_number", "name", "owner_name"],
    ["address", "position"],
    ["category", "specification", "halal_number", "pirt_number", "bpom_number", "haki_number", "brand",
     "founded_year", "phone", "social_media", "legal_form"],
    ["capacity", "capacity_unit", "net_profit_month", "product_type", "workforce_male", "workforce_female",
     "sector", "assets", "turnover", "market_segment", "distribution_channel"],
]


def _fill(page, names, values=None) -> None:
    values = {**BUSINESS, **(values or {})}
    for name in names:
        if name in SELECTS:
            page.select_option(f"#f-{name}", SELECTS[name])
        else:
            page.fill(f"#f-{name}", values[name])


def _next(page) -> None:
    page.click("fieldset.current button[data-next]")


def _expect_error(page, field: str, text: str | None = None) -> None:
    box = page.locator(f"#e-{field}")
    expect(box).to_be_visible()
    if text:
        expect(box).to_contain_text(text)
    expect(page.locator(f"#f-{field}")).to_have_attribute("aria-invalid", "true")


def _signed_in_participant(page, balai_stack) -> dict:
    data = person()
    register_over_http(balai_stack.gateway_url, data)
    login(page, data["username"], PASSWORD)
    expect(page).to_have_url(re.compile(r"/dashboard$"))
    return data


def test_register_business_in_sections_then_edit_and_see_the_audit(page, audit, balai_stack):
    _signed_in_participant(page, balai_stack)
    expect(page.locator("section[aria-labelledby=judul-ukm] p.empty")).to_have_text("Belum ada UKM/Koperasi yang terdaftar.")
    page.click("text=Daftar UKM/Koperasi")
    expect(page.get_by_role("heading", name="Pilih Data UKM/Koperasi")).to_be_visible()
    audit(page)
    page.click("text=Daftarkan UKM/Koperasi baru")
    expect(page).to_have_url(re.compile(r"/ukm/daftar$"))
    expect(page.locator('[data-step-indicator="usaha"]')).to_have_attribute("aria-current", "step")
    audit(page)

    _fill(page, ["kind", "permit_kind", "name", "owner_name"])
    _next(page)  # NIB missing
    _expect_error(page, "permit_number", "No Izin Usaha wajib diisi")
    page.fill("#f-permit_number", "12345")
    _next(page)
    _expect_error(page, "permit_number", "NIB harus 13 digit angka")
    audit(page)
    _fill(page, ["permit_number"])
    _next(page)
    expect(page.locator("#f-address")).to_be_visible()
    expect(page.locator("#f-name")).to_be_hidden()
    _fill(page, SECTION_FIELDS[1])
    choose_region(page, REGION)
    _next(page)
    _fill(page, SECTION_FIELDS[2])
    _next(page)
    _fill(page, SECTION_FIELDS[3], {"net_profit_month": "seratus juta"})
    _next(page)
    _expect_error(page, "net_profit_month", "Rupiah")
    page.fill("#f-net_profit_month", "100000000")
    expect(page.locator("#p-net_profit_month")).to_have_text("Rp 100.000.000")
    audit(page)
    _next(page)
    expect(page.get_by_text("* Ukuran file maksimal sebesar 3 mb dan format jpg/png")).to_be_visible()
    page.click("button:has-text('Simpan')")  # no photo yet
    _expect_error(page, "photo_1", "wajib diunggah")
    page.set_input_files("#f-photo_1", {"name": "catatan.txt", "mimeType": "text/plain", "buffer": b"bukan gambar"})
    _expect_error(page, "photo_1", "jpg atau png")
    page.set_input_files("#f-photo_1", {"name": "roti.png", "mimeType": "image/png", "buffer": png(120)})
    page.set_input_files("#f-photo_2", {"name": "roti2.png", "mimeType": "image/png", "buffer": png(80)})
    audit(page)
    page.click("button:has-text('Simpan')")

    expect(page).to_have_url(re.compile(r"/ukm/[0-9a-f-]{36}$"))
    expect(page.get_by_text("UKM/Koperasi berhasil didaftarkan")).to_be_visible()
    expect(page.get_by_role("heading", name="Data Internal Usaha")).to_be_visible()
    expect(page.get_by_text("Rp 100.000.000").first).to_be_visible()
    photo = page.locator("#bagian-produk img").first
    photo.scroll_into_view_if_needed()
    expect(photo).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=photo.element_handle())
    audit(page)

    page.click("nav >> text=Dashboard")
    row = page.locator("tbody tr", has_text=BUSINESS["name"])
    expect(row).to_contain_text("Kota Semarang")
    expect(row).to_contain_text("Pemilik")
    row.locator("text=Edit").click()
    expect(page.get_by_role("heading", name="Edit UKM/Koperasi")).to_be_visible()
    expect(page.locator("#f-brand")).to_have_value("Roti Enak")
    audit(page)
    for _ in range(2):
        _next(page)
    page.fill("#f-brand", "Roti Enak Sekali")
    _next(page)
    page.click("button:has-text('Simpan')")
    expect(page.get_by_text("Data UKM/Koperasi berhasil diperbarui")).to_be_visible()
    history = page.locator("#bagian-riwayat")
    expect(history).to_contain_text("Mengubah data")
    expect(history).to_contain_text("Nama Merk Usaha: Roti Enak")
    expect(history).to_contain_text("Roti Enak Sekali")
    audit(page)


def test_server_checks_without_script(page_no_js, audit, balai_stack):
    page = page_no_js
    _signed_in_participant(page, balai_stack)
    page.goto("/ukm/daftar")
    expect(page.locator("#f-photo_1")).to_be_visible()  # every section shows without JS
    page.select_option("#f-regency_code", REGION["regency_code"])
    page.click("button[name=aksi][value=wilayah]")
    page.select_option("#f-district_code", REGION["district_code"])
    page.click("button[name=aksi][value=wilayah]")
    page.select_option("#f-village_code", REGION["village_code"])
    for fields in SECTION_FIELDS:
        _fill(page, fields, {"permit_number": "", "assets": "12,5 juta"})
    page.set_input_files("#f-photo_1", {"name": "roti.png", "mimeType": "image/png", "buffer": b"bukan gambar"})
    page.click("button:has-text('Simpan')")
    expect(page.locator("#ringkasan-kesalahan")).to_be_visible()
    _expect_error(page, "permit_number", "No Izin Usaha wajib diisi")
    _expect_error(page, "assets", "Rupiah")
    _expect_error(page, "photo_1")
    expect(page.locator("#f-name")).to_have_value(BUSINESS["name"])
    expect(page.locator("#f-village_code")).to_have_value(REGION["village_code"])
    audit(page)


def test_gallery_browse_filter_and_detail(page, audit):
    page.goto("/")
    page.click("header >> text=E-Dukasi")
    expect(page).to_have_url(re.compile(r"/galeri$"))
    cards = page.locator(".gcard")
    expect(cards.first).to_be_visible()
    assert cards.count() >= 4
    audit(page)

    page.select_option("#f-kab", "35.78")  # Kota Surabaya: the East Java demo organisation's alumni
    page.click("button:has-text('Terapkan')")
    expect(page).to_have_url(re.compile(r"kab=35.78"))
    expect(cards.first).to_be_visible()
    for text in cards.locator(".gcard-place").all_inner_texts():
        assert text == "Kota Surabaya"
    audit(page)
    page.select_option("#f-kategori", "batik")
    page.focus("#f-kategori")
    page.keyboard.press("Tab")  # the keyboard reaches the filter button
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Terapkan"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"kategori=batik"))
    expect(cards).not_to_have_count(0)
    for text in cards.locator(".gcard-desc").all_inner_texts():
        assert "Batik" in text
    cards.first.locator("text=Lihat Detail").click()
    expect(page).to_have_url(re.compile(r"/galeri/[0-9a-f-]{36}$"))
    expect(page.get_by_role("link", name="Hubungi via WhatsApp")).to_have_attribute("href", re.compile(r"^https://wa\.me/62"))
    expect(page.locator(".permits").first).to_contain_text("NIB")
    expect(page.get_by_text("Koperasi Modern Angkatan 2")).to_be_visible()
    audit(page)

    page.goto("/galeri?q=tidak-ada-produk-seperti-ini")
    expect(page.get_by_text("Belum ada produk yang cocok dengan pencarian ini.")).to_be_visible()
    audit(page)


def test_admin_lists_businesses_and_moderates_the_gallery(page, audit, balai_stack):
    login(page, balai_stack.admin_username, balai_stack.admin_password)
    expect(page).to_have_url(re.compile(r"/admin$"))
    page.click("nav >> text=UKM/Koperasi")
    expect(page.get_by_role("heading", name="Data UKM/Koperasi")).to_be_visible()
    page.fill("#f-q", "Lamak Salero")
    page.click("button:has-text('Cari')")
    row = page.locator("tbody tr", has_text="Lamak Salero")
    expect(row).to_contain_text("Usaha Mikro")
    audit(page)
    row.locator("a").first.click()
    expect(page.get_by_role("heading", name="Riwayat Perubahan")).to_be_visible()
    audit(page)
    product = page.locator("#bagian-produk li.product").first
    product.locator("input[name=reason]").fill("Foto tidak sesuai dengan produk")
    product.locator("button:has-text('Turunkan dari galeri')").click()
    expect(page.get_by_text("Produk diturunkan dari galeri")).to_be_visible()
    product = page.locator("#bagian-produk li.product").first
    expect(product).to_contain_text("Foto tidak sesuai dengan produk")
    product.locator("button:has-text('Tampilkan lagi')").click()
    expect(page.get_by_text("Produk ditampilkan lagi di galeri")).to_be_visible()
    page.click("nav.sidebar >> text=Kelola Galeri")
    expect(page.locator("tbody tr").first).to_be_visible()
    audit(page)
