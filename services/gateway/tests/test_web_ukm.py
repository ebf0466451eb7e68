"""UKM/Koperasi pages and the E-Dukasi gallery against a fake ukm service on a real socket."""
from __future__ import annotations

import re

import httpx
import pytest
from gw_servers import free_port, gateway_settings, start_server
from gw_webutil import csrf, login, png_bytes, register, registration

from gateway.main import create_app

GUIDE_LABELS = ["Pilih UKM / Koperasi", "Jenis Izin Usaha", "No Izin Usaha (NIB/UMK)", "Nama Usaha",
                "Nama Pemilik Usaha", "Alamat Rumah Produksi", "Kota/Kabupaten", "Kecamatan",
                "Kelurahan / Desa", "Jabatan UKM", "Kategori Usaha", "Spesifikasi Usaha", "Halal", "PIRT",
                "BPOM", "Haki", "Nama Merk Usaha", "Tahun Berdiri Usaha", "No Telepon",
                "Media Sosial Usaha", "Badan Usaha", "Kapasitas Produksi", "Satuan Kapasitas",
                "Keuntungan Bersih Per Bulan", "Jenis Produk", "Jumlah Tenaga Kerja Laki-laki",
                "Perempuan", "Sektor Usaha", "Aset Per Tahun(Rp)", "Omzet Per Tahun(Rp)",
                "Segmentasi Pasar", "Saluran Distribusi", "Gambar / Foto Produk 1",
                "Gambar / Foto Produk 2", "Gambar / Foto Produk 3",
                "* Ukuran file maksimal sebesar 3 mb dan format jpg/png", "Simpan", "Batal"]


def business_form(**overrides) -> dict:
    data = {"kind": "ukm", "permit_kind": "nib", "permit_number": "1234567890123",
            "name": "Roti Enak Bu Sri", "owner_name": "Sri Wahyuni", "address": "Jl. Pandanaran 12",
            "province": "33", "regency_code": "33.74", "district_code": "33.74.01",
            "village_code": "33.74.01.1001", "position": "pemilik", "category": "makanan_minuman",
            "specification": "Roti manis rumahan", "halal_number": "ID3311000012345", "pirt_number": "",
            "bpom_number": "", "haki_number": "", "brand": "Roti Enak", "founded_year": "2009",
            "phone": "081234567890", "social_media": "@rotienak", "legal_form": "perorangan",
            "capacity": "10", "capacity_unit": "pcs", "net_profit_month": "Rp 100.000.000",
            "product_type": "makanan", "workforce_male": "1", "workforce_female": "1",
            "sector": "industri_pengolahan", "assets": "100.000.000", "turnover": "100000000",
            "market_segment": "kab_kota", "distribution_channel": "produsen_konsumen"}
    data.update(overrides)
    return data


@pytest.fixture
async def web(gateway_server):
    async with httpx.AsyncClient(base_url=gateway_server.url, timeout=10) as c:
        yield c


@pytest.fixture
def ukm_store(ukm_server):
    return ukm_server.app.state.store


async def participant(client) -> dict:
    data = registration()
    resp = await register(client, data)
    assert resp.status_code == 303
    return data


async def register_business(client, photo: bytes | None = None, **overrides):
    form = await client.get("/ukm/daftar")
    files = {"photo_1": ("roti.png", photo if photo is not None else png_bytes(), "image/png")}
    return await client.post("/ukm/daftar", data={**business_form(**overrides), "csrf_token": csrf(form.text)},
                             files=files)


async def test_dashboard_lists_no_business_yet(web):
    await participant(web)
    dash = await web.get("/dashboard")
    assert "List UKM/Koperasi" in dash.text and "Belum ada UKM/Koperasi yang terdaftar." in dash.text
    assert 'href="/ukm">Daftar UKM/Koperasi' in dash.text and "/segera-hadir/ukm" not in dash.text
    pick = await web.get("/ukm")
    assert "Pilih Data UKM/Koperasi" in pick.text and 'href="/ukm/daftar"' in pick.text


