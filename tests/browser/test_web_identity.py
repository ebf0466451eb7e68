"""The participant and admin journeys of the identity pages, in Chromium, against the real system."""
from __future__ import annotations

import re

import pytest
from browser_helpers import PASSWORD, choose_region, fill_step_one, login, person, png, register_over_http
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _next(page) -> None:
    """Click "Selanjutnya" and wait for its server check to finish (the button is re-enabled),
    so the next step's locators never resolve to the previous step's elements."""
    button = page.locator("fieldset.current button[data-next]").element_handle()
    button.click()
    page.wait_for_function("b => !b.disabled", arg=button)


def _error(page, field: str):
    return page.locator(f"#e-{field}")


def _expect_field_error(page, field: str) -> None:
    expect(_error(page, field)).to_be_visible()
    expect(_error(page, field)).not_to_be_empty()
    expect(page.locator(f"#f-{field}")).to_have_attribute("aria-invalid", "true")


def test_create_account_in_three_steps_then_logout_and_login(page, audit):
    data = person()
    page.goto("/")
    audit(page)
    page.click("text=KLIK DISINI")
    expect(page).to_have_url(re.compile(r"/daftar$"))
    audit(page)
    expect(page.locator('[data-step-indicator="data_diri"]')).to_have_attribute("aria-current", "step")
    fill_step_one(page, data)
    _next(page)
    expect(page.locator("#f-regency_code")).to_be_visible()
    expect(page.locator("#f-nik")).to_be_hidden()
    audit(page)
    choose_region(page, data)
    page.fill("#f-address", data["address"])
    page.select_option("#f-marital_status", data["marital_status"])
    page.set_input_files("#f-photo", {"name": "foto.png", "mimeType": "image/png", "buffer": png()})
    expect(page.get_by_text("* Upload file maksimal sebesar 3 mb dan format jpg/png")).to_be_visible()
    _next(page)
    expect(page.locator("#f-username")).to_be_visible()
    page.click("fieldset.current button[data-prev]")
    expect(page.locator("#f-address")).to_be_visible()
    _next(page)
    page.fill("#f-username", data["username"])
    page.fill("#f-password", PASSWORD)
    page.fill("#f-password_confirm", PASSWORD)
    audit(page)
    page.click("text=Finish!")
    expect(page).to_have_url(re.compile(r"/dashboard$"))
    expect(page.get_by_text("Akun berhasil dibuat")).to_be_visible()
    expect(page.get_by_text("Jumlah Pelatihan Yang Pernah Diikuti")).to_be_visible()
    expect(page.locator(".profile-name")).to_have_text(data["full_name"])
    expect(page.locator("img.avatar")).to_be_visible()
    assert page.locator("img.avatar").evaluate("img => img.naturalWidth") > 0
    assert data["nik"] not in page.content()  # masked on the dashboard
    audit(page)

    page.click("text=Lihat Profile")
    expect(page.get_by_text(data["nik"])).to_be_visible()  # the owner sees it in full
    audit(page)
    page.click("button:has-text('LOGOUT')")
    expect(page).to_have_url(re.compile(r"/$"))
    page.goto("/dashboard")
    expect(page.locator("#f-login")).to_be_visible()  # sent back to the login form

    login(page, data["username"], "Salah-Sekali-99")
    expect(page.locator("#login-error")).to_have_text("Username/NIK atau password salah")
    audit(page)
    login(page, data["nik"], PASSWORD)  # NIK works as login too
    expect(page).to_have_url(re.compile(r"/dashboard$"))


@pytest.mark.parametrize("field,value,birth_date", [
    ("nik", "33740141019", None),            # not 16 digits
    ("nik", "3374014101900001", "1991-02-03"),  # birth date differs from the NIK's
    ("nik", "9901014101900001", "1990-01-01"),  # unknown region code
    ("kk", "12345", None),
    ("phone", "12ab", None),
])
def test_data_diri_validation_messages(page, audit, field, value, birth_date):
    data = person()
    data[field] = value
    if birth_date:
        data["birth_date"] = birth_date
    page.goto("/daftar")
    fill_step_one(page, data)
    _next(page)
    _expect_field_error(page, field)
    expect(page.locator("#f-regency_code")).to_be_hidden()  # still on step one
    audit(page)


