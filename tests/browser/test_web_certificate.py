"""E-Sertifikat in Chromium against the real system: a completed training gives a certificate the
participant downloads with "Proses"; the public verification page says SAH and the upload check
"cocok"; the admin's Sertifikat pages. Every page axe-clean and light."""
from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import os
import threading
import time

import httpx
import pytest
from browser_helpers import PASSWORD, login, person, register_over_http
from playwright.sync_api import expect

from services.certificate.tests.support import API, completed, publish

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("BALAI_SCREENSHOTS")  # a directory: save what the pages look like


def _shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"cert-{name}.png"), full_page=True)


def _publish_sync(bootstrap: str, envs) -> None:
    """Playwright's sync API owns this thread's event loop: publish from another thread."""
    errors = []

    def run():
        try:
            asyncio.run(publish(bootstrap, envs))
        except Exception as exc:  # pragma: no cover - surfaced below
            errors.append(exc)

    t = threading.Thread(target=run)
    t.start()
    t.join(60)
    assert not errors, errors


@pytest.fixture(scope="module")
def holder(balai_stack) -> dict:
    data = person()
    register_over_http(balai_stack.gateway_url, data)
    with httpx.Client(base_url=balai_stack.gateway_url, timeout=20) as c:
        token = c.post("/api/identity/auth/login",
                       json={"login": data["username"], "password": PASSWORD}).json()["access_token"]
        claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
        env = completed(claims["sub"], participant_name=data["full_name"])
        _publish_sync(balai_stack.kafka_bootstrap, [env])
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            items = c.get(f"{API}/certificates/mine", headers={"Authorization": f"Bearer {token}"}).json()["items"]
            if items and items[0]["status"] == "issued":
                return {**data, "cert": items[0], "training_id": env.data["training_id"]}
            time.sleep(0.5)
    pytest.fail("certificate not issued in time")


def test_participant_downloads_and_anyone_verifies(page, audit, holder, tmp_path):
    login(page, holder["username"], PASSWORD)
    page.goto("/e-sertifikat")
    expect(page.get_by_role("heading", name="E-Sertifikat")).to_be_visible()
    expect(page.get_by_text(holder["cert"]["number"])).to_be_visible()
    audit(page)
    _shot(page, "mine")
    with page.expect_download() as info:
        page.get_by_role("link", name="Proses").first.click()
    pdf_path = tmp_path / "sertifikat.pdf"
    info.value.save_as(pdf_path)
    pdf = pdf_path.read_bytes()
    assert pdf.startswith(b"%PDF")
    with page.expect_download() as info:
        page.get_by_role("link", name="Unduh Open Badge").first.click()
    badge = tmp_path / "badge.jwt"
    info.value.save_as(badge)
    assert badge.read_text().count(".") == 2

    page.get_by_role("link", name="Halaman verifikasi").first.click()
    expect(page.get_by_text("SAH — sertifikat ini berlaku")).to_be_visible()
    assert hashlib.sha256(pdf).hexdigest() in page.content()
    audit(page)
    _shot(page, "verify")
    page.set_input_files("#berkas", str(pdf_path))
    page.get_by_role("button", name="Cocokkan").click()
    expect(page.get_by_text("COCOK — berkas ini sama persis")).to_be_visible()
    changed = bytearray(pdf)
    changed[len(changed) // 2] ^= 0x20
    (tmp_path / "ubah.pdf").write_bytes(bytes(changed))
    page.set_input_files("#berkas", str(tmp_path / "ubah.pdf"))
    page.get_by_role("button", name="Cocokkan").click()
    expect(page.get_by_text("TIDAK COCOK")).to_be_visible()
    audit(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_verification_by_typed_code_and_unknown_code(page, audit, holder):
    page.goto("/verifikasi")
    audit(page)
    code = holder["cert"]["verification_url"].rsplit("/", 1)[1]
    page.fill("#kode", code.lower())
    page.get_by_role("button", name="Periksa").click()
    expect(page.get_by_text(holder["cert"]["number"])).to_be_visible()
    page.goto("/verifikasi?kode=AAAAAAAAAAAAAAAA")
    expect(page.get_by_text("Kode verifikasi tidak dikenal")).to_be_visible()


def test_admin_lists_and_opens_certificates_and_template_editor(page, audit, holder, balai_stack):
    login(page, "admin.jateng", balai_stack.admin_password)
    page.goto(f"/admin/sertifikat?pelatihan={holder['training_id']}")
    expect(page.get_by_role("heading", name="Sertifikat", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Unduh semua (ZIP)")).to_be_visible()
    audit(page)
    _shot(page, "admin-list")
    page.get_by_role("link", name=f"Kelola {holder['full_name']}").first.click()
    expect(page.get_by_role("heading", name="Cabut sertifikat")).to_be_visible()
    audit(page)
    _shot(page, "admin-detail")
    page.goto("/admin/sertifikat/template")
    expect(page.locator("#tpl-number_format")).to_have_value("{seq:03d}/BALATKOP-UKM/{roman_month}/{year}")
    audit(page)
    _shot(page, "admin-template")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
