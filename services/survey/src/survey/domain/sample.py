"""Minimum sample of a period (Krejcie–Morgan, the table PermenPAN-RB 14/2017 reproduces).

s = χ²·N·P(1−P) / (d²·(N−1) + χ²·P(1−P)) with χ² = 3.841, P = 0.5, d = 0.05.
The regulation's table is this formula rounded to the NEAREST whole respondent (half up): it
gives N=50→44, N=100→80, N=500→217, N=1,000→278, N=2,000→322 — rounding up would give 45, 80,
218, 278, 323 and disagree with the table, so the table's rule is used. Pure Python.
"""
from __future__ import annotations

from fractions import Fraction

CHI2 = Fraction(3841, 1000)
P_Q = Fraction(1, 4)  # P·(1 − P) with P = 0.5
D2 = Fraction(25, 10000)  # d² with d = 0.05


def min_sample_exact(population: int) -> Fraction:
    if population <= 0:
        return Fraction(0)
    return CHI2 * population * P_Q / (D2 * (population - 1) + CHI2 * P_Q)


def min_sample(population: int) -> int:
    """Respondents needed for a population of ``population`` service users (0 for none)."""
    s = min_sample_exact(population)
    whole, rest = divmod(s.numerator, s.denominator)
    return whole + (1 if 2 * rest >= s.denominator else 0)


def sample_adequate(n: int, population: int) -> bool:
    """True when n completed questionnaires reach the minimum sample ("sampel cukup")."""
    return n >= min_sample(population)
