"""Text of the event documentation page (/dokumentasi/events), merged into gateway.i18n.MESSAGES["id"].
Every key starts with "evd_" so that it never shadows another."""
from __future__ import annotations

ID: dict[str, str] = {
    "evd_title": "Dokumentasi Event",
    "evd_footer_link": "Dokumentasi event (untuk pengembang)",
    "evd_meta": ("Dokumentasi event Balai untuk pengembang dan mitra (misalnya E-Dukasi): topik Kafka, "
                 "kunci, isi data dan contoh setiap event."),
    "evd_intro": ("Setiap layanan Balai menerbitkan event ke Apache Kafka melalui transactional outbox. "
                  "Pengiriman bersifat at-least-once: pelanggan wajib mengabaikan event dengan id yang sudah "
                  "diproses. Halaman ini dibuat dari kontrak event, sumber yang sama dengan dokumen AsyncAPI "
                  "(docs/asyncapi)."),
    "evd_toc": "Daftar isi",
    "evd_envelope": "Amplop event (envelope)",
    "evd_envelope_intro": ("Setiap pesan adalah amplop JSON yang sama; isi khusus setiap event ada di kolom "
                           "data. Kunci pesan Kafka sama dengan subject."),
    "evd_service_intro": "Event yang diterbitkan layanan {name}.",
    "evd_topic": "Topik", "evd_key": "Kunci pesan", "evd_version": "Versi",
    "evd_description": "Keterangan",
    "evd_payload": "Isi data (payload)", "evd_example": "Contoh pesan",
    "evd_col_field": "Kolom", "evd_col_type": "Tipe", "evd_col_required": "Wajib",
    "evd_col_description": "Keterangan", "evd_yes": "Ya", "evd_no": "Tidak",
    "evd_payload_of": "Isi data {event}", "evd_example_of": "Contoh pesan {event}",
    "evd_back_to_top": "Kembali ke daftar isi",
}
