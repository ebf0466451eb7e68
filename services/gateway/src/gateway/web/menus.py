"""Sidebar menus (Si Pentol entries); features whose service is not built yet are 'Segera hadir'."""
from __future__ import annotations

from gateway.i18n import t

PARTICIPANT_SOON = {
    "riwayat": "nav_history", "jadwal": "nav_schedule", "testimoni": "nav_testimony",
    "check-in": "nav_checkin", "e-sertifikat": "nav_certificate", "skm": "nav_skm",
    "survey": "sv_nav_survey",
}
ADMIN_SOON = {
    "jadwal": "nav_schedule", "verifikasi": "nav_verification", "asrama": "nav_lodging",
    "sertifikat": "nav_certificates", "skm": "nav_skm",
}
# entries already built (training pages): their real address instead of "Segera hadir"
PARTICIPANT_LIVE = {"riwayat": "/riwayat", "jadwal": "/jadwal", "testimoni": "/testimoni", "check-in": "/check-in",
                    "e-sertifikat": "/e-sertifikat", "skm": "/skm", "survey": "/survey"}
ADMIN_LIVE = {"jadwal": "/admin/pelatihan", "verifikasi": "/admin/verifikasi", "asrama": "/admin/asrama",
              "sertifikat": "/admin/sertifikat", "skm": "/admin/skm"}


def participant_menu() -> list[tuple[str, str, str]]:
    items = [("dashboard", "/dashboard", t("nav_dashboard"))]
    items += [(slug, PARTICIPANT_LIVE.get(slug, f"/segera-hadir/{slug}"), t(key))
              for slug, key in PARTICIPANT_SOON.items()]
    items.insert(1, ("profil", "/profil", t("nav_profile")))
    items.insert(2, ("ukm", "/ukm", t("nav_ukm")))
    items.insert(4, ("konsultasi", "/konsultasi", t("ks_nav")))  # after Riwayat Pelatihan
    items.append(("narasumber", "/narasumber", t("ns_nav")))  # registration, letters, link to Jadwal Mengajar
    items.append(("pengaduan", "/pengaduan-saya", t("adu_mine")))
    return items


# the admin menu's own names: each says what the page does, none repeats a public link's name
ADMIN_NAMES = {"jadwal": "db_nav_schedule", "verifikasi": "db_nav_verification", "asrama": "db_nav_lodging",
               "sertifikat": "db_nav_certificates", "skm": "db_nav_skm"}


def admin_menu() -> list[tuple[str, str, str]]:
    items = [("dashboard", "/admin", t("nav_dashboard")),
             ("peserta", "/admin/peserta", t("db_nav_participants")),
             ("ukm", "/admin/ukm", t("db_nav_ukm")), ("galeri", "/admin/galeri", t("db_nav_gallery"))]
    items += [(slug, ADMIN_LIVE.get(slug, f"/admin/segera-hadir/{slug}"), t(ADMIN_NAMES.get(slug, key)))
              for slug, key in ADMIN_SOON.items()]
    items.insert(len(items) - 3, ("testimoni", "/admin/testimoni", t("db_nav_testimony")))
    items.insert(len(items) - 3, ("konsultasi", "/admin/konsultasi", t("ks_nav_admin")))
    items.append(("narasumber", "/admin/narasumber", t("ns_nav_admin")))
    items += [("pengaduan", "/admin/pengaduan", t("adu_admin_title")),
              ("standar", "/admin/standar-pelayanan", t("sp_admin_title"))]
    return items
