"""Importance–performance analysis and the Krejcie–Morgan minimum sample, by hand."""
from __future__ import annotations

from fractions import Fraction as F

import pytest

from survey.domain.ikm import Totals, fmt2, recap
from survey.domain.ipa import QUADRANTS, quadrant
from survey.domain.sample import min_sample, sample_adequate

P = (16, 14, 12, 15, 13, 11, 10, 9, 12)  # n = 4 → X̄: 4, 3.5, 3, 3.75, 3.25, 2.75, 2.5, 2.25, 3
IMP = (16, 16, 15, 14, 12, 15, 16, 10, 12)  # Ȳ: 4, 4, 3.75, 3.5, 3, 3.75, 4, 2.5, 3


def test_axes_are_the_mean_of_the_unsur_means():
    ipa = recap(Totals(4, P, IMP)).ipa
    assert ipa.x_axis == F(112, 36)  # (Σ X̄) / 9 = 28 / 9 = 3.111…
    assert ipa.y_axis == F(126, 36)  # 31.5 / 9 = 3.5


def test_quadrants_with_the_on_axis_point_counted_high():
    ipa = recap(Totals(4, P, IMP)).ipa
    # u1 (4, 4) B; u2 (3.5, 4) B; u3 (3, 3.75) A; u4 (3.75, 3.5 = axis → high) B;
    # u5 (3.25, 3) D; u6 (2.75, 3.75) A; u7 (2.5, 4) A; u8 (2.25, 2.5) C; u9 (3, 3) C
    assert "".join(p.quadrant for p in ipa.points) == "BBABDAACC"
    assert ipa.points[2].quadrant_label == "Prioritas Utama"
    assert ipa.points[4].quadrant_label == "Berlebihan"


def test_conformity_is_sum_x_over_sum_y_in_percent():
    ipa = recap(Totals(4, P, IMP)).ipa
    assert ipa.points[0].conformity == 100  # 16 / 16
    assert ipa.points[2].conformity == 80  # 12 / 15
    assert fmt2(ipa.points[7].conformity) == "90.00"  # 9 / 10
    assert ipa.conformity == F(11200, 126)  # 112 / 126 = 88.89 %
    assert fmt2(ipa.conformity) == "88.89"


@pytest.mark.parametrize("x, y, q", [
    (F(3), F(3), "B"),  # exactly on both axes → both high
    (F(3), F(2), "D"), (F(2), F(3), "A"), (F(2), F(2), "C"), (F(4), F(4), "B"),
])
def test_quadrant_boundary_rule(x, y, q):
    assert quadrant(x, y, F(3), F(3)) == q


def test_quadrant_names():
    assert QUADRANTS == {"A": "Prioritas Utama", "B": "Pertahankan Prestasi",
                         "C": "Prioritas Rendah", "D": "Berlebihan"}


@pytest.mark.parametrize("population, needed", [
    # s = 3.841·N·0.25 / (0.0025·(N−1) + 3.841·0.25), nearest whole (the regulation's table)
    (1000, 278),  # 960.25 / 3.45775 = 277.71
    (100, 80),  # 96.025 / 1.20775 = 79.51
    (500, 217),  # 480.125 / 2.20775 = 217.47
    (50, 44),  # 48.0125 / 1.08275 = 44.34
    (2000, 322),  # 1920.5 / 5.95775 = 322.35
    (10, 10), (1_000_000, 384), (1, 1), (0, 0),
])
def test_min_sample_matches_the_krejcie_morgan_table(population, needed):
    assert min_sample(population) == needed


def test_sample_adequacy():
    assert sample_adequate(278, 1000)
    assert not sample_adequate(277, 1000)
    assert sample_adequate(0, 0)
