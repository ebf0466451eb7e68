"""Indonesian dates, roman months, certificate numbers and score predicates.

`format_number` fills a numbering format an admin typed (e.g. `{seq:03d}/BALATKOP-UKM/{roman_month}/{year}`).
Such a string must never reach Python's format machinery unchecked (`{0.__class__}` and friends):
`validate_number_format` parses it with `string.Formatter().parse`, allows only the known names with
a plain integer format spec and no conversion, and raises `InvalidInput` otherwise."""
from __future__ import annotations

import re
import string
from datetime import date

from balai_platform.errors import InvalidInput

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni",
          "Juli", "Agustus", "September", "Oktober", "November", "Desember")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
PLACEHOLDERS = frozenset({"seq", "roman_month", "month", "year", "org_code"})
# Zero-padded or plain width ("03d", "d", "4"), the only spec an admin needs; nothing else reaches format().
_SPEC = re.compile(r"0?[1-9]?d?")
MAX_FORMAT_LENGTH = 120
FIELD = "number_format"


def date_id(d: date) -> str:
    """`5 Juni 2024`."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def date_range_id(start: date, end: date) -> str:
    """`24 s.d. 28 Juni 2024`, `30 Mei s.d. 2 Juni 2024`, `30 Desember 2024 s.d. 2 Januari 2025`."""
    if end < start:
        start, end = end, start
    if start == end:
        return date_id(start)
    if start.year != end.year:
        return f"{date_id(start)} s.d. {date_id(end)}"
    if start.month != end.month:
        return f"{start.day} {MONTHS[start.month - 1]} s.d. {date_id(end)}"
    return f"{start.day} s.d. {date_id(end)}"


def roman_month(m: int) -> str:
    if not 1 <= m <= 12:
        raise ValueError(f"month out of range: {m}")
    return ROMAN[m - 1]


def _bad(message: str) -> InvalidInput:
    return InvalidInput({FIELD: message})


def validate_number_format(fmt: str) -> str:
    """Return `fmt` when it is a safe numbering format, else raise `InvalidInput` (Bahasa Indonesia)."""
    if not fmt or not fmt.strip():
        raise _bad("Format nomor wajib diisi")
    if len(fmt) > MAX_FORMAT_LENGTH:
        raise _bad(f"Format nomor terlalu panjang (maksimal {MAX_FORMAT_LENGTH} karakter)")
    try:
        parts = list(string.Formatter().parse(fmt))
    except ValueError:
        raise _bad("Format nomor tidak valid: periksa pasangan kurung kurawal { }") from None
    names = set()
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            allowed = ", ".join("{" + p + "}" for p in sorted(PLACEHOLDERS))
            raise _bad(f"Format nomor hanya boleh memakai {allowed}")
        if conversion is not None:
            raise _bad("Format nomor tidak boleh memakai konversi seperti !r atau !s")
        if spec and (name not in {"seq", "month", "year"} or not _SPEC.fullmatch(spec)):
            raise _bad("Format nomor hanya mengenal lebar angka seperti {seq:03d}")
        names.add(name)
    if "seq" not in names:
        raise _bad("Format nomor wajib memuat {seq} (nomor urut)")
    return fmt


def format_number(fmt: str, *, seq: int, issued_on: date, org_code: str) -> str:
    """`{seq:03d}/BALATKOP-UKM/{roman_month}/{year}` → `007/BALATKOP-UKM/VI/2024`."""
    validate_number_format(fmt)
    return fmt.format(seq=seq, roman_month=roman_month(issued_on.month), month=issued_on.month,
                      year=issued_on.year, org_code=org_code)


def predicate_for(score: int | None) -> str | None:
    """The predicate printed next to a score (None when the training has no score)."""
    if score is None:
        return None
    if score >= 91:
        return "Sangat Memuaskan"
    if score >= 81:
        return "Memuaskan"
    if score >= 71:
        return "Baik"
    return "Cukup"
