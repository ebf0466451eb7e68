"""Indonesian dates, roman months, certificate numbers (and the formats an admin may type), predicates."""
from __future__ import annotations

from datetime import date

import pytest

from balai_platform.errors import InvalidInput
from certificate.domain.indonesian import (
    date_id,
    date_range_id,
    format_number,
    predicate_for,
    roman_month,
    validate_number_format,
)

FORMAT = "{seq:03d}/BALATKOP-UKM/{roman_month}/{year}"


def test_date_id() -> None:
    assert date_id(date(2024, 6, 5)) == "5 Juni 2024"
    assert date_id(date(2025, 1, 31)) == "31 Januari 2025"
    assert date_id(date(2024, 12, 1)) == "1 Desember 2024"


@pytest.mark.parametrize(("start", "end", "text"), [
    (date(2024, 6, 24), date(2024, 6, 28), "24 s.d. 28 Juni 2024"),
    (date(2024, 5, 30), date(2024, 6, 2), "30 Mei s.d. 2 Juni 2024"),
    (date(2024, 12, 30), date(2025, 1, 2), "30 Desember 2024 s.d. 2 Januari 2025"),
    (date(2024, 8, 17), date(2024, 8, 17), "17 Agustus 2024"),
    (date(2024, 6, 28), date(2024, 6, 24), "24 s.d. 28 Juni 2024"),
])
def test_date_range_id(start: date, end: date, text: str) -> None:
    assert date_range_id(start, end) == text


def test_roman_month() -> None:
    assert [roman_month(m) for m in (1, 4, 6, 9, 12)] == ["I", "IV", "VI", "IX", "XII"]
    for bad in (0, 13):
        with pytest.raises(ValueError):
            roman_month(bad)


def test_format_number() -> None:
    assert format_number(FORMAT, seq=7, issued_on=date(2024, 6, 28), org_code="JTG") == "007/BALATKOP-UKM/VI/2024"
    assert format_number(FORMAT, seq=1234, issued_on=date(2024, 11, 1), org_code="JTG") == "1234/BALATKOP-UKM/XI/2024"
    fmt = "{org_code}-{year}{month:02d}-{seq:04d}"
    assert format_number(fmt, seq=42, issued_on=date(2024, 6, 1), org_code="JTG") == "JTG-202406-0042"
    assert format_number("No. {seq}", seq=5, issued_on=date(2024, 6, 1), org_code="X") == "No. 5"


@pytest.mark.parametrize("fmt", [
    "", "   ", "BALATKOP-UKM", "{seq", "seq}", "{}", "{0}", "{seq.__class__}", "{seq.real}", "{seq[0]}",
    "{seq!r}", "{seq!s:>5}", "{seq:>999}", "{seq:{year}}", "{seq:,}", "{roman_month:5}{seq}",
    "{org_code:>9}{seq}", "{nama}/{seq}", "{__import__}{seq}", "x" * 121 + "{seq}",
])
def test_bad_number_formats_are_refused_in_bahasa(fmt: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        validate_number_format(fmt)
    message = refused.value.errors["number_format"]
    assert message.startswith("Format nomor")
    with pytest.raises(InvalidInput):
        format_number(fmt, seq=1, issued_on=date(2024, 6, 1), org_code="X")


def test_good_formats_pass_unchanged() -> None:
    for fmt in (FORMAT, "{seq}", "{seq:d}/{month}/{year:4d}", "SERT-{org_code}-{seq:05d}"):
        assert validate_number_format(fmt) == fmt


@pytest.mark.parametrize(("score", "predicate"), [
    (None, None), (100, "Sangat Memuaskan"), (91, "Sangat Memuaskan"), (90, "Memuaskan"), (81, "Memuaskan"),
    (80, "Baik"), (71, "Baik"), (70, "Cukup"), (0, "Cukup"),
])
def test_predicate_for(score: int | None, predicate: str | None) -> None:
    assert predicate_for(score) == predicate
