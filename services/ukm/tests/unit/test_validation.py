"""Every field of the UKM/Koperasi form and the product form: normalisation and Bahasa messages."""
from __future__ import annotations

from datetime import date

import pytest

from ukm.domain.business import audit_changes, display_phone, permits_of, registration_product_names, whatsapp_url
from ukm.domain.reference import PERMIT_KINDS, choice_key, reference_lists
from ukm.domain.validation import BUSINESS_FIELDS, validate_business, validate_position, validate_product

TODAY = date(2026, 6, 1)


def form(**over) -> dict:
    data = dict(
        kind="UKM", permit_kind="NIB (Nomor Induk Berusaha)", permit_number="1234-5678-90123", name="  Roti   Enak ",
        owner_name="Siti Rahayu", address="Jl. Pandanaran No. 10", regency_code="3374", district_code="337401",
        village_code="33.74.01.1001", category="Makanan & Minuman", specification="Roti manis",
        halal_number="id33110000123450321", pirt_number="", bpom_number=None, haki_number="",
        brand="Makanan Enak", founded_year="2009", phone="0812-3456-7890", social_media="@makananenak",
        legal_form="Perseroan (PT)", capacity="1.000", capacity_unit="Pcs", net_profit_month="100.000.000",
        product_type="Makanan", workforce_male="1", workforce_female=1, sector="Industri Pengolahan",
        assets="Rp 100.000.000", turnover=100000000, market_segment="Tingkat Kab/Kota",
        distribution_channel="Produsen-Konsumen")
    data.update(over)
    return data


def test_the_guides_example_is_valid_and_normalised():
    clean, errors = validate_business(form(), today=TODAY)
    assert errors == {}
    assert clean["kind"] == "ukm" and clean["permit_kind"] == "nib" and clean["permit_number"] == "1234567890123"
    assert clean["name"] == "Roti Enak" and clean["regency_code"] == "33.74" and clean["district_code"] == "33.74.01"
    assert clean["halal_number"] == "ID33110000123450321" and clean["pirt_number"] is None
    assert clean["phone"] == "6281234567890" and clean["capacity"] == 1000 and clean["legal_form"] == "perseroan"
    assert clean["assets"] == clean["turnover"] == clean["net_profit_month"] == 100_000_000
    assert clean["founded_year"] == 2009 and clean["market_segment"] == "kab_kota"
    assert clean["distribution_channel"] == "produsen_konsumen" and clean["capacity_unit"] == "pcs"


def test_every_required_field_says_so_with_its_label():
    optional = {"permit_number", "halal_number", "pirt_number", "bpom_number", "haki_number", "social_media"}
    _, errors = validate_business({}, today=TODAY)
    assert set(errors) == set(BUSINESS_FIELDS) - optional
    assert errors["name"] == "Nama Usaha wajib diisi"
    assert errors["owner_name"] == "Nama Pemilik Usaha wajib diisi"
    assert errors["assets"] == "Aset Per Tahun (Rp) wajib diisi"
    assert errors["workforce_female"] == "Jumlah Tenaga Kerja Perempuan wajib diisi"
    assert errors["village_code"] == "Kelurahan / Desa wajib diisi"


@pytest.mark.parametrize("field, value, message", [
    ("kind", "PT", "Pilih UKM / Koperasi dari daftar"),
    ("permit_kind", "KTP", "Pilih Jenis Izin Usaha dari daftar"),
    ("permit_number", "12345", "NIB harus 13 digit angka"),
    ("name", "AB", "Nama Usaha minimal 3 karakter"),
    ("name", "x" * 151, "Nama Usaha maksimal 150 karakter"),
    ("owner_name", 12, "Nama Pemilik Usaha: format isian tidak valid"),
    ("address", "Jl.", "Alamat Rumah Produksi minimal 5 karakter"),
    ("regency_code", "99.99", "Kota/Kabupaten tidak dikenal, pilih dari daftar"),
    ("district_code", "35.78.01", "Kecamatan tidak berada di wilayah yang dipilih di atasnya"),
    ("village_code", "33.74.01.9999", "Kelurahan / Desa tidak dikenal, pilih dari daftar"),
    ("category", "Tambang", "Pilih Kategori Usaha dari daftar"),
    ("specification", "ab", "Spesifikasi Usaha minimal 3 karakter"),
    ("halal_number", "ABC", "Nomor Halal hanya boleh berisi huruf, angka, spasi, dan tanda . / - (minimal satu angka)"),
    ("pirt_number", "12#45", "Nomor PIRT hanya boleh berisi huruf, angka, spasi, dan tanda . / - (minimal satu angka)"),
    ("bpom_number", "MD " + "1" * 60, "BPOM maksimal 50 karakter"),
    ("haki_number", "1", "HAKI minimal 3 karakter"),
    ("brand", "A", "Nama Merk Usaha minimal 2 karakter"),
    ("founded_year", "1899", "Tahun Berdiri Usaha harus tahun 1900 sampai 2026"),
    ("founded_year", "2027", "Tahun Berdiri Usaha harus tahun 1900 sampai 2026"),
    ("founded_year", "dua ribu", "Tahun Berdiri Usaha harus tahun 1900 sampai 2026"),
    ("phone", "0800-123-4567", "No Telepon tidak valid, contoh: 0812 3456 7890 atau (024) 8311234"),
    ("phone", "12", "No Telepon tidak valid, contoh: 0812 3456 7890 atau (024) 8311234"),
    ("social_media", "x" * 101, "Media Sosial Usaha maksimal 100 karakter"),
    ("legal_form", "Yayasan Amal", "Pilih Badan Usaha dari daftar"),
    ("capacity", "-3", "Kapasitas Produksi harus berupa angka bulat 0 atau lebih"),
    ("capacity", "1,5", "Kapasitas Produksi harus berupa angka bulat 0 atau lebih"),
    ("capacity_unit", "gram", "Pilih Satuan Kapasitas dari daftar"),
    ("net_profit_month", "seratus juta", "Keuntungan Bersih Per Bulan harus berupa nilai Rupiah tanpa desimal, contoh: 100.000.000"),
    ("product_type", "Mobil", "Pilih Jenis Produk dari daftar"),
    ("workforce_male", "satu", "Jumlah Tenaga Kerja Laki-laki harus berupa angka bulat 0 atau lebih"),
    ("workforce_female", "2000000", "Jumlah Tenaga Kerja Perempuan maksimal 1.000.000"),
    ("sector", "Pariwisata Luar Angkasa", "Pilih Sektor Usaha dari daftar"),
    ("assets", "Rp 100.000.000,50", "Aset Per Tahun (Rp) harus berupa nilai Rupiah tanpa desimal, contoh: 100.000.000"),
    ("turnover", "Rp 9.000.000.000.000.000.000", "Omzet Per Tahun (Rp) terlalu besar, periksa kembali"),
    ("market_segment", "Galaksi", "Pilih Segmentasi Pasar dari daftar"),
    ("distribution_channel", "Teleportasi", "Pilih Saluran Distribusi dari daftar"),
])
def test_field_messages(field, value, message):
    _, errors = validate_business(form(**{field: value}), today=TODAY)
    assert errors == {field: message}


