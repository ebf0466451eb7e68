from datetime import date, datetime

import pytest

from identity.domain.validation import (
    ALL_FIELDS,
    MARITAL_STATUSES,
    MESSAGES,
    STEP_FIELDS,
    display_phone,
    mask_nik,
    mask_phone,
    region_names,
    sex_from_nik,
    validate_fields,
    validate_registration,
)

TODAY = date(2025, 6, 15)
REQUIRED = "Wajib diisi"

VALID = {
    "full_name": "Siti Nurhaliza",
    "nik": "3374015506900001",  # Kota Semarang, Semarang Tengah; perempuan, lahir 15-06-1990
    "kk": "3374011203150002",
    "phone": "0812 3456 7890",
    "birth_place": "Semarang",
    "birth_date": "1990-06-15",
    "regency_code": "33.74",
    "district_code": "33.74.01",
    "village_code": "33.74.01.1001",
    "address": "Jl. Pemuda No. 12, RT 03/RW 05",
    "marital_status": "menikah",
    "npwp": "01.234.567.8-901.000",
    "username": "siti.nur",
    "password": "Lumpia-Semarang-77",
    "password_confirm": "Lumpia-Semarang-77",
}


def check(field, value, **extra):
    """(clean value or None, error or None) for one field, the rest of VALID as context."""
    data = {**VALID, **extra, field: value}
    clean, errors = validate_fields(data, [field], today=TODAY)
    assert (field in clean) != (field in errors)
    return clean.get(field), errors.get(field)


def ok(field, value, **extra):
    clean, error = check(field, value, **extra)
    assert error is None, error
    return clean


def err(field, value, **extra):
    clean, error = check(field, value, **extra)
    assert error is not None, f"{value!r} accepted as {clean!r}"
    return error


# --- structure ---------------------------------------------------------------------------------------------


def test_step_fields_and_marital_statuses():
    assert STEP_FIELDS == {
        "data_diri": ("full_name", "nik", "kk", "phone", "birth_place", "birth_date"),
        "data_alamat": ("regency_code", "district_code", "village_code", "address", "marital_status", "npwp"),
        "akun": ("username", "password", "password_confirm"),
    }
    assert MARITAL_STATUSES == {
        "belum_menikah": "Belum Menikah", "menikah": "Menikah", "cerai_hidup": "Cerai Hidup", "cerai_mati": "Cerai Mati",
    }
    assert len(ALL_FIELDS) == 15


def test_valid_registration_is_normalised():
    clean, errors = validate_registration(VALID, today=TODAY)
    assert errors == {}
    assert clean == {
        "full_name": "Siti Nurhaliza",
        "nik": "3374015506900001",
        "kk": "3374011203150002",
        "phone": "6281234567890",
        "birth_place": "Semarang",
        "birth_date": date(1990, 6, 15),
        "regency_code": "33.74",
        "district_code": "33.74.01",
        "village_code": "33.74.01.1001",
        "address": "Jl. Pemuda No. 12, RT 03/RW 05",
        "marital_status": "menikah",
        "npwp": "012345678901000",
        "username": "siti.nur",
        "password": "Lumpia-Semarang-77",
        "password_confirm": "Lumpia-Semarang-77",
    }


@pytest.mark.parametrize("step", list(STEP_FIELDS))
def test_each_step_validates_only_its_fields(step):
    clean, errors = validate_fields(VALID, STEP_FIELDS[step], today=TODAY)
    assert errors == {}
    assert set(clean) == set(STEP_FIELDS[step])


def test_empty_form_reports_every_required_field():
    clean, errors = validate_registration({}, today=TODAY)
    assert clean == {"npwp": None}
    assert errors == {f: REQUIRED for f in ALL_FIELDS if f != "npwp"}


@pytest.mark.parametrize("blank", [None, "", "   ", "\t\n"])
@pytest.mark.parametrize("field", [f for f in ALL_FIELDS if f != "npwp"])
def test_blank_required_field(field, blank):
    assert err(field, blank) == REQUIRED


