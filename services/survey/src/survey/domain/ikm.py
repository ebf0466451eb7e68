"""The Indeks Kepuasan Masyarakat, exact to PermenPAN-RB 14/2017 (Lampiran, Bab IV).

Everything is a ``Fraction``; nothing is rounded until it is shown (``fmt2``).
- NRR per unsur = Σ values of the unsur ÷ n (n = completed questionnaires);
- weight = Σ weights ÷ number of unsur = 1/9 exactly; NRR tertimbang = NRR × 1/9;
- IKM = Σ NRR tertimbang (1..4); IKM konversi = IKM × 25 (25..100);
- mutu from the konversi value rounded to 2 decimals (ROUND_HALF_UP): 25.00–64.99 D Tidak Baik,
  65.00–76.60 C Kurang Baik, 76.61–88.30 B Baik, 88.31–100.00 A Sangat Baik; per unsur the same
  intervals on NRR × 25.
Some offices type the weight as 0.111; that "legacy" figure is 0.1 % lower and can drop a grade.
It is computed beside the exact one, labelled, and never used for the grade.
Pure Python: no framework.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from survey.domain.ipa import Ipa, importance_performance
from survey.domain.questionnaire import UNSUR
from survey.domain.sample import min_sample, sample_adequate

__all__ = [
    "GRADES", "LEGACY_LABEL", "LEGACY_WEIGHT", "WEIGHT", "Grade", "Ipa", "Recap", "Totals", "TrendPoint",
    "UnsurRecap", "fmt2", "fmt2_id", "grade_for", "min_sample", "recap", "round2",
    "sample_adequate", "trend",
]

WEIGHT = Fraction(1, len(UNSUR))  # Σ weights (1) ÷ 9 unsur
LEGACY_WEIGHT = Fraction(111, 1000)  # the rounded weight some spreadsheets use; display only
LEGACY_LABEL = "Pembanding: bobot dibulatkan 0,111 (cara lama) — bukan nilai resmi"
CONVERSION = 25


@dataclass(frozen=True)
class Grade:
    letter: str  # "A".."D"
    label: str  # "Sangat Baik".."Tidak Baik"

    def __str__(self) -> str:
        return f"{self.letter} ({self.label})"


GRADES = (Grade("A", "Sangat Baik"), Grade("B", "Baik"), Grade("C", "Kurang Baik"),
          Grade("D", "Tidak Baik"))


def round2(x: Fraction) -> Decimal:
    """x rounded half up (away from zero) to 2 decimals, exactly: no binary float in between."""
    scaled = x * 100
    sign = -1 if scaled < 0 else 1
    whole, rest = divmod(abs(scaled.numerator), scaled.denominator)
    if 2 * rest >= scaled.denominator:
        whole += 1
    return Decimal(sign * whole).scaleb(-2)


def fmt2(x: Fraction | None) -> str:
    """2 decimals with a point ("88.31"); "-" for no value."""
    return "-" if x is None else f"{round2(x):.2f}"


def fmt2_id(x: Fraction | None) -> str:
    """2 decimals with the Indonesian decimal comma ("88,31")."""
    return fmt2(x).replace(".", ",")


def grade_for(converted: Fraction) -> Grade:
    """The mutu of a converted value (25..100), judged on its 2-decimal rounding."""
    shown = round2(converted)
    if shown >= Decimal("88.31"):
        return GRADES[0]
    if shown >= Decimal("76.61"):
        return GRADES[1]
    if shown >= Decimal("65.00"):
        return GRADES[2]
    return GRADES[3]


@dataclass(frozen=True)
class Totals:
    """Sums over the completed questionnaires of a period (what SQL aggregation returns)."""

    n: int
    performance: tuple[int, ...]  # Σ performance value per unsur, 9 entries
    importance: tuple[int, ...]  # Σ importance value per unsur, 9 entries

    @classmethod
    def empty(cls) -> Totals:
        return cls(0, (0,) * len(UNSUR), (0,) * len(UNSUR))

    def __post_init__(self) -> None:
        if len(self.performance) != len(UNSUR) or len(self.importance) != len(UNSUR):
            raise ValueError("Totals need one sum per unsur")
        if self.n < 0:
            raise ValueError("n cannot be negative")
        # every answer is 1..4, so each unsur's sum lies in [n, 4n]; else the aggregation is wrong
        if any(not self.n <= t <= 4 * self.n for t in (*self.performance, *self.importance)):
            raise ValueError("a sum lies outside n..4n: the aggregation counted something wrong")


@dataclass(frozen=True)
class UnsurRecap:
    unsur: int  # 1..9
    name: str
    total: int  # Σ performance values
    nrr: Fraction | None  # Σ ÷ n; None when n = 0
    weighted: Fraction | None  # NRR × 1/9
    converted: Fraction | None  # NRR × 25
    grade: Grade | None


@dataclass(frozen=True)
class Recap:
    n: int
    unsur: tuple[UnsurRecap, ...]  # the regulation's order
    ikm: Fraction | None  # Σ NRR tertimbang (1..4)
    converted: Fraction | None  # IKM × 25
    grade: Grade | None
    legacy_ikm: Fraction | None  # Σ NRR × 0.111 — shown beside, labelled, never instead
    legacy_converted: Fraction | None
    legacy_grade: Grade | None
    ipa: Ipa | None
    weights: tuple[Fraction, ...] = field(default=(WEIGHT,) * len(UNSUR))

    @property
    def empty(self) -> bool:
        return self.n == 0

    @property
    def weakest_first(self) -> tuple[UnsurRecap, ...]:
        """Unsur by converted value ascending; ties keep the regulation's order."""
        if self.empty:
            return self.unsur
        return tuple(sorted(self.unsur, key=lambda u: (u.nrr, u.unsur)))


def recap(totals: Totals) -> Recap:
    """The whole recap of one period; n = 0 gives an empty recap (no division)."""
    n = totals.n
    if n == 0:
        rows = tuple(UnsurRecap(i + 1, name, 0, None, None, None, None)
                     for i, name in enumerate(UNSUR))
        return Recap(0, rows, None, None, None, None, None, None, None)
    rows_list = []
    for i, name in enumerate(UNSUR):
        nrr = Fraction(totals.performance[i], n)
        converted = nrr * CONVERSION
        rows_list.append(UnsurRecap(i + 1, name, totals.performance[i], nrr, nrr * WEIGHT,
                                    converted, grade_for(converted)))
    rows = tuple(rows_list)
    ikm = sum((r.weighted for r in rows if r.weighted is not None), Fraction(0))
    converted = ikm * CONVERSION
    legacy = sum((r.nrr * LEGACY_WEIGHT for r in rows if r.nrr is not None), Fraction(0))
    return Recap(n, rows, ikm, converted, grade_for(converted), legacy, legacy * CONVERSION,
                 grade_for(legacy * CONVERSION), importance_performance(totals))


@dataclass(frozen=True)
class TrendPoint:
    period_name: str
    converted: Fraction | None
    grade: Grade | None
    change: Fraction | None  # against the previous point with a value; None for the first


def trend(previous: list[tuple[str, Recap]]) -> list[TrendPoint]:
    """Periods oldest first → converted IKM per period and its change from the one before."""
    points: list[TrendPoint] = []
    last: Fraction | None = None
    for name, r in previous:
        change = None if r.converted is None or last is None else r.converted - last
        points.append(TrendPoint(name, r.converted, r.grade, change))
        if r.converted is not None:
            last = r.converted
    return points
