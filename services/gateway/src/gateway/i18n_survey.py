"""Text of the survey pages (Si Pentol steps 21-27, the SKM SOP), merged into gateway.i18n.MESSAGES["id"].
Every key starts with "sv_" so that it never shadows another."""
from __future__ import annotations

ID: dict[str, str] = {
    # menus
    "sv_nav_skm": "SKM", "sv_nav_survey": "Survey Aplikasi Balai", "sv_nav_ikm": "Indeks Kepuasan",
    # participant: list (step 21)
    "sv_skm_title": "SKM", "sv_skm_long": "Survei Kepuasan Masyarakat",
    "sv_skm_intro": "Setelah pelatihan selesai, isilah Survei Kepuasan Masyarakat (SKM) sebagai penilaian Anda "
                    "terhadap pelayanan kami.",
    "sv_col_no": "No", "sv_col_questionnaire": "Judul Kuesioner", "sv_col_period": "Periode",
    "sv_col_action": "Aksi", "sv_fill": "Isi Survey", "sv_filled": "Sudah diisi",
    "sv_questionnaire_title": "KUESIONER SURVEI KEPUASAN MASYARAKAT {org}",
    "sv_skm_empty": "Belum ada SKM untuk Anda. Undangan muncul setelah Anda lulus pelatihan.",
    "sv_next_skm": "Isi Survei Kepuasan Masyarakat (SKM) untuk {org}",
    # form (step 22)
    "sv_form_title": "Isi SKM", "sv_required_note": "*) Data responden yang bertanda bintang wajib diisi, kecuali jika Anda mengisi sebagai "
                        "anonim.",
    "sv_questionnaire_name": "Nama Kuesioner", "sv_period": "Periode SKM", "sv_training": "Pelatihan",
    "sv_identity": "IDENTITAS RESPONDEN", "sv_anonymous": "Isi sebagai anonim (identitas tidak wajib)",
    "sv_name": "Nama Responden", "sv_email": "Email", "sv_phone": "No. Telepon", "sv_age": "Umur (tahun)",
    "sv_sex": "Jenis Kelamin", "sv_sex_L": "Laki-laki", "sv_sex_P": "Perempuan", "sv_address": "Alamat",
    "sv_education": "Pendidikan Terakhir", "sv_occupation": "Pekerjaan",
    "sv_opinion": "Pendapat Responden Tentang Kualitas Pelayanan dan Tingkat Kepentingannya",
    "sv_performance": "Kinerja/Kenyataannya", "sv_importance": "Tingkat Kepentingan",
    "sv_example": "Contoh", "sv_question_n": "Pertanyaan {n}",
    "sv_suggestion": "Masukan / Saran untuk perbaikan pelayanan (jika terdapat jawaban yang kurang, isikan "
                     "saran/masukan)",
    "sv_send": "Kirim", "sv_cancel": "Batal", "sv_sent": "Terima kasih, SKM Anda sudah terkirim.",
    "sv_send_failed": "SKM belum terkirim. Periksa isian yang ditandai.",
    "sv_answer_all": "Jawab kinerja dan tingkat kepentingan setiap pertanyaan",
    # public link (QR)
    "sv_public_intro": "Terima kasih telah menggunakan layanan kami. Isilah survei ini untuk membantu kami "
                       "memperbaiki pelayanan. Identitas boleh dikosongkan jika Anda mengisi sebagai anonim.",
    "sv_public_thanks_title": "Terima kasih", "sv_public_thanks": "Jawaban Anda sudah kami terima.",
    "sv_honeypot": "Jangan diisi",
    # app survey (steps 24-27)
    "sv_app_title": "Survey Aplikasi Balai",
    "sv_app_intro": "Survei tentang aplikasi Balai yang Anda gunakan selama rangkaian pelatihan. Isi angka 1 "
                    "untuk penilaian terendah dan 10 untuk penilaian tertinggi.",
    "sv_app_identity": "Data Diri", "sv_app_anonymous": "Masuk sebagai anonim",
    "sv_app_name": "Nama", "sv_app_email": "Email", "sv_app_phone": "Nomor HP",
    "sv_app_send": "Kirim Tanggapan", "sv_app_sent": "Terima kasih, tanggapan Anda sudah terkirim.",
    "sv_app_done": "Anda sudah mengisi Survey Aplikasi Balai. Terima kasih.",
    "sv_yes": "Ya", "sv_no": "Tidak", "sv_scale_low": "1 = terendah", "sv_scale_high": "10 = tertinggi",
    # public IKM
    "sv_ikm_title": "Indeks Kepuasan Masyarakat",
    "sv_ikm_intro": "Hasil Survei Kepuasan Masyarakat setiap balai/UPT, dihitung sesuai PermenPAN-RB Nomor 14 "
                    "Tahun 2017 dan diumumkan kepada masyarakat.",
    "sv_col_org": "Balai/UPT", "sv_col_respondents": "Responden", "sv_col_ikm": "Nilai IKM",
    "sv_col_grade": "Mutu Pelayanan", "sv_ikm_none": "Belum ada hasil",
    # admin
    "sv_admin_title": "SKM — Survei Kepuasan Masyarakat", "sv_admin_periods": "Periode SKM",
    "sv_admin_intro": "Rekap, analisis dan laporan SKM dihitung otomatis dari semua jawaban (online, tautan/QR, "
                      "kertas).",
    "sv_col_responses": "Jumlah Responden", "sv_col_signed": "Laporan Bertanda Tangan", "sv_open": "Buka Rekap",
    "sv_signed_yes": "Sudah diarsipkan", "sv_signed_no": "Belum", "sv_pick_org": "Organisasi",
    "sv_show": "Tampilkan", "sv_service": "Layanan (pelatihan)", "sv_all_services": "Semua layanan", "sv_recap_title": "Rekap SKM {period}",
    "sv_ikm_value": "Nilai IKM", "sv_ikm_converted": "IKM konversi", "sv_grade": "Mutu pelayanan",
    "sv_respondents": "Jumlah responden", "sv_legacy": "Pembanding: bobot dibulatkan 0,111 (tidak dipakai)",
    "sv_no_answers": "Belum ada jawaban pada periode ini.",
    "sv_col_unsur": "Unsur Pelayanan", "sv_col_total": "Jumlah Nilai", "sv_col_nrr": "NRR",
    "sv_col_weighted": "NRR Tertimbang", "sv_col_converted": "Konversi", "sv_col_quality": "Mutu",
    "sv_table_unsur": "Nilai per unsur (urutan PermenPAN-RB 14/2017); bobot setiap unsur 1/9",
    "sv_weakest": "Unsur terlemah lebih dulu", "sv_sample": "Kecukupan sampel",
    "sv_population": "Populasi penerima layanan periode ini", "sv_min_sample": "Sampel minimal (Krejcie–Morgan)",
    "sv_sample_ok": "Sampel cukup", "sv_sample_short": "Sampel belum cukup",
    "sv_sample_unknown": "Isi populasi untuk menghitung sampel minimal", "sv_save": "Simpan",
    "sv_ipa": "Analisis kepentingan–kinerja (diagram Kartesius)",
    "sv_ipa_desc": "Sumbu berpotongan pada rata-rata kinerja {x} dan rata-rata kepentingan {y}.",
    "sv_col_perf": "Kinerja (X̄)", "sv_col_imp": "Kepentingan (Ȳ)", "sv_col_tk": "Kesesuaian Tk",
    "sv_col_quadrant": "Kuadran",
    "sv_profile": "Profil responden", "sv_channels": "Jumlah jawaban per kanal",
    "sv_ch_online": "Online (peserta)", "sv_ch_link": "Tautan/QR", "sv_ch_paper": "Kertas",
    "sv_dem_sex": "Jenis Kelamin", "sv_dem_age": "Umur", "sv_dem_education": "Pendidikan",
    "sv_dem_occupation": "Pekerjaan", "sv_col_label": "Kategori", "sv_col_count": "Jumlah",
    "sv_suggestions": "Masukan dan saran ({n})", "sv_trend": "Tren IKM antarperiode",
    "sv_col_change": "Perubahan",
    "sv_files": "Berkas dan unduhan", "sv_report": "Unduh Laporan SKM (PDF)", "sv_qr": "Lembar QR (PDF)",
    "sv_paper_form": "Formulir kertas (PDF)", "sv_template": "Templat impor (XLSX)",
    "sv_export_csv": "Jawaban (CSV)", "sv_export_xlsx": "Jawaban (XLSX)", "sv_public_link": "Tautan publik",
    "sv_paper": "Formulir kertas", "sv_paper_entry": "Entri satu formulir kertas",
    "sv_paper_saved": "Formulir kertas tersimpan.",
    "sv_import": "Impor formulir kertas dari spreadsheet", "sv_import_file": "Berkas XLSX atau CSV dari templat",
    "sv_import_send": "Impor", "sv_imported_ok": "Formulir kertas dari spreadsheet berhasil diimpor.", "sv_imported": "{n} formulir kertas berhasil diimpor.",
    "sv_import_failed": "Berkas ditolak, tidak ada jawaban yang disimpan:",
    "sv_follow_up": "Rencana Tindak Lanjut", "sv_fu_no": "No", "sv_fu_unsur": "Prioritas Unsur",
    "sv_fu_program": "Program/Kegiatan", "sv_fu_time": "Waktu", "sv_fu_responsible": "Penanggung Jawab",
    "sv_fu_saved": "Rencana tindak lanjut tersimpan.", "sv_fu_row": "Baris {n}",
    "sv_archive": "Arsip laporan bertanda tangan", "sv_archive_file": "Hasil pindai laporan (PDF, maks. 3 MB)",
    "sv_archive_send": "Unggah", "sv_archived": "Laporan bertanda tangan tersimpan di arsip periode ini.",
    "sv_archive_download": "Unduh arsip", "sv_population_saved": "Populasi tersimpan.",
    "sv_settings": "Pengaturan laporan", "sv_set_name": "Nama balai/UPT", "sv_set_parent": "Instansi induk",
    "sv_set_place": "Tempat penandatanganan", "sv_set_months": "Lama periode SKM (bulan)",
    "sv_set_position": "Jabatan penandatangan", "sv_set_signatory": "Nama penandatangan",
    "sv_set_nip": "NIP penandatangan", "sv_settings_saved": "Pengaturan tersimpan.",
    "sv_back": "Kembali ke daftar periode",
    "sv_content_title": "Ubah Kuesioner", "sv_content_link": "Ubah teks kuesioner periode ini",
    "sv_content_intro": "Ubah teks pertanyaan, contoh dan pilihan jawaban (nilai 1 sampai 4). Sembilan unsur "
                        "PermenPAN-RB 14/2017 dan urutannya tetap.",
    "sv_content_text": "Teks pertanyaan", "sv_content_answer": "Jawaban bernilai {v}",
    "sv_content_saved": "Kuesioner periode ini tersimpan.",
}