def test_landline_accepted_without_whatsapp():
    clean, errors = validate_business(form(phone="(024) 8311234"), today=TODAY)
    assert errors == {} and clean["phone"] == "62248311234"
    assert whatsapp_url(clean["phone"]) is None and display_phone(clean["phone"]) == "024-8311234"
    assert whatsapp_url("6281234567890") == "https://wa.me/6281234567890"
    assert display_phone("6281234567890") == "0812-3456-7890"


def test_permit_number_rules():
    _, errors = validate_business(form(permit_kind="iumk", permit_number=""), today=TODAY)
    assert "Belum Memiliki Izin Usaha" in errors["permit_number"]
    clean, errors = validate_business(form(permit_kind="belum_ada", permit_number="abc123"), today=TODAY)
    assert errors == {} and clean["permit_number"] is None
    clean, errors = validate_business(form(permit_kind="iumk", permit_number="503/123/iumk/2023"), today=TODAY)
    assert clean["permit_number"] == "503/123/IUMK/2023"


def test_partial_edit_uses_current_values_for_cross_field_rules():
    current = dict(permit_kind="nib", workforce_male=0, workforce_female=3)
    _, errors = validate_business({"permit_number": "12"}, ["permit_number"], current=current, today=TODAY)
    assert errors == {"permit_number": "NIB harus 13 digit angka"}
    _, errors = validate_business({"workforce_female": "0"}, ["workforce_female"], current=current, today=TODAY)
    assert errors == {"workforce_male": "Jumlah tenaga kerja minimal 1 orang (termasuk pemilik)"}
    clean, errors = validate_business({"regency_code": "35.78", "district_code": "35.78.01",
                                       "village_code": "35.78.01.1001"}, ["regency_code"], current=current)
    assert errors == {} and clean["village_code"] == "35.78.01.1001"
    _, errors = validate_business({"regency_code": "35.78"}, ["regency_code"], current=current)
    assert set(errors) == {"district_code", "village_code"}  # a region travels with its parents


def test_position_and_product():
    assert validate_position("Ketua") == ("ketua", {})
    assert validate_position("raja") == (None, {"position": "Pilih Jabatan UKM dari daftar"})
    clean, errors = validate_product({"name": "Roti Sobek", "category": "Makanan", "price_min": "Rp 10.000",
                                      "price_max": "15.000"})
    assert errors == {} and clean["price_min"] == 10_000 and clean["description"] is None
    _, errors = validate_product({"name": "Roti", "category": "makanan", "price_min": "20.000", "price_max": "10.000"})
    assert errors == {"price_max": "Harga Tertinggi tidak boleh lebih kecil dari Harga Terendah"}
    _, errors = validate_product({"price_max": "5.000"}, ["price_max"], current={"price_min": 10_000})
    assert errors == {"price_max": "Harga Tertinggi tidak boleh lebih kecil dari Harga Terendah"}
    _, errors = validate_product({})
    assert errors == {"name": "Nama Produk wajib diisi", "category": "Kategori Produk wajib diisi"}


def test_business_helpers():
    row = dict(permit_kind="nib", permit_number="1234567890123", halal_number="ID1", pirt_number=None,
               bpom_number="MD 1", haki_number=None)
    assert permits_of(row) == [{"kind": "nib", "number": "1234567890123"}, {"kind": "halal", "number": "ID1"},
                               {"kind": "bpom", "number": "MD 1"}]
    assert permits_of({**row, "permit_kind": "belum_ada"})[0]["kind"] == "halal"
    assert registration_product_names("Roti Enak", "makanan", 2) == ["Roti Enak - Makanan", "Roti Enak - Makanan 2"]
    assert audit_changes({"a": 1, "b": 2}, {"a": 1, "b": 3}) == {"b": {"old": 2, "new": 3}}


def test_reference_lists():
    lists = reference_lists()
    assert {"value": "nib", "label": PERMIT_KINDS["nib"]} in lists["permit_kind"]
    assert [p["value"] for p in lists["position"]][:2] == ["pemilik", "ketua"]
    assert choice_key({"kab_kota": "Tingkat Kab/Kota"}, "  tingkat   KAB/KOTA ") == "kab_kota"