def test_unknown_field_name_is_a_programming_error():
    with pytest.raises(ValueError):
        validate_fields(VALID, ["nik", "email"], today=TODAY)


def test_fields_order_does_not_matter():
    fields = list(reversed(STEP_FIELDS["data_alamat"]))
    assert validate_fields(VALID, fields, today=TODAY)[1] == {}


def test_today_defaults_to_the_real_date():
    clean, errors = validate_fields({"birth_date": "1990-06-15"}, ["birth_date"])
    assert errors == {} and clean["birth_date"] == date(1990, 6, 15)


def test_non_mapping_data_gives_required_errors():
    clean, errors = validate_fields(None, ["nik"], today=TODAY)  # type: ignore[arg-type]
    assert errors == {"nik": REQUIRED}


@pytest.mark.parametrize("field", [f for f in ALL_FIELDS])
@pytest.mark.parametrize("value", [12345, 3.5, ["a"], {"a": 1}, True, b"bytes"])
def test_wrong_types_give_a_message_never_raise(field, value):
    error = err(field, value)
    assert isinstance(error, str) and error


def test_all_messages_are_strings():
    assert MESSAGES["required"] == REQUIRED
    assert all(isinstance(v, str) and v for v in MESSAGES.values())


# --- full_name ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("  Siti   Nurhaliza ", "Siti Nurhaliza"),
        ("Abc", "Abc"),
        ("Muh. Rizky, S.Kom", "Muh. Rizky, S.Kom"),
        ("Al-Fatih", "Al-Fatih"),
        ("Ma\u2019ruf Amin", "Ma'ruf Amin"),
        ("I Gusti Ngurah Rai", "I Gusti Ngurah Rai"),
        ("A" * 100, "A" * 100),
    ],
)
def test_full_name_ok(value, expected):
    assert ok("full_name", value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Ab", "Nama Lengkap minimal 3 karakter"),
        ("  Ab  ", "Nama Lengkap minimal 3 karakter"),
        ("A" * 101, "Nama Lengkap maksimal 100 karakter"),
        ("Budi123", "Nama Lengkap hanya boleh berisi huruf, spasi, dan tanda . , ' -"),
        ("Budi <b>", "Nama Lengkap hanya boleh berisi huruf, spasi, dan tanda . , ' -"),
        ("...", "Nama Lengkap hanya boleh berisi huruf, spasi, dan tanda . , ' -"),
    ],
)
def test_full_name_bad(value, message):
    assert err("full_name", value) == message


# --- nik -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3374015506900001", "3374015506900001"),
        ("3374 0155 0690 0001", "3374015506900001"),
        ("33.74.01.550690.0001", "3374015506900001"),
        (" 3374-0155-0690-0001 ", "3374015506900001"),
    ],
)
def test_nik_ok(value, expected):
    assert ok("nik", value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("337401550690001", "NIK harus 16 digit angka"),
        ("33740155069000011", "NIK harus 16 digit angka"),
        ("3374O15506900001", "NIK harus 16 digit angka"),
        (3374015506900001, "NIK harus 16 digit angka"),
        ("9974015506900001", "Kode wilayah pada NIK tidak dikenal"),  # no province 99
        ("3399015506900001", "Kode wilayah pada NIK tidak dikenal"),  # no regency 33.99
        ("3300015506900001", "Kode wilayah pada NIK tidak dikenal"),
        ("3374003101900001", "Kode wilayah pada NIK tidak dikenal"),  # kecamatan 00
        ("3374013102900001", "Tanggal lahir pada NIK tidak valid, periksa kembali NIK Anda"),  # 31 Feb
        ("3374017202900001", "Tanggal lahir pada NIK tidak valid, periksa kembali NIK Anda"),  # women: 72-40 = 32
        ("3374010013900001", "Tanggal lahir pada NIK tidak valid, periksa kembali NIK Anda"),
        ("3374015506900000", "Nomor urut pada NIK tidak valid, periksa kembali NIK Anda"),
    ],
)
def test_nik_bad(value, message):
    assert err("nik", value) == message


