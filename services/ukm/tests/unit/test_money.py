"""Rupiah parsing/formatting and the PP 7/2021 size class, at every boundary."""
from __future__ import annotations

import pytest

from ukm.domain.money import (
    M,
    MoneyError,
    format_rupiah,
    parse_rupiah,
    size_class,
    size_class_by_assets,
    size_class_by_turnover,
)


@pytest.mark.parametrize("text, amount", [
    ("100.000.000", 100_000_000), ("Rp 100.000.000", 100_000_000), ("100000000", 100_000_000),
    ("Rp100.000.000", 100_000_000), ("rp. 5.000", 5_000), ("Rp 1.500.000,00", 1_500_000), ("0", 0),
    (" 12 500 ", 12_500), ("999.999.999.999.999", 999_999_999_999_999), (250_000, 250_000),
])
def test_parse_rupiah_exact(text, amount):
    assert parse_rupiah(text) == amount


def test_parse_is_exact_beyond_float_precision():
    assert parse_rupiah("900.719.925.474.099") == 900_719_925_474_099


@pytest.mark.parametrize("text", ["", "Rp", "seratus", "1,5", "100.00", "10.0000", "-5", "1.000,50", "1e9",
                                  "Rp 1.000.000.000.000.001", True, 1.5, None, [1], -1])
def test_parse_rupiah_refuses(text):
    with pytest.raises(MoneyError):
        parse_rupiah(text)


def test_format_rupiah():
    assert format_rupiah(100_000_000) == "Rp 100.000.000"
    assert format_rupiah(0) == "Rp 0"
    assert format_rupiah(999) == "Rp 999"
    assert format_rupiah(None) is None


@pytest.mark.parametrize("assets, cls", [
    (0, "mikro"), (1 * M, "mikro"), (1 * M + 1, "kecil"), (5 * M, "kecil"), (5 * M + 1, "menengah"),
    (10 * M, "menengah"), (10 * M + 1, "besar"),
])
def test_size_by_assets(assets, cls):
    assert size_class_by_assets(assets) == cls


@pytest.mark.parametrize("turnover, cls", [
    (0, "mikro"), (2 * M, "mikro"), (2 * M + 1, "kecil"), (15 * M, "kecil"), (15 * M + 1, "menengah"),
    (50 * M, "menengah"), (50 * M + 1, "besar"),
])
def test_size_by_turnover(turnover, cls):
    assert size_class_by_turnover(turnover) == cls


@pytest.mark.parametrize("assets, turnover, cls", [
    (100 * 10**6, 100 * 10**6, "mikro"),
    (3 * M, 1 * M, "mikro"),          # omzet alone qualifies as mikro
    (500 * 10**6, 40 * M, "mikro"),   # modal alone qualifies as mikro
    (3 * M, 10 * M, "kecil"),
    (7 * M, 20 * M, "menengah"),
    (7 * M, 60 * M, "menengah"),
    (20 * M, 60 * M, "besar"),
    (20 * M, 2 * M, "mikro"),
])
def test_size_class_takes_the_smaller_class(assets, turnover, cls):
    assert size_class(assets, turnover) == cls