async def test_form_has_the_guide_labels_and_money_inputs(web):
    await participant(web)
    form = await web.get("/ukm/daftar")
    assert form.status_code == 200
    for label in GUIDE_LABELS:
        assert label in form.text, label
    assert form.text.count('inputmode="numeric" data-money') == 3
    assert form.text.count('accept="image/jpeg,image/png"') == 3
    assert 'data-region-level="3"' in form.text and 'name="aksi" value="wilayah"' in form.text
    labels = set(re.findall(r'<label for="([^"]+)"', form.text))
    inputs = set(re.findall(r'<(?:input|select|textarea) id="([^"]+)"', form.text))
    assert inputs <= labels  # every input has a label


async def test_register_business_then_dashboard_detail_and_edit_with_audit(web, ukm_store):
    await participant(web)
    resp = await register_business(web)
    assert resp.status_code == 303, resp.text[:3000]
    detail_url = resp.headers["location"]
    page = await web.get(detail_url)
    assert "UKM/Koperasi berhasil didaftarkan" in page.text
    for text in ("Roti Enak Bu Sri", "Rp 100.000.000", "Data Internal Usaha", "Riwayat Perubahan",
                 "Mendaftarkan UKM/Koperasi", "Tambah Produk", "Sembunyikan dari galeri", "Pemilik"):
        assert text in page.text, text
    assert '/api/ukm/products/' in page.text and 'loading="lazy"' in page.text
    dash = await web.get("/dashboard")
    business_id = detail_url.rsplit("/", 1)[1]
    assert "Roti Enak Bu Sri" in dash.text and "Kota Semarang" in dash.text
    assert f'href="/ukm/{business_id}/edit"' in dash.text

    edit = await web.get(f"/ukm/{business_id}/edit")
    assert edit.status_code == 200 and 'value="Roti Enak"' in edit.text and 'value="100.000.000"' in edit.text
    assert 'id="f-photo_1"' not in edit.text and 'id="f-position"' not in edit.text
    values = business_form(brand="Roti Enak Sekali", csrf_token=csrf(edit.text))
    values.pop("position")
    saved = await web.post(f"/ukm/{business_id}/edit", data=values)
    assert saved.status_code == 303 and saved.headers["location"] == detail_url
    page = await web.get(detail_url)
    assert "Data UKM/Koperasi berhasil diperbarui" in page.text
    assert "Mengubah data" in page.text and "Nama Merk Usaha: Roti Enak" in page.text
    assert "Roti Enak Sekali" in page.text
    bad = await web.post(f"/ukm/{business_id}/edit", data={**values, "assets": "seratus juta"})
    assert bad.status_code == 422 and 'id="e-assets" data-error-for="assets">' in bad.text
    assert 'data-start-step="produksi"' in bad.text


async def test_validation_messages_keep_values(web):
    await participant(web)
    resp = await register_business(web, photo=b"bukan gambar", permit_number="", net_profit_month="12,5 juta")
    assert resp.status_code == 422
    for field in ("permit_number", "net_profit_month", "photo_1"):
        assert f'id="e-{field}" data-error-for="{field}">' in resp.text, field
    assert "ringkasan-kesalahan" in resp.text and 'aria-invalid="true"' in resp.text
    assert 'value="Roti Enak Bu Sri"' in resp.text and "Pilih ulang foto produk" in resp.text
    assert 'data-start-step="usaha"' in resp.text
    no_photo = await web.post("/ukm/daftar", data={**business_form(), "csrf_token": csrf(resp.text)})
    assert no_photo.status_code == 422 and "Foto Produk wajib diunggah" in no_photo.text


