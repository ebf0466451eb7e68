"""One cleaner per form field: normalise a raw value or raise `FieldError` with a message code.

Cleaners never see a blank value (``validation`` answers those) and never format messages."""
from __future__ import annotations

import re
from collections.abc import Callable

from lokal.phone import parse_phone

from balai_platform.fields import Context, FieldError  # shared; still importable from here
from balai_platform.regions import LEVELS, PARENTS, RegionError, normalise_region

from . import reference as ref
from .money import MoneyError, parse_rupiah

_SPACES = re.compile(r"\s+")
_DOC_NUMBER = re.compile(r"[A-Za-z0-9 ./\-]+")
_COUNT = re.compile(r"\d{1,3}(?:\.\d{3})+|\d+")


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise FieldError("invalid_type")
    return _SPACES.sub(" ", value).strip()


def text(min_len: int, max_len: int) -> Callable[[object, Context], str]:
    def clean(value: object, ctx: Context) -> str:
        t = _text(value)
        if len(t) < min_len:
            raise FieldError("too_short", min=min_len)
        if len(t) > max_len:
            raise FieldError("too_long", max=max_len)
        return t
    return clean


def choice(options: dict[str, str]) -> Callable[[object, Context], str]:
    def clean(value: object, ctx: Context) -> str:
        key = ref.choice_key(options, value) if isinstance(value, str) else None
        if key is None:
            raise FieldError("choice_invalid")
        return key
    return clean


def clean_rupiah(value: object, ctx: Context) -> int:
    try:
        return parse_rupiah(value)
    except MoneyError as exc:
        raise FieldError("rupiah_too_large" if str(exc) == "range" else "rupiah_invalid") from None


def count(max_value: int) -> Callable[[object, Context], int]:
    def clean(value: object, ctx: Context) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            n = value
        elif isinstance(value, str) and _COUNT.fullmatch(value.strip()):
            n = int(value.strip().replace(".", ""))
        else:
            raise FieldError("count_invalid")
        if n < 0:
            raise FieldError("count_invalid")
        if n > max_value:
            raise FieldError("count_too_large", max=f"{max_value:,}".replace(",", "."))
        return n
    return clean


def clean_year(value: object, ctx: Context) -> int:
    text_value = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if not re.fullmatch(r"\d{4}", text_value):
        raise FieldError("year_invalid", max=ctx.today.year)
    year = int(text_value)
    if not 1900 <= year <= ctx.today.year:
        raise FieldError("year_invalid", max=ctx.today.year)
    return year


def clean_phone(value: object, ctx: Context) -> str:
    """E.164 digits without '+', e.g. 6281234567890 (mobile) or 62248311234 (landline)."""
    if not isinstance(value, str):
        raise FieldError("phone_invalid")
    info = parse_phone(value)
    if not info.valid or not info.e164 or info.e164.startswith("+6280"):
        raise FieldError("phone_invalid")
    return info.e164.lstrip("+")


def doc_number(value: object, ctx: Context) -> str:
    t = _text(value).upper()
    if not _DOC_NUMBER.fullmatch(t) or not any(ch.isdigit() for ch in t):
        raise FieldError("doc_number_invalid")
    if len(t) < 3:
        raise FieldError("too_short", min=3)
    if len(t) > 50:
        raise FieldError("too_long", max=50)
    return t


def clean_permit_number(value: object, ctx: Context) -> str:
    kind = ctx.clean.get("permit_kind")
    if kind == "nib":
        digits = re.sub(r"[\s.\-]", "", value) if isinstance(value, str) else ""
        if not re.fullmatch(r"\d{13}", digits):
            raise FieldError("nib_invalid")
        return digits
    return doc_number(value, ctx)


def _region(field: str) -> Callable[[object, Context], str]:
    def clean(value: object, ctx: Context) -> str:
        parent = ctx.clean.get(PARENTS[field]) if field in PARENTS else None
        try:
            return normalise_region(value, LEVELS[field], parent)  # type: ignore[arg-type]
        except RegionError as exc:
            raise FieldError(f"region_{exc.code}") from None
    return clean


clean_regency_code = _region("regency_code")
clean_district_code = _region("district_code")
clean_village_code = _region("village_code")
