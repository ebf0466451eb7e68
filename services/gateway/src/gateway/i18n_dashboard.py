"""Text of the dashboards (the admin's tiles, the participant's "Yang perlu Anda lakukan") and the
admin menu's names, merged into gateway.i18n.MESSAGES["id"]. Every key starts with "db_"."""
from __future__ import annotations

ID: dict[str, str] = {
    # admin menu: each name says what the page does, none repeats a public link's name
    "db_nav_participants": "Data Peserta", "db_nav_ukm": "Data UKM/Koperasi", "db_nav_gallery": "Kelola Galeri",
    "db_nav_schedule": "Kelola Pelatihan", "db_nav_verification": "Verifikasi Pendaftaran",
    "db_nav_lodging": "Kelola Asrama", "db_nav_certificates": "Kelola Sertifikat", "db_nav_skm": "Hasil SKM",
    "db_nav_testimony": "Moderasi Testimoni",
    # admin tiles
    "db_admin_intro": "Yang menunggu pekerjaan Anda hari ini.",
    "db_org": "Organisasi", "db_org_all": "Semua organisasi", "db_show": "Tampilkan",
    "db_tiles": "Ringkasan pekerjaan",
    "db_enrollments": "Pendaftaran", "db_waiting": "Menunggu verifikasi",
    "db_overdue": "Lewat {days} hari kerja", "db_waitlisted": "Daftar tunggu",
    "db_training_down": "Data pelatihan sedang tidak tersedia.",
    "db_upcoming": "Pelatihan {days} hari ke depan", "db_upcoming_none": "Tidak ada pelatihan yang segera dimulai.",
    "db_seats": "Kursi terisi {taken}/{quota}", "db_unconfirmed": "Belum konfirmasi: {n}",
    "db_starts": "Mulai {date}",
    "db_lodging": "Asrama", "db_waiting_room": "Menunggu kamar", "db_arriving": "Tiba hari ini",
    "db_not_checked_in": "Belum check-in", "db_checked_in": "Sedang menginap",
    "db_lodging_down": "Data asrama sedang tidak tersedia.",
    "db_certificates": "Sertifikat", "db_issued_week": "Terbit minggu ini", "db_pending": "Sedang diproses",
    "db_failed": "Gagal diterbitkan", "db_certificate_down": "Data sertifikat sedang tidak tersedia.",
    "db_skm": "Survei Kepuasan Masyarakat", "db_ikm": "IKM", "db_grade": "Mutu pelayanan: {grade} ({label})",
    "db_respondents": "{n} responden", "db_skm_none": "Belum ada jawaban SKM pada periode ini.",
    "db_survey_down": "Data SKM sedang tidak tersedia.",
    "db_total_participants": "Peserta terdaftar",
    # participant: next steps
    "db_todo": "Yang perlu Anda lakukan", "db_todo_none": "Tidak ada yang perlu Anda lakukan sekarang.",
    "db_todo_business": "Lengkapi data usaha (UKM/Koperasi) Anda sebelum mendaftar pelatihan.",
    "db_todo_business_btn": "Lengkapi Data Usaha",
    "db_todo_schedule": "Pilih pelatihan yang ingin Anda ikuti.", "db_todo_schedule_btn": "Lihat Jadwal Pelatihan",
    "db_todo_wait": "{title}: pendaftaran Anda menunggu verifikasi admin.",
    "db_todo_waitlist": "{title}: Anda di daftar tunggu; kami kabari bila ada kursi.",
    "db_todo_detail_btn": "Lihat Pendaftaran",
    "db_todo_confirm": "{title}: pendaftaran Anda sudah diverifikasi. Konfirmasi kehadiran Anda.",
    "db_todo_confirm_btn": "Konfirmasi Pelatihan",
    "db_todo_class": "{title}: kelas daring sudah dibuka.", "db_todo_class_btn": "Buka Kelas",
    "db_todo_room": "Kamar {room} sudah siap untuk Anda.",
    "db_todo_certificate": "Sertifikat {title} sudah terbit.", "db_todo_certificate_btn": "Unduh sertifikat",
    "db_todo_skm": "Isi Survei Kepuasan Masyarakat (SKM) untuk {org} — {period}.",
    "db_todo_skm_btn": "Isi SKM",
    "db_todo_down": "Sebagian data sedang tidak tersedia ({services}); coba muat ulang nanti.",
}