async def test_no_js_region_reload_and_csrf(web):
    await participant(web)
    form = await web.get("/ukm/daftar")
    resp = await web.post("/ukm/daftar", data={"csrf_token": csrf(form.text), "aksi": "wilayah",
                                               "name": "Batik Kenanga", "province": "35",
                                               "regency_code": "35.78"})
    assert resp.status_code == 200 and 'value="Batik Kenanga"' in resp.text
    assert 'value="35.78.01"' in resp.text  # the kecamatan of Surabaya are offered now
    forged = await web.post("/ukm/daftar", data=business_form())
    assert forged.status_code == 403


async def test_join_approve_and_products(gateway_server, web, ukm_store):
    await participant(web)
    created = await register_business(web, name="Keripik Tempe Sari")
    business_id = created.headers["location"].rsplit("/", 1)[1]
    async with httpx.AsyncClient(base_url=gateway_server.url, timeout=10) as other:
        await participant(other)
        found = await other.get("/ukm", params={"q": "Keripik Tempe"})
        assert "Keripik Tempe Sari" in found.text and f'action="/ukm/{business_id}/gabung"' in found.text
        missing = await other.post(f"/ukm/{business_id}/gabung", data={"csrf_token": csrf(found.text)})
        assert missing.status_code == 422 and "Pilih Jabatan UKM dari daftar" in missing.text
        joined = await other.post(f"/ukm/{business_id}/gabung",
                                  data={"csrf_token": csrf(found.text), "position": "anggota"})
        assert joined.status_code == 303
        dash = await other.get("/dashboard")
        assert "Menunggu persetujuan" in dash.text and "Keripik Tempe Sari" in dash.text
        outsider = await other.get(f"/ukm/{business_id}")
        assert "Data Internal Usaha" not in outsider.text and "Rp 100.000.000" not in outsider.text
        assert "Riwayat Perubahan" not in outsider.text
        assert (await other.get(f"/ukm/{business_id}/edit")).status_code == 403
    page = await web.get(f"/ukm/{business_id}")
    pending = re.search(rf'action="(/ukm/{business_id}/anggota/[^"]+/setujui)"', page.text).group(1)
    approved = await web.post(pending, data={"csrf_token": csrf(page.text)})
    assert approved.status_code == 303 and approved.headers["location"].endswith("#anggota")
    page = await web.get(f"/ukm/{business_id}")
    assert "Anggota disetujui" in page.text and "/setujui" not in page.text

    form = await web.get(f"/ukm/{business_id}/produk/baru")
    assert "Nama Produk" in form.text and "Harga Terendah (Rp)" in form.text
    bad = await web.post(f"/ukm/{business_id}/produk/baru", data={
        "csrf_token": csrf(form.text), "name": "Keripik Pedas", "category": "makanan", "price_min": "abc"})
    assert bad.status_code == 422 and 'id="e-price_min" data-error-for="price_min">' in bad.text
    added = await web.post(f"/ukm/{business_id}/produk/baru", data={
        "csrf_token": csrf(form.text), "name": "Keripik Pedas", "category": "makanan",
        "price_min": "15.000"}, files={"photo_1": ("k.png", png_bytes(), "image/png")})
    assert added.status_code == 303
    page = await web.get(f"/ukm/{business_id}")
    assert "Keripik Pedas" in page.text and "Rp 15.000" in page.text
    product_id = next(p["id"] for p in ukm_store.products.values() if p["name"] == "Keripik Pedas")
    hidden = await web.post(f"/ukm/{business_id}/produk/{product_id}/sembunyikan",
                            data={"csrf_token": csrf(page.text)})
    assert hidden.status_code == 303 and ukm_store.products[product_id]["hidden"] is True
    page = await web.get(f"/ukm/{business_id}")
    assert "Disembunyikan dari galeri" in page.text and "Tampilkan di galeri" in page.text


