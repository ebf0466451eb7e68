from __future__ import annotations

from gateway.i18n import MESSAGES, format_date_id, format_datetime_wib, t

SI_PENTOL_WORDS = ["Masuk", "KLIK DISINI", "Lupa Password", "Data Diri", "Data Alamat",
                   "Data Akses Akun", "Selanjutnya", "Sebelumnya", "Finish!", "Kota / Kab",
                   "Kelurahan / Desa", "Foto Profil", "Riwayat Pelatihan", "Konfirmasi Check In Kamar",
                   "E-sertifikat", "Survey Si Pentol", "LOGOUT", "List UKM/Koperasi",
                   "Daftar UKM/Koperasi", "Username/NIK atau password salah",
                   "Jika akun ditemukan, tautan reset telah dikirim", "Akun berhasil dibuat",
                   "* Upload file maksimal sebesar 3 mb dan format jpg/png"]


def test_si_pentol_words_are_present():
    values = set(MESSAGES["id"].values())
    for word in SI_PENTOL_WORDS:
        assert word in values, word


def test_api_messages():
    assert t("api_unavailable", service="identity") == \
        "Layanan identity sedang tidak tersedia, coba lagi sebentar lagi."
    assert t("api_invalid_token") == "Sesi tidak valid atau kedaluwarsa, silakan masuk lagi."


def test_fallback_to_indonesian_and_english_override():
    assert t("login_failed", "en") == "Wrong username/NIK or password"
    assert t("finish", "en") == "Finish!"
    assert t("no_such_key") == "no_such_key"


def test_wib_dates():
    assert format_datetime_wib("2025-11-26T01:30:00Z") == "26 November 2025, 08.30 WIB"
    assert format_datetime_wib("2025-12-31T20:00:00+00:00") == "1 Januari 2026, 03.00 WIB"
    assert format_date_id("1990-08-17") == "17 Agustus 1990"
    assert format_datetime_wib(None) == "-"
