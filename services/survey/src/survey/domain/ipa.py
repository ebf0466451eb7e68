"""Importance–performance analysis (analisis kesenjangan / diagram Kartesius) of the SKM.

Per unsur: X̄ = mean performance (= NRR), Ȳ = mean importance, conformity Tk = ΣX ÷ ΣY × 100 %.
The axes cross at X̿ = mean of the nine X̄ and Y̿ = mean of the nine Ȳ.
Boundary rule: a value ON an axis counts as HIGH (X̄ ≥ X̿ is high performance, Ȳ ≥ Y̿ is high
importance). Quadrants:
  A Prioritas Utama — importance high, performance low (fix first);
  B Pertahankan Prestasi — both high;
  C Prioritas Rendah — both low;
  D Berlebihan — performance high, importance low.
Pure Python.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from survey.domain.ikm import Totals

QUADRANTS = {"A": "Prioritas Utama", "B": "Pertahankan Prestasi", "C": "Prioritas Rendah",
             "D": "Berlebihan"}


@dataclass(frozen=True)
class IpaPoint:
    unsur: int
    performance: Fraction  # X̄
    importance: Fraction  # Ȳ
    conformity: Fraction | None  # Tk in percent; None when ΣY = 0
    quadrant: str  # "A".."D"

    @property
    def quadrant_label(self) -> str:
        return QUADRANTS[self.quadrant]


@dataclass(frozen=True)
class Ipa:
    points: tuple[IpaPoint, ...]
    x_axis: Fraction  # mean of the performance means
    y_axis: Fraction  # mean of the importance means
    conformity: Fraction | None  # over all unsur: ΣΣX ÷ ΣΣY × 100


def quadrant(performance: Fraction, importance: Fraction, x_axis: Fraction,
             y_axis: Fraction) -> str:
    high_x = performance >= x_axis
    high_y = importance >= y_axis
    if high_y:
        return "B" if high_x else "A"
    return "D" if high_x else "C"


def _percent(x: int, y: int) -> Fraction | None:
    return None if y == 0 else Fraction(x, y) * 100


def importance_performance(totals: Totals) -> Ipa | None:
    """The IPA of a period; None when nobody answered."""
    if totals.n == 0:
        return None
    xs = [Fraction(t, totals.n) for t in totals.performance]
    ys = [Fraction(t, totals.n) for t in totals.importance]
    x_axis = sum(xs, Fraction(0)) / len(xs)
    y_axis = sum(ys, Fraction(0)) / len(ys)
    points = tuple(IpaPoint(i + 1, x, y, _percent(totals.performance[i], totals.importance[i]),
                            quadrant(x, y, x_axis, y_axis))
                   for i, (x, y) in enumerate(zip(xs, ys, strict=True)))
    return Ipa(points, x_axis, y_axis,
               _percent(sum(totals.performance), sum(totals.importance)))