async def test_public_gallery_filters_detail_and_caching(gateway_server, ukm_store):
    async with httpx.AsyncClient(base_url=gateway_server.url, timeout=10) as owner:
        await participant(owner)
        made = await register_business(owner, name="Batik Tulis Kenanga", brand="Kenanga",
                                       category="fashion", product_type="batik", province="35",
                                       regency_code="35.78", district_code="35.78.01",
                                       village_code="35.78.01.1001")
        ukm_store.publish(made.headers["location"].rsplit("/", 1)[1])
    async with httpx.AsyncClient(base_url=gateway_server.url, timeout=10) as visitor:
        listing = await visitor.get("/galeri")
        assert listing.status_code == 200 and "Kenanga - Batik" in listing.text
        assert "Lihat Detail" in listing.text and "Kota Surabaya" in listing.text
        assert listing.headers["cache-control"].startswith("public") and "set-cookie" not in listing.headers
        again = await visitor.get("/galeri", headers={"If-None-Match": listing.headers["etag"]})
        assert again.status_code == 304
        by_city = await visitor.get("/galeri", params={"kab": "35.78", "kategori": "batik"})
        assert "Kenanga - Batik" in by_city.text and 'value="35.78" selected' in by_city.text
        other_city = await visitor.get("/galeri", params={"kab": "33.01"})
        assert "Kenanga - Batik" not in other_city.text and "Belum ada produk yang cocok" in other_city.text
        assert "Hapus filter" in other_city.text
        product_id = re.search(r'href="/galeri/([0-9a-f-]+)"', listing.text).group(1)
        detail = await visitor.get(f"/galeri/{product_id}")
        for text in ("Hubungi via WhatsApp", "https://wa.me/", "Pemasaran Digital UMKM", "@rotienak",
                     "Batik Tulis Kenanga", "NIB"):
            assert text in detail.text, text
        assert (await visitor.get("/galeri/00000000-0000-4000-8000-000000000000")).status_code == 404
        photo = await visitor.get(f"/api/ukm/products/{product_id}/photos/1")
        assert photo.status_code == 200 and photo.headers["content-type"] == "image/png"
        assert (await visitor.get("/")).text.count('href="/galeri"') >= 2  # header and landing


async def test_admin_list_detail_and_moderation(gateway_server, ukm_store):
    async with httpx.AsyncClient(base_url=gateway_server.url, timeout=10) as owner:
        await participant(owner)
        made = await register_business(owner, name="Jamu Sehat Mbok Darmi")
    business_id = made.headers["location"].rsplit("/", 1)[1]
    ukm_store.publish(business_id)
    product_id = next(p["id"] for p in ukm_store.products.values() if p["business_id"] == business_id)
    async with httpx.AsyncClient(base_url=gateway_server.url, timeout=10) as admin:
        await login(admin, "admin", "admin12345")
        home = await admin.get("/admin")
        assert 'href="/admin/ukm"' in home.text and 'href="/admin/galeri"' in home.text
        listing = await admin.get("/admin/ukm", params={"q": "Jamu Sehat"})
        assert "Jamu Sehat Mbok Darmi" in listing.text and "Usaha Mikro" in listing.text
        assert "Total 1 UKM/Koperasi" in listing.text
        page = await admin.get(f"/admin/ukm/{business_id}")
        assert "Riwayat Perubahan" in page.text and "Turunkan dari galeri" in page.text
        short = await admin.post(f"/admin/ukm/{business_id}/produk/{product_id}/turunkan",
                                 data={"csrf_token": csrf(page.text), "reason": "jel"})
        assert short.status_code == 422 and "Alasan minimal 5 karakter." in short.text
        down = await admin.post(f"/admin/ukm/{business_id}/produk/{product_id}/turunkan",
                                data={"csrf_token": csrf(page.text), "reason": "Foto tidak sesuai produk"})
        assert down.status_code == 303 and down.headers["location"].startswith(f"/admin/ukm/{business_id}")
        page = await admin.get(f"/admin/ukm/{business_id}")
        assert "Produk diturunkan dari galeri" in page.text and "Foto tidak sesuai produk" in page.text
        assert product_id not in (await admin.get("/galeri")).text
        gallery_admin = await admin.get("/admin/galeri")
        assert gallery_admin.status_code == 200 and "Galeri E-Dukasi" in gallery_admin.text
        up = await admin.post(f"/admin/ukm/{business_id}/produk/{product_id}/tampilkan",
                              data={"csrf_token": csrf(page.text)})
        assert up.status_code == 303 and ukm_store.products[product_id]["unpublished_reason"] is None
        assert product_id in (await admin.get("/galeri")).text
    async with httpx.AsyncClient(base_url=gateway_server.url, timeout=10) as peserta:
        await participant(peserta)
        assert (await peserta.get("/admin/ukm")).status_code == 403
        page = await peserta.get("/dashboard")
        forbidden = await peserta.post(f"/admin/ukm/{business_id}/produk/{product_id}/turunkan",
                                       data={"csrf_token": csrf(page.text), "reason": "bukan admin"})
        assert forbidden.status_code == 403


