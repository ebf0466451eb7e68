"""Realistic ReportData for the report tests and the bench (no I/O)."""
from __future__ import annotations

from datetime import date

from survey.domain.ikm import Totals, recap, trend
from survey.domain.report import FollowUp, ReportData, Signatory

# 312 questionnaires; Σ performance and Σ importance per unsur
TOTALS = Totals(312, (1021, 998, 921, 1190, 1012, 1060, 1102, 870, 955),
                (1150, 1120, 1131, 1010, 1100, 1122, 1140, 1090, 1105))


def sample_report(totals: Totals = TOTALS, suggestions: int = 25) -> ReportData:
    current = recap(totals)
    older = [("Semester I Th. 2023 (01-01-2023 s.d. 30-06-2023)",
              recap(Totals(280, (900,) * 9, (1000,) * 9))),
             ("Semester II Th. 2023 (01-07-2023 s.d. 31-12-2023)",
              recap(Totals(301, (950,) * 9, (1050,) * 9)))]
    name = "Semester I Th. 2024 (01-01-2024 s.d. 30-06-2024)"
    return ReportData(
        org_name="UPT Balai Pelatihan Koperasi dan UKM",
        org_parent="Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Jawa Tengah",
        period_name=name, period_start=date(2024, 1, 1), period_end=date(2024, 6, 30),
        population=1450, recap=current,
        signatory=Signatory("Kepala UPT Balai Pelatihan Koperasi dan UKM",
                            "Dr. Siti Rahmawati, S.E., M.M.", "197503122000032004"),
        place="Semarang", report_date=date(2024, 7, 8),
        demographics={
            "sex": [("Laki-laki", 141), ("Perempuan", 171)],
            "age": [("≤ 20 tahun", 12), ("21–30 tahun", 88), ("31–40 tahun", 104),
                    ("41–50 tahun", 70), ("> 50 tahun", 38)],
            "education": [("SD ke bawah", 9), ("SMP", 31), ("SMA/SMK", 142), ("Diploma", 40),
                          ("S1", 80), ("S2", 10), ("S3", 0)],
            "occupation": [("Wirausaha/Pelaku UMKM", 201), ("Pengurus Koperasi", 62),
                           ("Pegawai Swasta", 21), ("PNS/ASN", 8), ("Pelajar/Mahasiswa", 12),
                           ("Lainnya", 8)],
        },
        channels={"online": 240, "link": 51, "paper": 21},
        suggestions=[f"Saran nomor {i}: wifi asrama <diperkuat> & jadwal dikirim lebih awal."
                     for i in range(1, suggestions + 1)],
        trend=trend([*older, (name, current)]),
        follow_up=[FollowUp(1, "Penanganan Pengaduan, Saran dan Masukan",
                            "Membuka kanal pengaduan daring dan menetapkan petugas piket",
                            "Juli–September 2024", "Kasubbag TU"),
                   FollowUp(2, "Waktu Penyelesaian", "Menerbitkan jadwal pelatihan sebulan sebelumnya",
                            "Juli 2024", "Seksi Pelatihan")],
    )