def test_nik_female_day_plus_40_matches_birth_date():
    data = {**VALID, "nik": "3374017101900001", "birth_date": "31-01-1990"}  # 71 - 40 = 31
    clean, errors = validate_fields(data, STEP_FIELDS["data_diri"], today=TODAY)
    assert errors == {}
    assert sex_from_nik(clean["nik"]) == "P"


def test_nik_male_day_matches_birth_date():
    data = {**VALID, "nik": "3374013101900001", "birth_date": "31/01/1990"}
    assert validate_fields(data, STEP_FIELDS["data_diri"], today=TODAY)[1] == {}


def test_nik_birth_date_mismatch_is_reported_on_nik():
    data = {**VALID, "birth_date": "1990-06-16"}
    clean, errors = validate_fields(data, STEP_FIELDS["data_diri"], today=TODAY)
    assert errors == {"nik": "Tanggal lahir pada NIK (15-06-1990) tidak sesuai dengan Tanggal Lahir yang diisi"}
    assert "nik" not in clean and clean["birth_date"] == date(1990, 6, 16)


def test_nik_female_offset_is_not_mistaken_for_the_day():
    # Someone typed a woman's NIK but their real day is 15, so day 55 must not be compared literally.
    data = {**VALID, "nik": "3374011506900001", "birth_date": "1990-06-15"}  # male form of the same date
    assert validate_fields(data, ["nik", "birth_date"], today=TODAY)[1] == {}
    data = {**VALID, "nik": "3374015506900001", "birth_date": "1990-06-25"}
    assert "15-06-1990" in validate_fields(data, ["nik", "birth_date"], today=TODAY)[1]["nik"]


def test_nik_mismatch_in_year_only():
    data = {**VALID, "birth_date": "1991-06-15"}
    assert validate_fields(data, ["nik", "birth_date"], today=TODAY)[1] == {
        "nik": "Tanggal lahir pada NIK (15-06-1990) tidak sesuai dengan Tanggal Lahir yang diisi",
    }


def test_nik_century_for_a_centenarian():
    # NIK year 25 with today in 2025 reads as 2025 in lokal; the person was born in 1925 and is 100.
    data = {**VALID, "nik": "3374011506250001", "birth_date": "1925-06-15"}
    assert validate_fields(data, ["nik", "birth_date"], today=TODAY)[1] == {}


def test_cross_check_needs_both_fields_valid():
    data = {**VALID, "birth_date": "2030-01-01"}
    errors = validate_fields(data, ["nik", "birth_date"], today=TODAY)[1]
    assert set(errors) == {"birth_date"}
    data = {**VALID, "nik": "123"}
    assert set(validate_fields(data, ["nik", "birth_date"], today=TODAY)[1]) == {"nik"}
    # Only the NIK requested: no cross-check against a birth date that was not validated.
    data = {**VALID, "birth_date": "1991-01-01"}
    assert validate_fields(data, ["nik"], today=TODAY)[1] == {}


# --- kk ------------------------------------------------------------------------------------------------------


def test_kk_ok():
    assert ok("kk", "3374 0112 0315 0002") == "3374011203150002"


@pytest.mark.parametrize("value", ["337401120315000", "33740112031500021", "3374-0112-0315-000X", 3374011203150002])
def test_kk_bad(value):
    assert err("kk", value) == "No. KK harus 16 digit angka"


# --- phone ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("081234567890", "6281234567890"),
        ("0812 3456 7890", "6281234567890"),
        ("0812-3456-7890", "6281234567890"),
        ("+62 812-3456-7890", "6281234567890"),
        ("6281234567890", "6281234567890"),
        ("(0857) 1234 5678", "6285712345678"),
        ("0895123456789", "62895123456789"),
        ("0812345678", "62812345678"),
    ],
)
def test_phone_ok(value, expected):
    assert ok("phone", value) == expected