def test_photo_checks_with_script(page):
    page.goto("/daftar")
    fill_step_one(page, person())
    _next(page)
    page.set_input_files("#f-photo", {"name": "foto.png", "mimeType": "text/plain", "buffer": b"bukan gambar"})
    _next(page)
    _expect_field_error(page, "photo")


@pytest.mark.parametrize("photo,mime", [
    (b"ini bukan gambar", "image/png"),
    (b"\x89PNG\r\n\x1a\n" + b"0" * (3 * 1024 * 1024 + 1), "image/png"),
])
def test_photo_checks_on_the_server_without_script(page_no_js, audit, photo, mime):
    page = page_no_js
    data = person()
    page.goto("/daftar")
    expect(page.locator("#f-username")).to_be_visible()  # all steps visible without JS
    fill_step_one(page, data)
    page.select_option("#f-regency_code", data["regency_code"])
    page.click("button[name=aksi][value=wilayah]")  # reload the selects, values kept
    expect(page.locator("#f-nik")).to_have_value(data["nik"])
    page.select_option("#f-district_code", data["district_code"])
    page.click("button[name=aksi][value=wilayah]")
    page.select_option("#f-village_code", data["village_code"])
    page.fill("#f-address", data["address"])
    page.select_option("#f-marital_status", data["marital_status"])
    page.set_input_files("#f-photo", {"name": "foto.png", "mimeType": mime, "buffer": photo})
    page.fill("#f-username", data["username"])
    page.fill("#f-password", PASSWORD)
    page.fill("#f-password_confirm", PASSWORD)
    page.click("text=Finish!")
    _expect_field_error(page, "photo")
    expect(page.locator("#ringkasan-kesalahan")).to_be_visible()
    expect(page.locator("#f-full_name")).to_have_value(data["full_name"])
    expect(page.locator("#f-password")).to_have_value("")
    audit(page)


def test_admin_sees_new_participant(page, audit, balai_stack):
    data = person()
    register_over_http(balai_stack.gateway_url, data)
    login(page, balai_stack.admin_username, balai_stack.admin_password)
    expect(page).to_have_url(re.compile(r"/admin$"))
    audit(page)
    page.click("nav >> text=Peserta")
    page.fill("#f-q", data["username"])
    page.click("button:has-text('Cari')")
    row = page.locator("tbody tr", has_text=data["username"])
    expect(row).to_have_count(1)
    audit(page)
    row.locator("a").first.click()
    expect(page.get_by_role("heading", name="Detail Peserta")).to_be_visible()
    expect(page.get_by_text(data["full_name"]).first).to_be_visible()
    audit(page)


def test_participant_cannot_open_admin(page, balai_stack):
    data = person()
    register_over_http(balai_stack.gateway_url, data)
    login(page, data["username"], PASSWORD)
    page.goto("/admin/peserta")
    expect(page.get_by_role("heading", name="Akses ditolak")).to_be_visible()


def test_keyboard_only_login(page, audit, balai_stack):
    data = person()
    register_over_http(balai_stack.gateway_url, data)
    page.goto("/")
    audit(page)
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "f-login":
            break
    assert page.evaluate("document.activeElement.id") == "f-login"
    page.keyboard.type(data["username"])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/dashboard$"))


def test_forgot_password_and_reset(page, audit, balai_stack):
    data = person()
    register_over_http(balai_stack.gateway_url, data)
    page.goto("/")
    page.click("text=Lupa Password")
    audit(page)
    page.fill("#f-login", data["username"])
    page.click("button:has-text('Kirim Tautan Reset')")
    expect(page.get_by_text("Jika akun ditemukan, tautan reset telah dikirim")).to_be_visible()
    page.goto("/dev/mailbox")
    audit(page)
    page.locator("a.mail-link").first.click()
    expect(page).to_have_url(re.compile(r"/reset-password\?token="))
    audit(page)
    new_password = "Teh-Manis-Hangat-2027"
    page.fill("#f-password", new_password)
    page.fill("#f-password_confirm", new_password)
    page.click("button:has-text('Simpan Password')")
    login(page, data["username"], new_password)
    expect(page).to_have_url(re.compile(r"/dashboard$"))


def test_not_found_page_in_bahasa(page, audit):
    page.goto("/halaman-yang-tidak-ada")
    expect(page.get_by_role("heading", name="Halaman tidak ditemukan")).to_be_visible()
    audit(page)
