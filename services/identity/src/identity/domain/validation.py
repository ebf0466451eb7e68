"""Validation and normalisation of the participant registration form (three steps), plus display helpers.

Pure domain code: no web framework, no database. Field rules live in ``fields.py``; this module owns the messages
(Bahasa Indonesia, keyed by code so another locale can be added), the step layout and the cross-field rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from balai_platform.regions import region_names

from .fields import (
    CLEANERS,
    MARITAL_STATUSES,
    OPTIONAL_FIELDS,
    Context,
    FieldError,
    nik_birth_mismatch,
)

__all__ = [
    "ALL_FIELDS",
    "MARITAL_STATUSES",
    "MESSAGES",
    "STEP_FIELDS",
    "display_phone",
    "mask_nik",
    "mask_phone",
    "message",
    "region_names",
    "sex_from_nik",
    "validate_fields",
    "validate_registration",
]

STEP_FIELDS: dict[str, tuple[str, ...]] = {
    "data_diri": ("full_name", "nik", "kk", "phone", "birth_place", "birth_date"),
    "data_alamat": ("regency_code", "district_code", "village_code", "address", "marital_status", "npwp"),
    "akun": ("username", "password", "password_confirm"),
}
#: Every field, in the order they are checked (a region after its parent, username before password).
ALL_FIELDS: tuple[str, ...] = tuple(f for fields in STEP_FIELDS.values() for f in fields)

MESSAGES: dict[str, str] = {
    "required": "Wajib diisi",
    "invalid_type": "Format isian tidak valid",
    "full_name_invalid": "Nama Lengkap hanya boleh berisi huruf, spasi, dan tanda . , ' -",
    "full_name_too_short": "Nama Lengkap minimal {min} karakter",
    "full_name_too_long": "Nama Lengkap maksimal {max} karakter",
    "nik_invalid": "NIK harus 16 digit angka",
    "nik_region_unknown": "Kode wilayah pada NIK tidak dikenal",
    "nik_birth_date_invalid": "Tanggal lahir pada NIK tidak valid, periksa kembali NIK Anda",
    "nik_serial_invalid": "Nomor urut pada NIK tidak valid, periksa kembali NIK Anda",
    "nik_birth_date_mismatch": "Tanggal lahir pada NIK ({nik_date}) tidak sesuai dengan Tanggal Lahir yang diisi",
    "kk_invalid": "No. KK harus 16 digit angka",
    "phone_invalid": "No. HP tidak valid, contoh: 0812 3456 7890",
    "phone_landline": "Gunakan No. HP, bukan telepon rumah, contoh: 0812 3456 7890",
    "birth_place_invalid": "Tempat Lahir hanya boleh berisi huruf, spasi, dan tanda . , ' - ( ) /",
    "birth_place_too_short": "Tempat Lahir minimal {min} karakter",
    "birth_place_too_long": "Tempat Lahir maksimal {max} karakter",
    "birth_date_invalid": "Tanggal Lahir tidak valid, contoh: 31-12-1990",
    "birth_date_future": "Tanggal Lahir tidak boleh melewati hari ini",
    "age_too_young": "Usia minimal {min} tahun",
    "age_too_old": "Usia maksimal {max} tahun, periksa kembali Tanggal Lahir",
    "regency_unknown": "Kabupaten/Kota tidak dikenal, pilih dari daftar",
    "district_unknown": "Kecamatan tidak dikenal, pilih dari daftar",
    "district_mismatch": "Kecamatan tidak berada di Kabupaten/Kota yang dipilih",
    "village_unknown": "Kelurahan/Desa tidak dikenal, pilih dari daftar",
    "village_mismatch": "Kelurahan/Desa tidak berada di Kecamatan yang dipilih",
    "address_too_short": "Alamat minimal {min} karakter",
    "address_too_long": "Alamat maksimal {max} karakter",
    "marital_status_invalid": "Pilih Status Perkawinan dari daftar",
    "npwp_invalid": "NPWP harus 15 atau 16 digit",
    "npwp_zero": "NPWP tidak valid, kosongkan jika tidak punya NPWP",
    "npwp_nik_invalid": "NPWP 16 digit tidak valid, periksa kembali",
    "username_too_short": "Username minimal {min} karakter",
    "username_too_long": "Username maksimal {max} karakter",
    "username_chars": "Username hanya boleh berisi huruf kecil, angka, titik, dan garis bawah",
    "username_start": "Username harus diawali huruf",
    "password_too_short": "Password minimal {min} karakter",
    "password_too_long": "Password maksimal {max} karakter",
    "password_same_as_username": "Password tidak boleh sama dengan Username",
    "password_common": "Password terlalu umum, pilih yang lebih sulit ditebak",
    "password_mismatch": "Konfirmasi password tidak sama",
}


def message(code: str, **params: object) -> str:
    """The user-facing text of a message code."""
    return MESSAGES[code].format(**params)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def validate_fields(
    data: Mapping[str, object],
    fields: Iterable[str],
    *,
    today: date | None = None,
) -> tuple[dict[str, object], dict[str, str]]:
    """Validate and normalise ``fields`` of ``data``; return ``(clean, errors)``, both keyed by field name.

    A field is in exactly one of the two dicts. Unknown field names are a programming error (``ValueError``).
    """
    wanted = set(fields)
    unknown = wanted - set(ALL_FIELDS)
    if unknown:
        raise ValueError(f"unknown registration fields: {sorted(unknown)}")
    if not isinstance(data, Mapping):
        data = {}
    today = today or date.today()
    clean: dict[str, object] = {}
    errors: dict[str, str] = {}
    ctx = Context(data=data, clean=clean, today=today)

    for name in ALL_FIELDS:
        if name not in wanted:
            continue
        value = data.get(name)
        if _is_blank(value):
            if name in OPTIONAL_FIELDS:
                clean[name] = None
            else:
                errors[name] = MESSAGES["required"]
            continue
        try:
            clean[name] = CLEANERS[name](value, ctx)
        except FieldError as exc:
            errors[name] = message(exc.code, **exc.params)

    nik, birth = clean.get("nik"), clean.get("birth_date")
    if isinstance(nik, str) and isinstance(birth, date):
        nik_date = nik_birth_mismatch(nik, birth, today)
        if nik_date is not None:
            del clean["nik"]
            errors["nik"] = message("nik_birth_date_mismatch", nik_date=nik_date)
    return clean, errors


def validate_registration(
    data: Mapping[str, object],
    *,
    today: date | None = None,
) -> tuple[dict[str, object], dict[str, str]]:
    """All fields of the three steps."""
    return validate_fields(data, ALL_FIELDS, today=today)


def sex_from_nik(nik: str) -> str:
    """'P' (perempuan) when the NIK's day of birth has the +40 offset, else 'L'."""
    digits = "".join(ch for ch in str(nik) if ch.isdigit())
    if len(digits) != 16:
        raise ValueError("NIK harus 16 digit angka")
    return "P" if int(digits[6:8]) > 40 else "L"


def mask_nik(value: str) -> str:
    """'3374014101900001' -> '3374********0001'."""
    text = str(value)
    if len(text) <= 8:
        return "*" * len(text)
    return text[:4] + "*" * (len(text) - 8) + text[-4:]


def _national(wa: str) -> str:
    digits = "".join(ch for ch in str(wa) if ch.isdigit())
    return "0" + digits[2:] if digits.startswith("62") else digits


def mask_phone(wa: str) -> str:
    """'6281234567890' -> '0812****7890'."""
    national = _national(wa)
    if len(national) <= 8:
        return "*" * len(national)
    return national[:4] + "*" * (len(national) - 8) + national[-4:]


def display_phone(wa: str) -> str:
    """'6281234567890' -> '0812-3456-7890'."""
    national = _national(wa)
    return "-".join(part for part in (national[:4], national[4:8], national[8:]) if part)