async def test_dashboard_survives_ukm_outage(identity_server, keypair):
    settings = gateway_settings(identity_server.url, keypair[1])
    settings.service_urls["ukm"] = f"http://127.0.0.1:{free_port()}"
    server = await start_server(create_app(settings))
    try:
        async with httpx.AsyncClient(base_url=server.url, timeout=10) as c:
            await participant(c)
            dash = await c.get("/dashboard")
            assert dash.status_code == 200 and "sedang tidak tersedia" in dash.text
            assert (await c.get("/galeri")).status_code == 503
    finally:
        await server.stop()


def test_page_numbers():
    from gateway.web.shared.paging import page_numbers, pager

    assert page_numbers(1, 1) == [1]
    assert page_numbers(6, 20) == [1, None, 4, 5, 6, 7, 8, None, 20]
    assert page_numbers(2, 4) == [1, 2, 3, 4]
    p = pager("/galeri", {"q": "roti", "kab": ""}, 2, 3)
    assert p["prev"] == "/galeri?q=roti" and p["next"] == "/galeri?q=roti&page=3"


async def test_audit_pages_and_admin_edit(gateway_server, web, ukm_store):
    await participant(web)
    made = await register_business(web, name="Sambal Bu Rudy")
    business_id = made.headers["location"].rsplit("/", 1)[1]
    entries = ukm_store.businesses[business_id]["audit"]
    for i in range(24):
        entries.insert(0, {"id": 100 + i, "at": "2026-01-02T03:04:05Z", "action": "updated",
                           "actor_id": "x", "actor_role": "admin", "actor_name": None,
                           "changes": {"assets": {"old": i, "new": i + 1}}})
    first = await web.get(f"/ukm/{business_id}")
    assert f'href="/ukm/{business_id}?riwayat=2#riwayat"' in first.text and "Halaman 3" in first.text
    third = await web.get(f"/ukm/{business_id}", params={"riwayat": 3})
    assert "Mendaftarkan UKM/Koperasi" in third.text and 'aria-current="page" aria-label="Halaman 3"' in third.text
    assert "Aset Per Tahun(Rp): Rp 0" in third.text and "2 Januari 2026, 10.04 WIB" in third.text
    async with httpx.AsyncClient(base_url=gateway_server.url, timeout=10) as admin:
        await login(admin, "admin", "admin12345")
        assert (await admin.get(f"/ukm/{business_id}")).headers["location"] == f"/admin/ukm/{business_id}"
        edit = await admin.get(f"/ukm/{business_id}/edit")
        assert edit.status_code == 200 and f'href="/admin/ukm/{business_id}">Batal' in edit.text
        values = {**business_form(name="Sambal Bu Rudy", specification="Sambal bawang"),
                  "csrf_token": csrf(edit.text)}
        saved = await admin.post(f"/ukm/{business_id}/edit", data=values)
        assert saved.headers["location"] == f"/admin/ukm/{business_id}"