@pytest.mark.parametrize("value", ["0812", "08123456789012345", "abc", "0812 3456 789x", "12345", "08001234567",
                                   81234567890])
def test_phone_bad(value):
    assert err("phone", value) == "No. HP tidak valid, contoh: 0812 3456 7890"


@pytest.mark.parametrize("value", ["(021) 555-1234", "024 8312345"])
def test_phone_landline_refused(value):
    assert err("phone", value) == "Gunakan No. HP, bukan telepon rumah, contoh: 0812 3456 7890"


# --- birth_place ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Semarang", "Semarang"), ("  Kab.  Semarang ", "Kab. Semarang"), ("Pati", "Pati"), ("Ba", "Ba"),
     ("Tanjung Pinang (Kepri)", "Tanjung Pinang (Kepri)")],
)
def test_birth_place_ok(value, expected):
    assert ok("birth_place", value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("S", "Tempat Lahir minimal 2 karakter"),
        ("S" * 101, "Tempat Lahir maksimal 100 karakter"),
        ("Semarang 2", "Tempat Lahir hanya boleh berisi huruf, spasi, dan tanda . , ' - ( ) /"),
    ],
)
def test_birth_place_bad(value, message):
    assert err("birth_place", value) == message


# --- birth_date ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["1990-06-15", "1990-6-15", "15/06/1990", "15-06-1990", "15/6/1990", " 1990-06-15 ", date(1990, 6, 15),
     datetime(1990, 6, 15, 8, 30)],
)
def test_birth_date_formats(value):
    assert ok("birth_date", value) == date(1990, 6, 15)


@pytest.mark.parametrize("value", ["1990/06/15", "15.06.1990", "31-02-1990", "1990-13-01", "kemarin", "15061990",
                                   19900615, "06/15/1990"])
def test_birth_date_invalid(value):
    assert err("birth_date", value) == "Tanggal Lahir tidak valid, contoh: 31-12-1990"


def test_birth_date_in_future():
    assert err("birth_date", "2025-06-16") == "Tanggal Lahir tidak boleh melewati hari ini"


def test_age_boundaries():
    assert ok("birth_date", "2010-06-15") == date(2010, 6, 15)  # 15 today
    assert err("birth_date", "2010-06-16") == "Usia minimal 15 tahun"  # 15 tomorrow
    assert err("birth_date", "2025-06-15") == "Usia minimal 15 tahun"  # born today
    assert ok("birth_date", "1924-06-16") == date(1924, 6, 16)  # 100, 101 tomorrow
    assert err("birth_date", "1924-06-15") == "Usia maksimal 100 tahun, periksa kembali Tanggal Lahir"


def test_age_of_leap_day_birth():
    # Born 29 Feb 2008: 15 on 1 Mar 2023, not on 28 Feb.
    assert validate_fields({"birth_date": "29-02-2008"}, ["birth_date"], today=date(2023, 2, 28))[1] == {
        "birth_date": "Usia minimal 15 tahun",
    }
    assert validate_fields({"birth_date": "29-02-2008"}, ["birth_date"], today=date(2023, 3, 1))[1] == {}


# --- regions -------------------------------------------------------------------------------------------------

REGION_FIELDS = ("regency_code", "district_code", "village_code")


def regions(regency, district, village):
    data = {"regency_code": regency, "district_code": district, "village_code": village}
    return validate_fields(data, REGION_FIELDS, today=TODAY)


def test_regions_ok():
    assert regions("33.74", "33.74.01", "33.74.01.1001") == (
        {"regency_code": "33.74", "district_code": "33.74.01", "village_code": "33.74.01.1001"}, {},
    )


def test_region_codes_without_dots_are_normalised():
    clean, errors = regions("3374", "337401", "3374011001")
    assert errors == {}
    assert clean == {"regency_code": "33.74", "district_code": "33.74.01", "village_code": "33.74.01.1001"}


@pytest.mark.parametrize("regency", ["33.99", "33", "33.74.01", "ab.cd", "99.01"])
def test_unknown_regency(regency):
    clean, errors = regions(regency, "33.74.01", "33.74.01.1001")
    assert errors == {"regency_code": "Kabupaten/Kota tidak dikenal, pilih dari daftar"}


