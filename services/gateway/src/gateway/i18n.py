"""All user-facing text of the gateway (locale "id"; "en" may override any key) and WIB dates."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7), "WIB")  # Asia/Jakarta has no daylight saving time
DEFAULT_LOCALE = "id"

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember")

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        # brand and layout
        "app_name": "Balai", "app_tagline": "Pelatihan Berkualitas, KUKM Naik Kelas",
        "app_org": "Balai Pelatihan Koperasi dan UKM",
        "footer": "Copyright © Balai Pelatihan KUKM",
        "skip_to_content": "Langsung ke isi halaman", "menu": "Menu",
        # API errors
        "api_unknown_service": "Layanan {service} tidak ditemukan.",
        "api_unavailable": "Layanan {service} sedang tidak tersedia, coba lagi sebentar lagi.",
        "api_invalid_token": "Sesi tidak valid atau kedaluwarsa, silakan masuk lagi.",
        "api_rate_limited": "Terlalu banyak permintaan. Coba lagi dalam {seconds} detik.",
        "api_bad_request": "Permintaan tidak valid.", "api_bad_json": "Data JSON tidak valid.",
        "api_not_found": "Alamat tidak ditemukan.", "api_method_not_allowed": "Metode tidak diizinkan.",
        "api_internal_error": "Terjadi kesalahan pada sistem. Silakan coba lagi.",
        "api_too_large": "Data yang dikirim terlalu besar.",
        "api_forbidden": "Permintaan ditolak.",
        # error pages
        "error_404_title": "Halaman tidak ditemukan",
        "error_404_body": "Maaf, halaman yang Anda cari tidak ada atau sudah dipindahkan.",
        "error_403_title": "Akses ditolak",
        "error_403_body": "Anda tidak memiliki hak untuk membuka halaman ini.",
        "error_500_title": "Terjadi kesalahan",
        "error_500_body": "Maaf, terjadi kesalahan pada sistem. Silakan coba beberapa saat lagi.",
        "error_503_title": "Layanan sedang tidak tersedia",
        "error_503_body": "Layanan sedang tidak tersedia, coba lagi sebentar lagi.",
        "error_429_title": "Terlalu banyak percobaan",
        "error_429_body": "Anda terlalu sering mencoba. Silakan tunggu {seconds} detik lalu coba lagi.",
        "error_csrf_title": "Formulir kedaluwarsa",
        "error_csrf_body": "Formulir sudah kedaluwarsa atau tidak sah. Silakan muat ulang halaman dan coba lagi.",
        "error_413_body": "Berkas yang diunggah terlalu besar.",
        "back_home": "Kembali ke beranda",
        # landing and login
        "landing_title": "Selamat datang di Balai",
        "landing_intro": "Daftar dan ikuti pelatihan koperasi dan UKM di balai pelatihan. "
                         "Buat akun sekali, lalu pilih jadwal pelatihan, konfirmasi kehadiran, "
                         "dan unduh e-sertifikat Anda.",
        "login_heading": "Masuk", "login_label": "Username / NIK", "password": "Password",
        "login_button": "Masuk", "no_account": "Belum Punya Akun?", "click_here": "KLIK DISINI",
        "forgot_password": "Lupa Password",
        "login_failed": "Username/NIK atau password salah",
        "login_required": "Silakan masuk terlebih dahulu.",
        "login_wait": "Terlalu banyak percobaan masuk. Silakan tunggu {seconds} detik lalu coba lagi.",
        "session_expired": "Sesi Anda telah berakhir, silakan masuk lagi.",
        "logout": "LOGOUT",
        # registration
        "register_title": "Pendaftaran Akun Peserta",
        "register_intro": "Isi data di bawah ini dengan benar. Tanda * wajib diisi.",
        "step_data_diri": "Data Diri", "step_data_alamat": "Data Alamat", "step_akun": "Data Akses Akun",
        "step_of": "Langkah {n} dari {total}",
        "full_name": "Nama Lengkap", "nik": "No. KTP/NIK", "kk": "No. KK", "phone": "No. HP (WA)",
        "birth_place": "Tempat Lahir", "birth_date": "Tanggal Lahir",
        "province": "Provinsi", "regency": "Kota / Kab", "district": "Kecamatan",
        "village": "Kelurahan / Desa", "address": "Alamat", "marital_status": "Status Pernikahan",
        "npwp": "No. NPWP", "photo": "Foto Profil", "username": "Username",
        "password_confirm": "Konfirmasi Password",
        "photo_hint": "* Upload file maksimal sebesar 3 mb dan format jpg/png",
        "password_hint": "* Gunakan password yang sulit ditebak dan jangan bagikan kepada siapa pun",
        "required_hint": "* Wajib diisi", "optional": "(opsional)",
        "choose": "— Pilih —", "refresh_regions": "Tampilkan pilihan wilayah",
        "regions_no_js": "Setelah memilih provinsi, kota/kabupaten atau kecamatan, tekan "
                         "\"Tampilkan pilihan wilayah\" untuk memuat pilihan berikutnya.",
        "next": "Selanjutnya", "previous": "Sebelumnya", "finish": "Finish!",
        "checking": "Memeriksa…",
        "error_summary": "Periksa kembali isian berikut:",
        "photo_too_large": "Ukuran foto maksimal 3 MB.",
        "photo_required": "Foto Profil wajib diunggah.",
        "photo_wrong_type": "Foto harus berformat jpg atau png.",
        "register_failed": "Pendaftaran belum berhasil. Silakan perbaiki isian yang ditandai.",
        "account_created": "Akun berhasil dibuat",
        "marital_belum_menikah": "Belum Menikah", "marital_menikah": "Menikah",
        "marital_cerai_hidup": "Cerai Hidup", "marital_cerai_mati": "Cerai Mati",
        # password reset
        "forgot_title": "Lupa Password",
        "forgot_intro": "Masukkan username atau NIK Anda. Kami akan mengirim tautan untuk membuat password baru.",
        "forgot_button": "Kirim Tautan Reset",
        "forgot_sent": "Jika akun ditemukan, tautan reset telah dikirim",
        "reset_title": "Buat Password Baru", "new_password": "Password baru",
        "reset_button": "Simpan Password", "reset_done": "Password berhasil diubah, silakan masuk.",
        "reset_invalid": "Tautan reset tidak valid atau kedaluwarsa",
        # participant area
        "nav_dashboard": "Dashboard", "nav_history": "Riwayat Pelatihan",
        "nav_schedule": "Jadwal Pelatihan", "nav_testimony": "Testimoni",
        "nav_checkin": "Konfirmasi Check In Kamar", "nav_certificate": "E-sertifikat",
        "nav_skm": "SKM", "nav_survey": "Survey Si Pentol", "nav_profile": "Lihat Profile",
        "dashboard_title": "Dashboard Peserta", "trainings_count": "Jumlah Pelatihan Yang Pernah Diikuti",
        "ukm_list": "List UKM/Koperasi", "ukm_register": "Daftar UKM/Koperasi",
        "ukm_empty": "Belum ada UKM/Koperasi yang terdaftar.",
        "history_empty": "Belum ada riwayat pelatihan.",
        "coming_soon": "Segera hadir",
        "coming_soon_body": "Fitur {feature} sedang disiapkan dan akan segera tersedia.",
        "no_photo": "Belum ada foto", "photo_of": "Foto profil {name}",
        "profile_title": "Profil Saya", "edit_profile": "Edit Profil", "save": "Simpan",
        "profile_saved": "Profil berhasil diperbarui", "sex": "Jenis Kelamin",
        "sex_L": "Laki-laki", "sex_P": "Perempuan", "registered_at": "Terdaftar sejak",
        "photo_keep_hint": "Kosongkan jika tidak ingin mengganti foto.",
        "profile_failed": "Profil belum tersimpan. Silakan perbaiki isian yang ditandai.",
        # admin
        "admin_title": "Konsol Admin", "admin_welcome": "Selamat datang, {name}.",
        "nav_participants": "Peserta", "nav_verification": "Verifikasi", "nav_lodging": "Asrama",
        "nav_certificates": "Sertifikat",
        "participants_title": "Daftar Peserta", "search_label": "Cari (Nama/Username/NIK)",
        "search_button": "Cari", "participants_empty": "Tidak ada peserta yang cocok.",
        "total_participants": "Total {total} peserta", "detail": "Detail",
        "sort_by": "Urutkan", "page_of": "Halaman {page} dari {pages}",
        "prev_page": "Sebelumnya", "next_page": "Berikutnya", "pagination": "Navigasi halaman",
        "participant_detail": "Detail Peserta", "back_to_list": "Kembali ke daftar peserta",
        # dev mailbox
        "mailbox_title": "Kotak Surat (dev)", "mailbox_empty": "Belum ada email.",
        "mail_to": "Kepada", "mail_subject": "Subjek", "mail_time": "Waktu", "mail_link": "Tautan",
    },
    "en": {
        "login_failed": "Wrong username/NIK or password",
    },
}


def t(key: str, locale: str = DEFAULT_LOCALE, **params: object) -> str:
    """Look a message up (falling back to Bahasa Indonesia) and fill its {params}."""
    text = MESSAGES.get(locale, {}).get(key) or MESSAGES[DEFAULT_LOCALE].get(key, key)
    return text.format(**params) if params else text


def _as_datetime(value: str | datetime) -> datetime:
    dt = datetime.fromisoformat(value.replace("Z", "+00:00")) if isinstance(value, str) else value
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)  # stored times are UTC


def format_datetime_wib(value: str | datetime | None) -> str:
    """'2025-11-26T01:30:00Z' -> '26 November 2025, 08.30 WIB'."""
    if not value:
        return "-"
    try:
        dt = _as_datetime(value).astimezone(WIB)
    except ValueError:
        return str(value)
    return f"{dt.day} {MONTHS_ID[dt.month - 1]} {dt.year}, {dt:%H.%M} WIB"


def format_date_id(value: str | date | None) -> str:
    """'1990-01-01' -> '1 Januari 1990'."""
    if not value:
        return "-"
    try:
        d = date.fromisoformat(value[:10]) if isinstance(value, str) else value
    except ValueError:
        return str(value)
    return f"{d.day} {MONTHS_ID[d.month - 1]} {d.year}"
