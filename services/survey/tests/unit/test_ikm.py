"""The IKM of PermenPAN-RB 14/2017 against values computed by hand (arithmetic in comments)."""
from __future__ import annotations

from fractions import Fraction as F

import pytest

from survey.domain.ikm import (
    LEGACY_WEIGHT,
    WEIGHT,
    Recap,
    Totals,
    fmt2,
    fmt2_id,
    grade_for,
    recap,
    trend,
)

# n = 4 questionnaires; Σ performance per unsur:
P = (16, 14, 12, 15, 13, 11, 10, 9, 12)  # Σ = 112
IMP = (16, 16, 15, 14, 12, 15, 16, 10, 12)  # Σ = 126
EXAMPLE = Totals(4, P, IMP)


def test_weight_is_exactly_one_ninth_and_legacy_is_labelled_apart():
    assert F(1, 9) == WEIGHT
    assert F(111, 1000) == LEGACY_WEIGHT


def test_nrr_per_unsur_is_sum_over_n():
    r = recap(EXAMPLE)
    # 16/4 = 4, 14/4 = 3.5, 12/4 = 3, 15/4 = 3.75, 13/4 = 3.25, 11/4 = 2.75, 10/4 = 2.5,
    # 9/4 = 2.25, 12/4 = 3
    assert [u.nrr for u in r.unsur] == [F(4), F(7, 2), F(3), F(15, 4), F(13, 4), F(11, 4),
                                        F(5, 2), F(9, 4), F(3)]
    # NRR tertimbang = NRR × 1/9: 4/9, 3.5/9 = 7/18, ...
    assert r.unsur[0].weighted == F(4, 9)
    assert r.unsur[1].weighted == F(7, 18)


def test_ikm_and_conversion_are_exact():
    r = recap(EXAMPLE)
    # IKM = Σ NRR / 9 = (112 / 4) / 9 = 28 / 9 = 3.1111…
    assert r.ikm == F(28, 9)
    # konversi = 28/9 × 25 = 700/9 = 77.7777… → shown 77.78 → 76.61–88.30 → B Baik
    assert r.converted == F(700, 9)
    assert fmt2(r.converted) == "77.78"
    assert fmt2_id(r.converted) == "77,78"
    assert (r.grade.letter, r.grade.label) == ("B", "Baik")
    # legacy: Σ NRR × 0.111 = 28 × 0.111 = 3.108; × 25 = 77.70
    assert r.legacy_ikm == F(3108, 1000)
    assert fmt2(r.legacy_converted) == "77.70"


def test_per_unsur_conversion_grade_and_weakest_first():
    r = recap(EXAMPLE)
    # NRR × 25: 100, 87.5, 75, 93.75, 81.25, 68.75, 62.5, 56.25, 75
    assert [fmt2(u.converted) for u in r.unsur] == [
        "100.00", "87.50", "75.00", "93.75", "81.25", "68.75", "62.50", "56.25", "75.00"]
    assert "".join(u.grade.letter for u in r.unsur) == "ABCABCDDC"
    # ascending; the tie 75.00 (unsur 3 and 9) keeps the regulation's order
    assert [u.unsur for u in r.weakest_first] == [8, 7, 6, 3, 9, 5, 2, 4, 1]


def test_a_with_one_ninth_stays_a_although_legacy_weight_gives_b():
    # n = 100, Σ over all unsur = 3180 (353 × 9 = 3177, plus 1 on unsur 1, 6, 8)
    perf = (354, 353, 353, 353, 353, 354, 353, 354, 353)
    assert sum(perf) == 3180
    r = recap(Totals(100, perf, perf))
    # exact: Σ NRR = 31.8; IKM = 31.8 / 9 = 3.5333…; × 25 = 88.333… → 88.33 → A
    assert r.converted == F(3180, 36)
    assert fmt2(r.converted) == "88.33"
    assert r.grade.letter == "A"
    # legacy: 31.8 × 0.111 = 3.5298; × 25 = 88.245 exactly → half up → 88.25 → B
    assert r.legacy_converted == F(88245, 1000)
    assert fmt2(r.legacy_converted) == "88.25"
    assert r.legacy_grade.letter == "B"