def test_unknown_district_and_village():
    _, errors = regions("33.74", "33.74.99", "33.74.01.1001")
    assert errors == {"district_code": "Kecamatan tidak dikenal, pilih dari daftar"}
    _, errors = regions("33.74", "33.74.01", "33.74.01.9999")
    assert errors == {"village_code": "Kelurahan/Desa tidak dikenal, pilih dari daftar"}


def test_district_outside_regency_is_the_error():
    # Depok's kecamatan and kelurahan are consistent with each other, but not with Kota Semarang.
    clean, errors = regions("33.74", "32.76.01", "32.76.01.1006")
    assert errors == {"district_code": "Kecamatan tidak berada di Kabupaten/Kota yang dipilih"}


def test_village_outside_district_is_the_error():
    clean, errors = regions("33.74", "33.74.01", "33.74.02.1001")
    assert errors == {"village_code": "Kelurahan/Desa tidak berada di Kecamatan yang dipilih"}
    assert clean == {"regency_code": "33.74", "district_code": "33.74.01"}


def test_region_code_at_wrong_level():
    _, errors = regions("33.74", "33.74", "33.74.01")
    assert errors == {
        "district_code": "Kecamatan tidak dikenal, pilih dari daftar",
        "village_code": "Kelurahan/Desa tidak dikenal, pilih dari daftar",
    }


def test_region_names():
    assert region_names("33.74", "33.74.01", "33.74.01.1001") == {
        "regency_name": "Kota Semarang", "district_name": "Semarang Tengah", "village_name": "Miroto",
    }
    assert region_names(None, "", "99.99.99.9999") == {
        "regency_name": None, "district_name": None, "village_name": None,
    }


# --- address, marital status, npwp -------------------------------------------------------------------------


def test_address():
    assert ok("address", "Jl. A") == "Jl. A"
    assert ok("address", "Jl. Pemuda\n No. 12 ") == "Jl. Pemuda No. 12"
    assert ok("address", "x" * 255) == "x" * 255
    assert err("address", "Jl 1") == "Alamat minimal 5 karakter"
    assert err("address", "x" * 256) == "Alamat maksimal 255 karakter"


@pytest.mark.parametrize(
    ("value", "expected"),
    [*((k, k) for k in MARITAL_STATUSES), ("Belum Menikah", "belum_menikah"), (" CERAI_MATI ", "cerai_mati")],
)
def test_marital_status_ok(value, expected):
    assert ok("marital_status", value) == expected


@pytest.mark.parametrize("value", ["janda", "kawin", 1])
def test_marital_status_bad(value):
    assert err("marital_status", value) == "Pilih Status Perkawinan dari daftar"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("01.234.567.8-901.000", "012345678901000"),  # 15 digits, old format
        ("012345678901000", "012345678901000"),
        ("0123456789012345", "0123456789012345"),  # 16 digits for entities
        ("3374015506900001", "3374015506900001"),  # NIK as NPWP
        (None, None),
        ("", None),
        ("   ", None),
    ],
)
def test_npwp_ok(value, expected):
    assert ok("npwp", value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("01234567890123", "NPWP harus 15 atau 16 digit"),
        ("01234567890123456", "NPWP harus 15 atau 16 digit"),
        ("01.234.567.8-901.00A", "NPWP harus 15 atau 16 digit"),
        (12345678901234, "NPWP harus 15 atau 16 digit"),
        ("00.000.000.0-000.000", "NPWP tidak valid, kosongkan jika tidak punya NPWP"),
        ("1234567890123456", "NPWP 16 digit tidak valid, periksa kembali"),
    ],
)
def test_npwp_bad(value, message):
    assert err("npwp", value) == message


