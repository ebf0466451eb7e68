"""Demo Standar Pelayanan, in the words of the East Java UPT Pelatihan KUKM's standard
(Keputusan Kepala Dinas Koperasi dan UKM Provinsi Jawa Timur No. 000.8.3.3/38/115.1/2024)."""
from __future__ import annotations

COMPLAINTS = ("Kanal Pengaduan Keluhan website (menu Pengaduan)\n"
              "SP4N-LAPOR! (https://www.lapor.go.id)")


def demo_services(app_name: str) -> list[dict[str, str]]:
    """Pelatihan, Bimbingan dan Konsultasi and the operation of the organisation's application."""
    return [
        dict(name="Penyelenggaraan Pelatihan", requirements="Identitas Diri",
             procedure="Menentukan Tim Pelaksana Pelatihan\nMengundang Pemateri dan Peserta\n"
                       "Menyiapkan sarana prasarana pelatihan\nPelaksanaan Pelatihan\nPembagian Sertifikat\n"
                       "Membuat laporan dan Feedback Layanan",
             time_limit="3 Hari", cost="Tidak Ada Biaya", product="Pelatihan KUKM", complaints=COMPLAINTS),
        dict(name="Bimbingan dan Konsultasi", requirements="Surat Permohonan\nIdentitas Diri",
             procedure="Permohonan bimbingan dan konsultasi\nPelaksanaan bimbingan dan konsultasi\n"
                       "Koordinasi dengan pihak terkait",
             time_limit="3 jam", cost="Tidak Ada Biaya", product="Fasilitasi Konsultasi dan Bimbingan",
             complaints=COMPLAINTS),
        dict(name=f"Pengoperasian Aplikasi {app_name}", requirements="Surat Permohonan\nIdentitas Diri",
             procedure=f"Akses Aplikasi {app_name}\nPendaftaran Akun\nMasuk ke kelas pelatihan yang diinginkan\n"
                       "Mengisi Evaluasi\nUnduh Sertifikat",
             time_limit="1 - 3 jam", cost="Tidak Ada Biaya", product=f"Penggunaan Aplikasi {app_name}",
             complaints=COMPLAINTS),
    ]


DEMO_APPS = {"balatkop-jateng": "Si Pentol", "upt-kukm-jatim": "Si-Jawara+"}
