"""All user-facing text of the gateway (locale "id"; "en" may override any key) and WIB dates."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7), "WIB")  # Asia/Jakarta has no daylight saving time
DEFAULT_LOCALE = "id"

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember")

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        # brand and layout
        "app_name": "Balai", "app_tagline": "Pelatihan Berkualitas, KUKM Naik Kelas",
        # meta descriptions of public pages (search results and link previews)
        "meta_default": "Balai: sistem pelatihan online Balai Pelatihan KUKM untuk pelaku UKM dan koperasi.",
        "meta_home": ("Masuk atau daftar di Balai untuk mengikuti pelatihan gratis Balai Pelatihan KUKM: "
                      "jadwal pelatihan, pendaftaran online, sertifikat elektronik dan galeri produk UKM."),
        "meta_schedule": ("Jadwal Pelatihan KUKM terbaru: tanggal, tempat, kuota dan syarat peserta. "
                          "Pilih pelatihan dan daftar online."),
        "meta_training": "Pelatihan {title}, {dates}, {venue}. Lihat syarat dan kuota, lalu daftar online di Balai.",
        "meta_gallery": ("Galeri E-Dukasi: produk UKM dan koperasi alumni pelatihan Balai Pelatihan KUKM, "
                         "dengan izin usaha (Halal, PIRT, BPOM) dan kontak WhatsApp penjual."),
        "meta_product": "{name} dari {business}, {place}, di Galeri E-Dukasi Balai Pelatihan KUKM.",
        "meta_register": ("Daftar akun peserta Balai dengan NIK dan nomor WhatsApp untuk mengikuti "
                          "pelatihan Balai Pelatihan KUKM."),
        "meta_verify": "Periksa keaslian sertifikat pelatihan Balai dengan nomor sertifikat atau kode QR.",
        "meta_ikm": "Indeks Kepuasan Masyarakat (IKM) layanan pelatihan Balai Pelatihan KUKM per periode survei.",
        "meta_forgot": "Lupa password akun Balai? Masukkan username atau NIK untuk membuat password baru.",
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
        # UKM / Koperasi (Si Pentol steps 6-10) and the E-Dukasi gallery (step 17)
        "nav_ukm": "UKM/Koperasi", "nav_gallery": "Galeri E-Dukasi", "public_nav": "Halaman umum",
        "all": "Semua", "back": "Kembali", "cancel": "Batal", "edit": "Edit", "action": "Aksi",
        "page_n": "Halaman {n}",
        "ukm_pick_title": "Pilih Data UKM/Koperasi", "ukm_search_name": "Nama UKM/Koperasi",
        "ukm_results": "Daftar UKM/Koperasi terdaftar",
        "ukm_search_empty": "Tidak ada UKM/Koperasi yang cocok.",
        "ukm_join": "Gabung", "ukm_join_hint": "Permintaan bergabung perlu disetujui anggota "
                                              "UKM/Koperasi tersebut atau admin balai.",
        "ukm_join_requested": "Permintaan bergabung terkirim. Menunggu persetujuan.",
        "ukm_join_failed": "Belum dapat bergabung dengan UKM/Koperasi ini.",
        "ukm_not_registered": "UKM / Koperasi Belum Terdaftar ?",
        "ukm_register_new": "Daftarkan UKM/Koperasi baru",
        "ukm_status_active": "Sudah terdaftar", "ukm_status_pending": "Menunggu persetujuan",
        "ukm_col_name": "Nama", "ukm_col_city": "Alamat/Kota",
        "ukm_form": "Pendaftaran UKM & Koperasi", "ukm_edit_title": "Edit UKM/Koperasi",
        "ukm_form_intro": "Isi data sesuai kondisi Koperasi/UKM saat ini. Tanda * wajib diisi.",
        "ukm_progress": "Bagian formulir",
        "ukm_step_usaha": "Data Usaha", "ukm_step_alamat": "Alamat & Jabatan",
        "ukm_step_produk": "Produk & Perizinan", "ukm_step_produksi": "Produksi & Keuangan",
        "ukm_step_foto": "Foto Produk",
        "ukm_f_kind": "Pilih UKM / Koperasi", "ukm_f_permit_kind": "Jenis Izin Usaha",
        "ukm_f_permit_number": "No Izin Usaha (NIB/UMK)", "ukm_f_name": "Nama Usaha",
        "ukm_f_owner_name": "Nama Pemilik Usaha", "ukm_f_address": "Alamat Rumah Produksi",
        "ukm_f_province": "Provinsi", "ukm_f_regency_code": "Kota/Kabupaten",
        "ukm_f_district_code": "Kecamatan", "ukm_f_village_code": "Kelurahan / Desa",
        "ukm_f_position": "Jabatan UKM", "ukm_f_category": "Kategori Usaha",
        "ukm_f_specification": "Spesifikasi Usaha", "ukm_f_halal_number": "Halal",
        "ukm_f_pirt_number": "PIRT", "ukm_f_bpom_number": "BPOM", "ukm_f_haki_number": "Haki",
        "ukm_f_brand": "Nama Merk Usaha", "ukm_f_founded_year": "Tahun Berdiri Usaha",
        "ukm_f_phone": "No Telepon", "ukm_f_social_media": "Media Sosial Usaha",
        "ukm_f_legal_form": "Badan Usaha", "ukm_f_capacity": "Kapasitas Produksi",
        "ukm_f_capacity_unit": "Satuan Kapasitas",
        "ukm_f_net_profit_month": "Keuntungan Bersih Per Bulan", "ukm_f_product_type": "Jenis Produk",
        "ukm_f_workforce_male": "Jumlah Tenaga Kerja Laki-laki", "ukm_f_workforce_female": "Perempuan",
        "ukm_f_sector": "Sektor Usaha", "ukm_f_assets": "Aset Per Tahun(Rp)",
        "ukm_f_turnover": "Omzet Per Tahun(Rp)", "ukm_f_market_segment": "Segmentasi Pasar",
        "ukm_f_distribution_channel": "Saluran Distribusi",
        "ukm_f_photo_1": "Gambar / Foto Produk 1", "ukm_f_photo_2": "Gambar / Foto Produk 2",
        "ukm_f_photo_3": "Gambar / Foto Produk 3",
        "ukm_photo_hint": "* Ukuran file maksimal sebesar 3 mb dan format jpg/png",
        "ukm_workforce": "Jumlah Tenaga Kerja",
        "ukm_hint_permit_number": "NIB 13 digit angka. Kosongkan jika Jenis Izin Usaha "
                                  "\"Belum Memiliki Izin Usaha\".",
        "ukm_hint_certificate": "Nomor sertifikat; kosongkan jika belum ada.",
        "ukm_hint_year": "Contoh: 2015", "ukm_hint_phone": "Contoh: 0812 3456 7890 atau (024) 8311234",
        "ukm_hint_social": "Contoh: @namausaha (opsional)",
        "ukm_hint_money": "Contoh: 100.000.000 (tanpa desimal)",
        "ukm_js_required": "{label} wajib diisi",
        "ukm_js_money": "{label} harus berupa nilai Rupiah tanpa desimal, contoh: 100.000.000",
        "ukm_js_nib": "NIB harus 13 digit angka",
        "ukm_js_permit": "No Izin Usaha wajib diisi, atau pilih Jenis Izin Usaha "
                         "\"Belum Memiliki Izin Usaha\"",
        "ukm_js_number": "{label} harus berupa angka bulat 0 atau lebih",
        "ukm_js_photo_required": "Gambar / Foto Produk 1 wajib diunggah",
        "ukm_failed": "Data UKM/Koperasi belum tersimpan. Silakan perbaiki isian yang ditandai.",
        "ukm_reselect_photos": "Pilih ulang foto produk sebelum menyimpan.",
        "ukm_too_large": "Ukuran foto terlalu besar. Setiap foto maksimal 3 MB.",
        "ukm_registered": "UKM/Koperasi berhasil didaftarkan",
        "ukm_saved": "Data UKM/Koperasi berhasil diperbarui",
        "ukm_data": "Data Usaha", "ukm_region": "Wilayah", "ukm_permits": "Izin & Sertifikat",
        "ukm_private": "Data Internal Usaha",
        "ukm_private_hint": "Hanya terlihat oleh anggota UKM/Koperasi ini dan admin balai.",
        "ukm_workforce_value": "Laki-laki {male}, Perempuan {female} (total {total} orang)",
        "ukm_size_class": "Skala Usaha", "ukm_members": "Anggota & Jabatan", "ukm_member": "Anggota",
        "ukm_pending": "Menunggu persetujuan", "ukm_approve": "Setujui", "ukm_reject": "Tolak",
        "ukm_joined": "Bergabung sejak",
        "ukm_member_approved": "Anggota disetujui", "ukm_member_removed": "Permintaan ditolak",
        "ukm_products": "Produk", "ukm_products_empty": "Belum ada produk.",
        "product_add": "Tambah Produk", "product_f_name": "Nama Produk",
        "product_f_description": "Deskripsi Produk", "product_f_category": "Kategori Produk",
        "product_f_price_min": "Harga Terendah (Rp)", "product_f_price_max": "Harga Tertinggi (Rp)",
        "product_hidden": "Disembunyikan dari galeri", "product_hide": "Sembunyikan dari galeri",
        "product_unhide": "Tampilkan di galeri", "product_unpublished": "Diturunkan oleh admin:",
        "ukm_product_added": "Produk berhasil ditambahkan",
        "ukm_product_hidden": "Produk disembunyikan dari galeri",
        "ukm_product_shown": "Produk ditampilkan di galeri",
        "photo_of_product": "Foto produk {name}", "photo_n_of": "Foto {n} produk {name}",
        "ukm_audit": "Riwayat Perubahan", "ukm_audit_empty": "Belum ada perubahan.",
        "ukm_becomes": "menjadi",
        "ukm_audit_registered": "Mendaftarkan UKM/Koperasi", "ukm_audit_updated": "Mengubah data",
        "ukm_audit_member_requested": "Meminta bergabung",
        "ukm_audit_member_approved": "Menyetujui anggota",
        "ukm_audit_member_removed": "Menghapus anggota",
        "ukm_role_peserta": "Peserta", "ukm_role_admin": "Admin", "ukm_role_superadmin": "Superadmin",
        "ukm_admin_title": "Data UKM/Koperasi", "ukm_admin_search": "Cari (Nama Usaha/Merk/Pemilik)",
        "ukm_total": "Total {total} UKM/Koperasi",
        "gallery_nav": "E-Dukasi", "schedule_nav": "Jadwal Pelatihan", "gallery_title": "E-Dukasi — Etalase Produk Berkualitas Tinggi",
        "gallery_intro": "Produk UKM dan Koperasi alumni pelatihan balai.",
        "gallery_landing_link": "Lihat Galeri E-Dukasi",
        "gallery_landing_body": "E-Dukasi (Etalase Produk Berkualitas Tinggi) menampilkan produk "
                                "UKM/Koperasi peserta pelatihan.",
        "gallery_filter": "Cari dan saring produk", "gallery_search": "Cari produk atau usaha",
        "gallery_category": "Kategori", "gallery_permit": "Izin", "gallery_apply": "Terapkan",
        "gallery_reset": "Hapus filter", "gallery_sort_newest": "Terbaru",
        "gallery_sort_name": "Nama (A–Z)", "gallery_total": "{total} produk",
        "gallery_empty": "Belum ada produk yang cocok dengan pencarian ini.",
        "gallery_view": "Lihat Detail", "gallery_back": "Kembali ke galeri",
        "gallery_photo_original": "Lihat foto ukuran asli",
        "gallery_permits": "Izin dan sertifikat", "gallery_whatsapp": "Hubungi via WhatsApp",
        "gallery_trainings": "Pelatihan yang diikuti", "gallery_other_products": "Produk lainnya",
        "gallery_admin_title": "Galeri E-Dukasi",
        "gallery_admin_intro": "Produk yang sedang tampil di galeri. Turunkan produk dari halaman "
                               "UKM/Koperasinya (Moderasi).",
        "gallery_open_public": "Buka galeri publik", "gallery_moderate": "Moderasi",
        "gallery_published_at": "Tampil sejak", "gallery_reason": "Alasan",
        "gallery_unpublish": "Turunkan dari galeri", "gallery_republish": "Tampilkan lagi",
        "gallery_reason_short": "Alasan minimal 5 karakter.",
        "gallery_unpublished": "Produk diturunkan dari galeri",
        "gallery_republished": "Produk ditampilkan lagi di galeri",
        "permit_short_halal": "Halal", "permit_short_pirt": "PIRT", "permit_short_bpom": "BPOM",
        "permit_short_haki": "HAKI", "permit_short_nib": "NIB", "permit_short_iumk": "IUMK",
        "permit_short_sku": "SKU", "permit_short_siup": "SIUP",
        "permit_short_bh_koperasi": "BH Koperasi", "permit_short_lainnya": "Izin Usaha",
        # dev mailbox
        "mailbox_title": "Kotak Surat (dev)", "mailbox_empty": "Belum ada email.",
        "mail_to": "Kepada", "mail_subject": "Subjek", "mail_time": "Waktu", "mail_link": "Tautan",
    },
    "en": {
        "login_failed": "Wrong username/NIK or password",
    },
}
MESSAGES["id"].update(__import__("gateway.i18n_training", fromlist=["ID"]).ID)  # training pages
MESSAGES["id"].update(__import__("gateway.i18n_survey", fromlist=["ID"]).ID)  # survey pages
MESSAGES["id"].update(__import__("gateway.i18n_lodging", fromlist=["ID"]).ID)  # lodging pages
MESSAGES["id"].update(__import__("gateway.i18n_certificate", fromlist=["ID"]).ID)  # certificate pages
MESSAGES["id"].update(__import__("gateway.i18n_dashboard", fromlist=["ID"]).ID)  # dashboards, admin menu
MESSAGES["id"].update(__import__("gateway.i18n_event_docs", fromlist=["ID"]).ID)  # event documentation
MESSAGES["id"].update(__import__("gateway.i18n_narasumber", fromlist=["ID"]).ID)  # narasumber pages
MESSAGES["id"].update(__import__("gateway.i18n_complaints", fromlist=["ID"]).ID)  # pengaduan, standar pelayanan
MESSAGES["id"].update(__import__("gateway.i18n_consultation", fromlist=["ID"]).ID)  # consultation pages


def t(key: str, locale: str = DEFAULT_LOCALE, **params: object) -> str:
    """Look a message up (falling back to Bahasa Indonesia) and fill its {params}."""
    text = MESSAGES.get(locale, {}).get(key) or MESSAGES[DEFAULT_LOCALE].get(key, key)
    return text.format(**params) if params else text


def _as_datetime(value: str | datetime) -> datetime:
    dt = datetime.fromisoformat(value.replace("Z", "+00:00")) if isinstance(value, str) else value
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)  # stored times are UTC


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