# --- username, password --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("abcd", "abcd"), ("a" * 32, "a" * 32), (" Budi.Santoso ", "budi.santoso"), ("siti_90", "siti_90")],
)
def test_username_ok(value, expected):
    assert ok("username", value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("abc", "Username minimal 4 karakter"),
        ("a" * 33, "Username maksimal 32 karakter"),
        ("1abcd", "Username harus diawali huruf"),
        ("_abcd", "Username harus diawali huruf"),
        (".abcd", "Username harus diawali huruf"),
        ("budi santoso", "Username hanya boleh berisi huruf kecil, angka, titik, dan garis bawah"),
        ("budi-santoso", "Username hanya boleh berisi huruf kecil, angka, titik, dan garis bawah"),
        ("budi@mail", "Username hanya boleh berisi huruf kecil, angka, titik, dan garis bawah"),
        ("bùdi", "Username hanya boleh berisi huruf kecil, angka, titik, dan garis bawah"),
    ],
)
def test_username_bad(value, message):
    assert err("username", value) == message


def test_password_ok():
    assert ok("password", "x7#Kq9!z") == "x7#Kq9!z"  # 8
    assert ok("password", " spasi di awal dan akhir ") == " spasi di awal dan akhir "  # kept as typed
    assert ok("password", "Ab1!" * 32) == "Ab1!" * 32  # 128


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("x7#Kq9!", "Password minimal 8 karakter"),
        ("Ab1!" * 32 + "x", "Password maksimal 128 karakter"),
        ("bismillah", "Password terlalu umum, pilih yang lebih sulit ditebak"),
        ("Sayang123", "Password terlalu umum, pilih yang lebih sulit ditebak"),
        ("INDONESIA", "Password terlalu umum, pilih yang lebih sulit ditebak"),
        ("rahasia123", "Password terlalu umum, pilih yang lebih sulit ditebak"),
        ("password", "Password terlalu umum, pilih yang lebih sulit ditebak"),
        ("12345678", "Password terlalu umum, pilih yang lebih sulit ditebak"),
        ("qwertyui", "Password terlalu umum, pilih yang lebih sulit ditebak"),
        ("Siti.Nur", "Password tidak boleh sama dengan Username"),
    ],
)
def test_password_bad(value, message):
    assert err("password", value) == message


def test_password_equal_to_raw_username_when_username_not_validated():
    data = {"username": "  Budi.Santoso", "password": "budi.santoso"}
    assert validate_fields(data, ["password"], today=TODAY)[1] == {
        "password": "Password tidak boleh sama dengan Username",
    }


def test_password_confirm():
    assert ok("password_confirm", "Lumpia-Semarang-77") == "Lumpia-Semarang-77"
    assert err("password_confirm", "lumpia-semarang-77") == "Konfirmasi password tidak sama"
    assert err("password_confirm", "Lumpia-Semarang-77 ") == "Konfirmasi password tidak sama"
    assert err("password_confirm", "x", password=None) == "Konfirmasi password tidak sama"


def test_account_step_errors_together():
    data = {"username": "ab", "password": "pendek", "password_confirm": "lain"}
    assert validate_fields(data, STEP_FIELDS["akun"], today=TODAY)[1] == {
        "username": "Username minimal 4 karakter",
        "password": "Password minimal 8 karakter",
        "password_confirm": "Konfirmasi password tidak sama",
    }


# --- helpers -------------------------------------------------------------------------------------------------


def test_sex_from_nik():
    assert sex_from_nik("3374014101900001") == "P"
    assert sex_from_nik("3374017101900001") == "P"
    assert sex_from_nik("3374010101900001") == "L"
    assert sex_from_nik("3374013101900001") == "L"
    with pytest.raises(ValueError):
        sex_from_nik("123")


def test_masks_and_display():
    assert mask_nik("3374014101900001") == "3374********0001"
    assert mask_nik("1234") == "****"
    assert mask_phone("6281234567890") == "0812****7890"
    assert mask_phone("62895123456789") == "0895*****6789"
    assert display_phone("6281234567890") == "0812-3456-7890"
    assert display_phone("62895123456789") == "0895-1234-56789"
