"""Text of the consultation pages (Konsultasi pasca pelatihan), merged into gateway.i18n.MESSAGES["id"].
Every key starts with "ks_"."""
from __future__ import annotations

ID: dict[str, str] = {
    "ks_nav": "Konsultasi", "ks_nav_admin": "Konsultasi Alumni",
    "ks_title": "Konsultasi Pasca Pelatihan",
    "ks_intro": "Alumni dapat berkonsultasi tentang materi dan penerapan pelatihan yang telah diselesaikan. "
                "Layanan ini gratis.",
    "ks_new": "Ajukan Konsultasi", "ks_training": "Pelatihan yang telah Anda selesaikan",
    "ks_topic": "Topik", "ks_topic_hint": "Contoh: Menghitung harga pokok produksi (5-150 karakter)",
    "ks_question": "Pertanyaan atau masalah Anda", "ks_question_hint": "Jelaskan masalah Anda (10-4000 karakter)",
    "ks_files": "Lampiran (opsional)",
    "ks_files_hint": "PDF, JPG atau PNG; maksimal 3 berkas, masing-masing maksimal 3 MB",
    "ks_send": "Kirim Konsultasi",
    "ks_not_alumnus": "Konsultasi tersedia bagi alumni yang telah menyelesaikan pelatihan. Anda belum memiliki "
                      "pelatihan yang selesai.",
    "ks_see_schedule": "Lihat Jadwal Pelatihan",
    "ks_mine": "Konsultasi Saya", "ks_mine_empty": "Anda belum pernah mengajukan konsultasi.",
    "ks_col_topic": "Topik", "ks_col_training": "Pelatihan", "ks_col_status": "Status",
    "ks_col_updated": "Terakhir diperbarui", "ks_col_due": "Target jawaban pertama", "ks_col_participant": "Alumni",
    "ks_opened": "Konsultasi Anda terkirim. Petugas akan menjawab sesuai standar pelayanan.",
    "ks_thread": "Percakapan", "ks_you": "Anda", "ks_officer": "Petugas", "ks_participant": "Alumni",
    "ks_target": "Target jawaban pertama: {label}, paling lambat {due}",
    "ks_answered_at": "Dijawab pertama kali {at}",
    "ks_reply": "Balas", "ks_reply_body": "Pesan", "ks_reply_send": "Kirim Pesan",
    "ks_close": "Tutup Konsultasi", "ks_close_hint": "Tutup bila masalah Anda sudah terjawab.",
    "ks_closed": "Konsultasi ini sudah selesai.", "ks_closed_flash": "Konsultasi ditutup.",
    "ks_posted": "Pesan terkirim.", "ks_attachment": "Lampiran {n}",
    "ks_overdue_badge": "Lewat target", "ks_draft_badge": "Draf, menunggu pemeriksaan",
    "ks_returned_badge": "Dikembalikan untuk diperbaiki", "ks_review_note": "Catatan pemeriksa: {note}",
    "ks_back": "Kembali ke daftar konsultasi",
    # admin
    "ks_admin_title": "Konsultasi Alumni",
    "ks_admin_summary": "{waiting} menunggu jawaban; target jawaban pertama {label}.",
    "ks_overdue_link": "Lewat target jawaban: {n}",
    "ks_filter": "Saring konsultasi", "ks_status_all": "Semua status",
    "ks_status_waiting": "Menunggu jawaban", "ks_status_answered": "Sudah dijawab", "ks_status_closed": "Selesai",
    "ks_all_trainings": "Semua pelatihan", "ks_overdue_only": "Hanya yang lewat target",
    "ks_review_only": "Hanya yang menunggu pemeriksaan", "ks_search": "Tampilkan",
    "ks_admin_empty": "Belum ada konsultasi yang sesuai.", "ks_drafts": "{n} draf",
    "ks_total": "Menampilkan {shown} dari {total} konsultasi",
    "ks_settings": "Pengaturan", "ks_review_required": "Jawaban diperiksa admin kedua sebelum dikirim ke alumni",
    "ks_settings_save": "Simpan Pengaturan", "ks_settings_saved": "Pengaturan konsultasi disimpan.",
    "ks_answer": "Jawab", "ks_answer_body": "Jawaban", "ks_answer_send": "Kirim Jawaban",
    "ks_answer_review_hint": "Organisasi Anda memakai pemeriksaan: jawaban disimpan sebagai draf sampai disetujui "
                             "admin lain.",
    "ks_answered": "Jawaban terkirim.", "ks_drafted": "Draf jawaban disimpan dan menunggu pemeriksaan.",
    "ks_review": "Periksa draf", "ks_review_note_label": "Catatan perbaikan (wajib bila dikembalikan)",
    "ks_approve": "Setujui dan Kirim", "ks_return": "Kembalikan",
    "ks_approved": "Jawaban disetujui dan dikirim ke alumni.", "ks_returned": "Draf dikembalikan ke penyusun.",
    "ks_asked_by": "Diajukan oleh {name} pada {at}",
    # dashboards
    "ks_tile": "Konsultasi Alumni", "ks_tile_waiting": "Menunggu jawaban",
    "ks_tile_overdue": "Lewat target ({label})", "ks_tile_drafts": "Draf menunggu pemeriksaan",
    "ks_tile_down": "Data konsultasi sedang tidak tersedia.",
    "ks_todo": "Ada kendala setelah pelatihan? Tanyakan kepada petugas lewat Konsultasi.",
    "ks_todo_btn": "Konsultasi",
}