@pytest.mark.parametrize("shown, letter", [
    ("25.00", "D"), ("64.99", "D"), ("65.00", "C"), ("76.60", "C"), ("76.61", "B"),
    ("88.30", "B"), ("88.31", "A"), ("100.00", "A"),
])
def test_grade_boundaries_through_recap(shown, letter):
    # n = 2500 and every unsur total t: NRR = t/2500, × 25 = t/100; so t = 6499 → 64.99
    t = int(round(float(shown) * 100))
    r = recap(Totals(2500, (t,) * 9, (t,) * 9))
    assert fmt2(r.converted) == shown
    assert r.grade.letter == letter
    assert {u.grade.letter for u in r.unsur} == {letter}


@pytest.mark.parametrize("value, letter", [
    (F(64994, 1000), "D"),  # 64.994 → 64.99
    (F(64995, 1000), "C"),  # 64.995 → 65.00 (half up)
    (F(76605, 1000), "B"),  # → 76.61
    (F(76604, 1000), "C"),  # → 76.60
    (F(88305, 1000), "A"),  # → 88.31
    (F(88304999, 1000000), "B"),  # → 88.30
])
def test_grade_judges_the_two_decimal_rounding(value, letter):
    assert grade_for(value).letter == letter


def test_grade_labels():
    assert [str(grade_for(F(x))) for x in (100, 80, 70, 30)] == [
        "A (Sangat Baik)", "B (Baik)", "C (Kurang Baik)", "D (Tidak Baik)"]


def test_fmt2_rounds_half_up_exactly():
    assert fmt2(F(5, 1000)) == "0.01"  # 0.005 → 0.01 (a float would say 0.01 or 0.00)
    assert fmt2(F(1, 3)) == "0.33"
    assert fmt2(F(2, 3)) == "0.67"
    assert fmt2(None) == "-"
    assert fmt2(F(-1455, 1000)) == "-1.46"  # a fall in the trend rounds away from zero too
    assert fmt2(F(-1, 1000)) == "0.00"
    assert fmt2_id(F(8831, 100)) == "88,31"


def test_no_answers_gives_an_empty_recap_not_a_division_error():
    r = recap(Totals.empty())
    assert r.empty and r.n == 0
    assert r.ikm is None and r.converted is None and r.grade is None and r.ipa is None
    assert r.legacy_converted is None
    assert [u.unsur for u in r.weakest_first] == list(range(1, 10))
    assert all(u.nrr is None and u.grade is None for u in r.unsur)


def test_totals_need_nine_sums():
    with pytest.raises(ValueError):
        Totals(1, (4,) * 8, (4,) * 9)
    with pytest.raises(ValueError):
        Totals(-1, (0,) * 9, (0,) * 9)


@pytest.mark.parametrize("perf", [(3,) + (4,) * 8, (17,) + (4,) * 8])
def test_totals_refuse_sums_no_answers_can_give(perf):
    # n = 4 answers of 1..4 sum to 4..16 per unsur
    with pytest.raises(ValueError):
        Totals(4, perf, (4,) * 9)


def test_trend_gives_change_against_the_last_period_with_answers():
    a = recap(Totals(4, P, IMP))  # 700/9
    b = recap(Totals(2500, (8000,) * 9, (8000,) * 9))  # 80
    points = trend([("Semester I", a), ("Semester II", recap(Totals.empty())), ("Tahun", b)])
    assert [p.period_name for p in points] == ["Semester I", "Semester II", "Tahun"]
    assert points[0].change is None
    assert points[1].converted is None and points[1].change is None
    # 80 − 700/9 = 20/9 = 2.22
    assert points[2].change == F(20, 9)
    assert fmt2(points[2].change) == "2.22"


def test_recap_is_a_value():
    assert isinstance(recap(EXAMPLE), Recap)
    assert recap(EXAMPLE) == recap(EXAMPLE)
