"""Text of the complaint (pengaduan) and Standar Pelayanan pages, merged into gateway.i18n.MESSAGES["id"].
Keys start with "adu_" (complaints) or "sp_" (service standards)."""
from __future__ import annotations

ID: dict[str, str] = {
    # SP4N-LAPOR!, named on every complaint page
    "adu_lapor": "Selain kanal ini, Anda dapat menyampaikan pengaduan melalui kanal nasional",
    "adu_lapor_link": "SP4N-LAPOR! (www.lapor.go.id)",
    # public
    "adu_nav": "Pengaduan", "adu_title": "Pengaduan Pelayanan",
    "adu_intro": "Sampaikan pengaduan, saran atau masukan tentang pelayanan kami. Anda boleh mengirim sebagai anonim: "
                 "nama dan kontak tidak disimpan. Setiap pengaduan mendapat nomor tiket dan tautan untuk memantau "
                 "tindak lanjutnya.",
    "adu_pick_org": "Pilih unit layanan yang Anda adukan", "adu_orgs_empty": "Belum ada unit layanan.",
    "adu_file_for": "Ajukan pengaduan ke {org}", "adu_form_title": "Formulir Pengaduan",
    "adu_limits": "Standar pelayanan: pengaduan diverifikasi paling lama {verify} dan dijawab beserta tindak lanjutnya "
                  "paling lama {answer} setelah verifikasi.",
    "adu_service": "Layanan yang diadukan", "adu_category": "Kategori pengaduan", "adu_description": "Uraian pengaduan",
    "adu_description_hint": "Ceritakan apa yang terjadi, kapan dan di mana (minimal 20 karakter).",
    "adu_anonymous": "Kirim sebagai anonim (nama dan kontak tidak disimpan)",
    "adu_name": "Nama", "adu_contact": "Kontak untuk tindak lanjut (nomor HP/WhatsApp atau email, tidak wajib)",
    "adu_evidence": "Bukti pendukung (PDF, JPG atau PNG, maksimal 3 MB, tidak wajib)",
    "adu_honeypot": "Jangan isi kolom ini", "adu_send": "Kirim Pengaduan", "adu_send_failed": "Pengaduan belum terkirim, periksa isian yang ditandai.",
    "adu_anonymous_note": "Pengaduan anonim tidak muncul di \"Pengaduan Saya\": simpan tautan pemantauannya.",
    # receipt and follow page
    "adu_sent_title": "Pengaduan Terkirim", "adu_ticket": "Nomor tiket",
    "adu_sent_body": "Terima kasih. Pengaduan Anda kami terima. Simpan nomor tiket dan tautan berikut: hanya dengan "
                     "tautan ini pengaduan dapat dipantau.",
    "adu_follow_link": "Tautan pemantauan", "adu_follow_open": "Pantau pengaduan ini",
    "adu_follow_title": "Pemantauan Pengaduan {ticket}", "adu_status": "Status", "adu_org": "Unit layanan",
    "adu_steps": "Tahapan penanganan", "adu_step_received": "Diterima", "adu_step_verified": "Diverifikasi",
    "adu_step_answered": "Dijawab dan ditindaklanjuti", "adu_step_closed": "Selesai",
    "adu_due": "batas waktu {when}", "adu_waiting": "Menunggu", "adu_answer": "Jawaban", "adu_follow_up": "Tindak lanjut",
    "adu_note": "Catatan", "adu_evidence_link": "Unduh bukti pendukung", "adu_overdue": "Melewati batas waktu",
    "adu_submitted": "Dikirim", "adu_sender": "Pengadu", "adu_anonymous_sender": "Anonim",
    # participant
    "adu_mine": "Pengaduan Saya", "adu_mine_empty": "Anda belum pernah mengirim pengaduan atas nama Anda.",
    "adu_new": "Ajukan Pengaduan",
    # admin
    "adu_admin_title": "Pengaduan Masuk", "adu_admin_empty": "Tidak ada pengaduan pada pilihan ini.",
    "adu_filter_status": "Status", "adu_filter_all": "Semua status", "adu_filter_overdue": "Hanya yang melewati batas waktu",
    "adu_show": "Tampilkan", "adu_col_ticket": "Tiket", "adu_col_service": "Layanan", "adu_col_category": "Kategori",
    "adu_col_status": "Status", "adu_col_submitted": "Dikirim", "adu_col_due": "Batas waktu",
    "adu_open": "Buka", "adu_verify": "Verifikasi", "adu_verify_note": "Catatan verifikasi",
    "adu_respond": "Kirim Jawaban", "adu_close": "Tutup Pengaduan", "adu_close_note": "Catatan penutupan (tidak wajib)",
    "adu_verified_flash": "Pengaduan diverifikasi.", "adu_answered_flash": "Jawaban dan tindak lanjut tersimpan.",
    "adu_closed_flash": "Pengaduan ditutup.", "adu_contact_label": "Kontak",
    "adu_tile": "Pengaduan", "adu_tile_verify": "menunggu verifikasi", "adu_tile_answer": "menunggu jawaban",
    "adu_tile_overdue": "melewati batas waktu", "adu_down": "Layanan survei/pengaduan sedang tidak dapat dihubungi.",
    "adu_page_title": "Pengaduan {ticket}",
    "adu_recap_title": "Pengaduan periode ini (unsur 8, Penanganan Pengaduan, Saran dan Masukan)",
    "adu_recap": "Diterima {received}, diverifikasi {verified}, dijawab/ditindaklanjuti {answered}, selesai {closed}, "
                 "melewati batas waktu {overdue}.",
    # Standar Pelayanan
    "sp_nav": "Standar Pelayanan", "sp_title": "Standar Pelayanan",
    "sp_intro": "Standar pelayanan setiap unit (PermenPAN-RB Nomor 15 Tahun 2014): persyaratan, prosedur, jangka "
                "waktu, biaya, produk dan penanganan pengaduan.",
    "sp_empty": "Unit ini belum menerbitkan standar pelayanan.", "sp_limits": "Batas waktu penanganan",
    "sp_requirements": "Persyaratan", "sp_procedure": "Sistem, Mekanisme dan Prosedur",
    "sp_time_limit": "Jangka Waktu Pelayanan", "sp_cost": "Biaya/Tarif", "sp_product": "Produk Pelayanan",
    "sp_complaints": "Penanganan Pengaduan, Saran dan Masukan", "sp_name": "Nama layanan",
    "sp_service_n": "Layanan {n}", "sp_new_service": "Layanan baru (kosongkan bila tidak menambah)",
    "sp_delete": "Hapus layanan ini", "sp_amount": "Jumlah", "sp_unit": "Satuan",
    "sp_working_days": "hari kerja", "sp_working_hours": "jam kerja", "sp_save": "Simpan dan Terbitkan",
    "sp_saved": "Standar pelayanan disimpan dan diterbitkan.", "sp_admin_title": "Kelola Standar Pelayanan",
    "sp_save_failed": "Standar pelayanan belum tersimpan, periksa isian yang ditandai.",
    "sp_public_link": "Lihat halaman publik", "sp_pick_org": "Organisasi", "sp_updated": "Diperbarui {when}",
    "sp_complain": "Ajukan pengaduan tentang layanan unit ini",
    "sp_limit_enrollment_verification": "Verifikasi pendaftaran pelatihan",
    "sp_limit_consultation_first_answer": "Jawaban pertama konsultasi pasca pelatihan",
    "sp_limit_complaint_verification": "Verifikasi pengaduan",
    "sp_limit_complaint_follow_up": "Jawaban dan tindak lanjut pengaduan",
}
