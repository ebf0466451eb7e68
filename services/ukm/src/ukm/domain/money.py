"""Rupiah as exact integers, and the business size class of PP 7/2021.

Size class (Peraturan Pemerintah 7/2021, Pasal 35): two criteria, each with its own thresholds.
- modal usaha (excluding land and buildings; the form's "Aset Per Tahun"):
  mikro ≤ Rp1 M, kecil > Rp1 M – Rp5 M, menengah > Rp5 M – Rp10 M, besar above.
- hasil penjualan tahunan (the form's "Omzet Per Tahun"):
  mikro ≤ Rp2 M, kecil > Rp2 M – Rp15 M, menengah > Rp15 M – Rp50 M, besar above.
Combining rule: a business belongs to a class when it meets *either* criterion of that class
(the issue's "mikro: modal ≤ Rp1 M or omzet ≤ Rp2 M"), so the combined class is the smaller of
the two per-criterion classes. It is the reading favourable to the business: KUKM programmes
(and these trainings) target the small classes, and one under-reported figure must not lift a
business out of them. Thresholds are inclusive at the top of each class ("paling banyak").
"""
from __future__ import annotations

import re

M = 1_000_000_000  # one miliar
SIZE_ORDER = ("mikro", "kecil", "menengah", "besar")
ASSET_LIMITS = (1 * M, 5 * M, 10 * M)
TURNOVER_LIMITS = (2 * M, 15 * M, 50 * M)
MAX_RUPIAH = 10**15  # a sanity bound: Rp 1.000 triliun

_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_PLAIN = re.compile(r"\d+")
_CENTS = re.compile(r",0{1,2}$")


class MoneyError(ValueError):
    """Not an amount of whole Rupiah."""


def parse_rupiah(value: object) -> int:
    """Exact whole Rupiah from "100.000.000", "Rp 100.000.000", "Rp100.000.000,00", "100000000" or an int.

    Dots are thousands separators (Indonesian); a decimal part other than ",00" is refused
    (Rupiah has no sen in practice); negative amounts are refused.
    """
    if isinstance(value, bool):
        raise MoneyError("bool")
    if isinstance(value, int):
        if value < 0 or value > MAX_RUPIAH:
            raise MoneyError("range")
        return value
    if not isinstance(value, str):
        raise MoneyError("type")
    text = "".join(value.split())
    if text[:2].lower() == "rp":
        text = text[2:].lstrip(".")
    text = _CENTS.sub("", text)
    if _GROUPED.fullmatch(text):
        text = text.replace(".", "")
    elif not _PLAIN.fullmatch(text):
        raise MoneyError("format")
    amount = int(text)
    if amount > MAX_RUPIAH:
        raise MoneyError("range")
    return amount


def format_rupiah(amount: int | None) -> str | None:
    """100000000 -> "Rp 100.000.000"; None stays None."""
    if amount is None:
        return None
    return "Rp " + f"{amount:,}".replace(",", ".")


def _class_by(amount: int, limits: tuple[int, int, int]) -> str:
    for name, limit in zip(SIZE_ORDER, limits, strict=False):
        if amount <= limit:
            return name
    return "besar"


def size_class_by_assets(assets: int) -> str:
    return _class_by(assets, ASSET_LIMITS)


def size_class_by_turnover(turnover: int) -> str:
    return _class_by(turnover, TURNOVER_LIMITS)


def size_class(assets: int, turnover: int) -> str:
    """mikro | kecil | menengah | besar: the smaller of the two criteria's classes (see module doc)."""
    a, t = size_class_by_assets(assets), size_class_by_turnover(turnover)
    return min(a, t, key=SIZE_ORDER.index)
