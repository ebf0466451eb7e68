"""Buildings and rooms of a dormitory: the rules their forms must satisfy (Bahasa Indonesia messages)."""
from __future__ import annotations

import re
import string
from datetime import date

from .errors import InvalidInput

CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,15}$")
FACILITIES = {"ac": "AC", "kipas": "Kipas angin", "kamar_mandi_dalam": "Kamar mandi dalam",
              "air_panas": "Air panas", "meja_belajar": "Meja belajar", "lemari": "Lemari", "tv": "TV"}
SEXES = {"L": "Laki-laki", "P": "Perempuan"}
MAX_BEDS = 12


def bed_labels(count: int) -> list[str]:
    """Bed labels within a room: A, B, C, ..."""
    return list(string.ascii_uppercase[:count])


def clean_building(data: dict) -> dict:
    name = " ".join(str(data.get("name") or "").split())
    if not 2 <= len(name) <= 80:
        raise InvalidInput({"name": "Nama wisma/gedung wajib diisi (2–80 karakter)"})
    notes = " ".join(str(data.get("notes") or "").split())[:300]
    return dict(name=name, notes=notes)


def clean_room(data: dict) -> dict:
    """A room's fields, validated; raises InvalidInput with one message per wrong field."""
    errors: dict[str, str] = {}
    code = str(data.get("code") or "").strip().upper()
    if not CODE.match(code):
        errors["code"] = "Kode kamar 1–16 huruf/angka, boleh titik atau tanda hubung (mis. K01, M-204)"
    floor = data.get("floor")
    if not isinstance(floor, int) or not 0 <= floor <= 20:
        errors["floor"] = "Lantai berupa angka 0–20"
    beds = data.get("beds")
    if not isinstance(beds, int) or not 1 <= beds <= MAX_BEDS:
        errors["beds"] = f"Jumlah tempat tidur 1–{MAX_BEDS}"
    sex = data.get("sex")
    if sex not in SEXES:
        errors["sex"] = "Pilih kamar untuk laki-laki atau perempuan"
    facilities = data.get("facilities") or []
    if not isinstance(facilities, list) or any(f not in FACILITIES for f in facilities):
        errors["facilities"] = "Fasilitas tidak dikenal"
    if errors:
        raise InvalidInput(errors)
    return dict(code=code, floor=floor, beds=beds, sex=sex, accessible=bool(data.get("accessible")),
                facilities=sorted(set(facilities)), notes=" ".join(str(data.get("notes") or "").split())[:300])


def check_closure(closed_from: date, closed_until: date) -> None:
    if closed_until < closed_from:
        raise InvalidInput({"closed_until": "Tanggal selesai perbaikan tidak boleh sebelum tanggal mulai"})
    if (closed_until - closed_from).days > 366:
        raise InvalidInput({"closed_until": "Penutupan kamar paling lama satu tahun"})
