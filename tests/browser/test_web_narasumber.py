"""Narasumber in Chromium against the real system (issue 15): a person with an ordinary account registers as
narasumber with a CV, the team recommends, another admin (the head) approves, the letter downloads, the
narasumber is assigned to a module of a training and sees it in "Jadwal Mengajar"; an outside body requests a
narasumber without an account, follows the request by its link and sees the decision and the confirmation
letter. Every page: axe finds nothing serious, at most 150 KB, no sideways scroll at 360 px."""
from __future__ import annotations

import re

import pytest
from browser_helpers import PASSWORD, login, register_over_http
from playwright.sync_api import expect
from training_helpers import young_person

pytestmark = pytest.mark.browser
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf_file(name: str) -> dict:
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


def fresh(browser, base_url: str):
    context = browser.new_context(base_url=base_url, bypass_csp=True, locale="id-ID",
                                  viewport={"width": 390, "height": 844})
    context.set_default_timeout(15_000)
    return context, context.new_page()


def checked(page, audit) -> None:
    audit(page)
    page.set_viewport_size({"width": 360, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url
    page.set_viewport_size({"width": 390, "height": 844})


def test_narasumber_registers_is_approved_assigned_and_requested(browser, page, audit, balai_stack):
    base = balai_stack.gateway_url
    data = young_person()
    register_over_http(base, data)

    # the applicant: public page, then the form with their own account
    page.goto("/narasumber")
    expect(page.get_by_role("heading", name="Narasumber", exact=True)).to_be_visible()
    checked(page, audit)
    login(page, data["username"], PASSWORD)
    page.goto("/narasumber")
    page.click("button:has-text('Kirim Pendaftaran')")  # empty: every field says what is missing
    expect(page.locator("#ringkasan-kesalahan")).to_be_visible()
    for field in ("org_id", "full_name", "email", "phone", "modules", "cv"):
        expect(page.locator(f"#e-{field}")).not_to_be_empty()
    checked(page, audit)
    page.select_option("#f-org_id", label="Balatkop UKM Provinsi Jawa Tengah")
    page.fill("#f-full_name", "Dr. Rina Kartika")
    page.fill("#f-email", "rina@contoh.id")
    page.fill("#f-phone", "0812 3456 7890")
    page.fill("#f-expertise", "Pemasaran digital UMKM")
    page.select_option("#f-education", "S2")
    page.fill("#f-experience", "Mengajar pemasaran digital untuk koperasi sejak 2015.")
    page.check("label:has-text('Pemasaran Digital')")
    page.set_input_files("#f-cv", files=[pdf_file("cv-rina.pdf")])
    page.set_input_files("#f-certificate", files=[pdf_file("sertifikat.pdf")])
    page.click("button:has-text('Kirim Pendaftaran')")
    expect(page.get_by_role("status")).to_contain_text("Pendaftaran narasumber terkirim")
    expect(page.locator("#saya")).to_contain_text("Menunggu telaah tim")
    checked(page, audit)

    # level 1: the team (admin.jateng) recommends
    reviewer_ctx, reviewer = fresh(browser, base)
    login(reviewer, "admin.jateng", balai_stack.admin_password)
    reviewer.click('nav.sidebar a[href="/admin/narasumber"]')
    expect(reviewer.get_by_role("heading", name="Narasumber", exact=True)).to_be_visible()
    checked(reviewer, audit)
    reviewer.click("a:has-text('Dr. Rina Kartika')")
    checked(reviewer, audit)
    reviewer.check("#f-rec-approve")
    reviewer.fill("#f-rec-reason", "Profil sesuai modul standar Pemasaran Digital")
    reviewer.click("button:has-text('Kirim Rekomendasi')")
    expect(reviewer.get_by_role("status")).to_contain_text("Menunggu keputusan pimpinan")
    expect(reviewer.get_by_text("keputusan akhir harus diambil admin lain")).to_be_visible()
    narasumber_url = reviewer.url

    # level 2: the head (another admin) approves; the letter downloads
    head_ctx, head = fresh(browser, base)
    login(head, balai_stack.admin_username, balai_stack.admin_password)
    head.goto(narasumber_url)
    head.check("#f-dec-approve")
    head.fill("#f-dec-reason", "Disetujui sesuai telaah tim")
    head.click("button:has-text('Simpan Keputusan')")
    expect(head.get_by_role("status")).to_contain_text("Keputusan tersimpan")
    checked(head, audit)
    letter = head.request.get(head.locator("a:has-text('Unduh surat')").get_attribute("href"))
    assert letter.status == 200 and letter.body().startswith(b"%PDF-")

    # assignment to a module of an upcoming training of the organisation
    head.select_option("#f-training_id", index=0)
    head.fill("#f-module", "Pemasaran Digital")
    head.click("button:has-text('Tugaskan')")
    expect(head.get_by_role("status")).to_contain_text("Narasumber ditugaskan")
    expect(head.locator("#penugasan")).to_contain_text("Pemasaran Digital")

    # the applicant sees the decision, the letter and Jadwal Mengajar
    page.goto("/narasumber")
    expect(page.locator("#saya")).to_contain_text("Disetujui")
    assert page.request.get(page.locator("#saya a:has-text('Unduh surat')").get_attribute("href")).status == 200
    page.click("a:has-text('Jadwal Mengajar')")
    expect(page.get_by_role("heading", name="Jadwal Mengajar")).to_be_visible()
    expect(page.locator("tbody tr")).to_contain_text("Pemasaran Digital")
    checked(page, audit)

    # an outside body, without an account, asks for a narasumber
    public_ctx, public = fresh(browser, base)
    public.goto("/narasumber")
    public.click("a:has-text('Ajukan Permintaan Narasumber')")
    checked(public, audit)
    public.select_option("#f-org_id", label="Balatkop UKM Provinsi Jawa Tengah")
    public.fill("#f-body_name", "Dinas Koperasi Kabupaten Kendal")
    public.fill("#f-contact_name", "Budi Santoso")
    public.fill("#f-contact_email", "budi@kendal.go.id")
    public.fill("#f-contact_phone", "0812 1111 2222")
    public.fill("#f-letter_number", "005/123/DISKOP/2026")
    public.fill("#f-letter_date", "2026-01-05")
    public.fill("#f-event_date", "2099-01-10")
    public.fill("#f-topic", "Pemasaran digital bagi koperasi")
    public.fill("#f-place", "Aula Dinas Koperasi Kendal")
    public.fill("#f-audience", "40")
    public.set_input_files("#f-letter", files=[{"name": "surat.png", "mimeType": "image/png", "buffer": b"\x89PNG"}])
    public.click("button:has-text('Kirim Permintaan')")
    expect(public.locator("#e-letter")).to_contain_text("harus berupa berkas PDF")
    public.set_input_files("#f-letter", files=[pdf_file("surat-permintaan.pdf")])
    public.click("button:has-text('Kirim Permintaan')")
    expect(public.get_by_role("heading", name="Permintaan Terkirim")).to_be_visible()
    checked(public, audit)
    link = public.locator("#tautan-status").get_attribute("href")
    assert re.search(r"/narasumber/permintaan/[A-Za-z0-9_-]{40,}$", link)
    public.goto(link)
    expect(public.locator("dl")).to_contain_text("Menunggu keputusan")
    checked(public, audit)

    # the head decides with the approved narasumber
    head.goto("/admin/narasumber/permintaan")
    checked(head, audit)
    head.click("a:has-text('Dinas Koperasi Kabupaten Kendal')")
    head.check("#f-approve")
    head.select_option("#f-narasumber_id", label="Dr. Rina Kartika (Pemasaran digital UMKM)")
    head.click("button:has-text('Simpan Keputusan')")
    expect(head.get_by_role("status")).to_contain_text("Keputusan tersimpan")
    checked(head, audit)

    public.goto(link)
    expect(public.locator("dl")).to_contain_text("Disetujui")
    expect(public.locator("dl")).to_contain_text("Dr. Rina Kartika")
    answer = public.request.get(public.locator("a:has-text('Unduh surat konfirmasi')").get_attribute("href"))
    assert answer.status == 200 and answer.body().startswith(b"%PDF-")
    for ctx in (reviewer_ctx, head_ctx, public_ctx):
        ctx.close()
