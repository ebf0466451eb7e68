"""One SKM answer, checked the same way whatever the channel (online, link/QR, paper, sheet).

``validate_response(raw)`` reads a flat mapping — the form's field names:
  anonymous ("1"/"on"/True), name, email, phone, age, sex (L/P), address, education, occupation,
  p1..p9 (performance 1–4), i1..i9 (importance 1–4), suggestion
(``performance``/``importance`` lists are accepted too) and raises ``InvalidInput`` whose
``errors`` name each bad field with a sentence in Bahasa Indonesia. Identity fields are optional
for an anonymous respondent: name, email, phone and address are then dropped (never stored),
while age, sex, education and occupation — the profile, identifying nobody — are kept when
given, and checked. Pure Python.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from balai_platform.errors import InvalidInput
from survey.domain.questionnaire import UNSUR

EDUCATION = ("SD ke bawah", "SMP", "SMA/SMK", "Diploma", "S1", "S2", "S3")
OCCUPATION = ("PNS/ASN", "TNI/Polri", "Pegawai Swasta", "Wirausaha/Pelaku UMKM",
              "Pengurus Koperasi", "Pelajar/Mahasiswa", "Lainnya")
SEX = {"L": "Laki-laki", "P": "Perempuan"}
AGE_MIN, AGE_MAX = 15, 100
AGE_BANDS = (("≤ 20 tahun", 0, 20), ("21–30 tahun", 21, 30), ("31–40 tahun", 31, 40),
             ("41–50 tahun", 41, 50), ("> 50 tahun", 51, 200))
MAX_NAME, MAX_ADDRESS, MAX_SUGGESTION = 120, 300, 2000
_EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_TRUE = {"1", "true", "on", "ya", "yes"}


@dataclass(frozen=True)
class Respondent:
    name: str | None = None
    email: str | None = None
    phone: str | None = None  # normalised "08…"
    age: int | None = None
    sex: str | None = None  # "L" / "P"
    address: str | None = None
    education: str | None = None  # one of EDUCATION
    occupation: str | None = None  # one of OCCUPATION


@dataclass(frozen=True)
class ResponseInput:
    respondent: Respondent
    anonymous: bool
    performance: tuple[int, ...]  # 9 values 1..4, the regulation's order
    importance: tuple[int, ...]  # 9 values 1..4
    suggestion: str = ""


@dataclass(frozen=True)
class PaperResponse(ResponseInput):
    row: int = 0  # the sheet's row number (1 = header), 0 for a form typed in by hand


def age_band(age: int | None) -> str:
    if age is None:
        return "Tidak diisi"
    return next(label for label, low, high in AGE_BANDS if low <= age <= high)


def _text(raw: Mapping[str, object], key: str) -> str:
    value = raw.get(key)
    return "" if value is None else str(value).strip()


def normalise_phone(text: str) -> str | None:
    """Indonesian mobile/landline → "08…"/"0…" digits; None when it is not one."""
    digits = re.sub(r"[\s().-]", "", text)
    if digits.startswith("+62"):
        digits = "0" + digits[3:]
    elif digits.startswith("62"):
        digits = "0" + digits[2:]
    elif digits.startswith("8"):
        digits = "0" + digits  # a spreadsheet dropped the leading zero of 0812…
    if not re.fullmatch(r"0\d{8,12}", digits):
        return None
    return digits


def _choice(text: str, options: tuple[str, ...]) -> str | None:
    folded = text.casefold()
    return next((o for o in options if o.casefold() == folded), None)


def _identity(raw: Mapping[str, object], anonymous: bool, errors: dict[str, str]) -> Respondent:
    name, email, phone = _text(raw, "name"), _text(raw, "email"), _text(raw, "phone")
    age_text, sex_text = _text(raw, "age"), _text(raw, "sex")
    address, education, occupation = (_text(raw, "address"), _text(raw, "education"),
                                      _text(raw, "occupation"))
    if anonymous:  # an anonymous answer keeps no identifier, only the profile (age, sex, ...)
        name = email = phone = address = ""
    else:
        for key, value, message in (("name", name, "Nama responden wajib diisi"),
                                    ("age", age_text, "Umur wajib diisi"),
                                    ("sex", sex_text, "Jenis kelamin wajib dipilih"),
                                    ("education", education, "Pendidikan terakhir wajib dipilih"),
                                    ("occupation", occupation, "Pekerjaan wajib dipilih")):
            if not value:
                errors[key] = message
    if len(name) > MAX_NAME:
        errors["name"] = f"Nama paling banyak {MAX_NAME} karakter"
    if email and (len(email) > 254 or not _EMAIL.match(email)):
        errors["email"] = "Alamat email tidak valid (contoh: nama@contoh.id)"
    clean_phone = normalise_phone(phone) if phone else None
    if phone and clean_phone is None:
        errors["phone"] = "Nomor telepon tidak valid (contoh: 0812 3456 7890)"
    age = None
    if age_text:
        whole = re.fullmatch(r"(\d{1,3})(?:[.,]0+)?", age_text)  # "34", or "34.0" from a sheet
        age = int(whole.group(1)) if whole else None
        if age is None or not AGE_MIN <= age <= AGE_MAX:
            errors["age"] = f"Umur harus angka {AGE_MIN}–{AGE_MAX} tahun"
            age = None
    sex = None
    if sex_text:
        sex = next((k for k, v in SEX.items() if sex_text.casefold() in (k.casefold(),
                                                                          v.casefold())), None)
        if sex is None:
            errors["sex"] = "Jenis kelamin harus L (Laki-laki) atau P (Perempuan)"
    if len(address) > MAX_ADDRESS:
        errors["address"] = f"Alamat paling banyak {MAX_ADDRESS} karakter"
    edu = _choice(education, EDUCATION) if education else None
    if education and edu is None:
        errors["education"] = "Pendidikan terakhir harus salah satu dari: " + ", ".join(EDUCATION)
    job = _choice(occupation, OCCUPATION) if occupation else None
    if occupation and job is None:
        errors["occupation"] = "Pekerjaan harus salah satu dari: " + ", ".join(OCCUPATION)
    return Respondent(name or None, email.lower() or None, clean_phone, age, sex,
                      address or None, edu, job)


def _scale(raw: Mapping[str, object], prefix: str, side: str,
           errors: dict[str, str]) -> tuple[int, ...]:
    listed = raw.get(side)
    values: list[int] = []
    for i in range(len(UNSUR)):
        key = f"{prefix}{i + 1}"
        if isinstance(listed, list | tuple):
            item: object = listed[i] if i < len(listed) else None
        else:
            item = raw.get(key)
        text = "" if item is None or isinstance(item, bool) else str(item).strip()
        if text not in {"1", "2", "3", "4"}:
            what = "Kinerja" if prefix == "p" else "Tingkat kepentingan"
            errors[key] = (f"{what} unsur {i + 1} ({UNSUR[i]}) wajib dipilih, nilai 1–4" if not text
                           else f"{what} unsur {i + 1} harus bernilai 1, 2, 3 atau 4")
            values.append(0)
        else:
            values.append(int(text))
    return tuple(values)


def validate_response(raw: Mapping[str, object]) -> ResponseInput:
    """Checks one answer; raises InvalidInput with a message per bad field."""
    errors: dict[str, str] = {}
    flag = raw.get("anonymous")
    anonymous = flag is True or str(flag or "").strip().casefold() in _TRUE
    respondent = _identity(raw, anonymous, errors)
    performance = _scale(raw, "p", "performance", errors)
    importance = _scale(raw, "i", "importance", errors)
    suggestion = _text(raw, "suggestion")
    if len(suggestion) > MAX_SUGGESTION:
        errors["suggestion"] = f"Masukan/saran paling banyak {MAX_SUGGESTION} karakter"
    if errors:
        raise InvalidInput(errors)
    return ResponseInput(respondent, anonymous, performance, importance, suggestion)
