"""Recap queries: sums, counts and groups computed by PostgreSQL (no response rows loaded in Python).

One scan for the sums and the profile, one for the suggestions (a partial index): 100,000 answers stay
under the 200 ms goal (bench/survey_bench.py).
"""
from __future__ import annotations

import uuid

from sqlalchemy import case, func, select, text, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain.ikm import Totals
from ..domain.response_input import AGE_BANDS, SEX
from .tables import IMP, PERF, periods, responses

MAX_SUGGESTIONS = 1000


def _where(period_id: uuid.UUID, training_id: uuid.UUID | None) -> list:
    conds = [responses.c.period_id == period_id]
    if training_id is not None:
        conds.append(responses.c.training_id == training_id)
    return conds


async def totals(s: AsyncSession, period_id: uuid.UUID, training_id: uuid.UUID | None = None) -> Totals:
    cols = [func.count()] + [func.coalesce(func.sum(responses.c[c]), 0) for c in PERF + IMP]
    row = (await s.execute(select(*cols).where(*_where(period_id, training_id)))).one()
    return Totals(int(row[0]), tuple(int(v) for v in row[1:10]), tuple(int(v) for v in row[10:19]))


async def totals_by_period(s: AsyncSession, period_ids: list[uuid.UUID]) -> dict[uuid.UUID, Totals]:
    if not period_ids:
        return {}
    cols = [responses.c.period_id, func.count()] + [func.sum(responses.c[c]) for c in PERF + IMP]
    rows = (await s.execute(select(*cols).where(responses.c.period_id.in_(period_ids))
                            .group_by(responses.c.period_id))).all()
    return {r[0]: Totals(int(r[1]), tuple(int(v) for v in r[2:11]), tuple(int(v) for v in r[11:20]))
            for r in rows}


def _ordered(counts: dict[str, int], labels: list[tuple[str, str]]) -> list[tuple[str, int]]:
    out = [(label, counts.pop(key, 0)) for key, label in labels]
    missing = sum(counts.values())
    if missing:
        out.append(("Tidak diisi", missing))
    return out


async def profile(s: AsyncSession, period_id: uuid.UUID, training_id: uuid.UUID | None = None,
                  education: tuple[str, ...] = (), occupation: tuple[str, ...] = ()
                  ) -> tuple[Totals, dict[str, list[tuple[str, int]]], dict[str, int]]:
    """The sums of every unsur, the respondent profile (sex, age band, education, occupation) and the
    counts by channel in ONE scan of the period's rows (GROUPING SETS; the empty set gives the sums):
    separate queries would read the rows six times."""
    age = case(*[(responses.c.age.between(lo, hi), label) for label, lo, hi in AGE_BANDS], else_=None)
    dims = {"sex": responses.c.sex, "age": age, "education": responses.c.education,
            "occupation": responses.c.occupation, "channel": responses.c.channel}
    cols = [expr.label(name) for name, expr in dims.items()]
    flags = [func.grouping(expr).label(f"g_{name}") for name, expr in dims.items()]
    sums = [func.coalesce(func.sum(responses.c[c]), 0).label(c) for c in PERF + IMP]
    sets = [*[tuple_(expr) for expr in dims.values()], text("()")]
    stmt = (select(*cols, *flags, func.count().label("n"), *sums).where(*_where(period_id, training_id))
            .group_by(func.grouping_sets(*sets)))
    counts: dict[str, dict[str, int]] = {name: {} for name in dims}
    totals = Totals.empty()
    for row in (await s.execute(stmt)).mappings():
        name = next((n for n in dims if row[f"g_{n}"] == 0), None)  # the set this row belongs to
        if name is None:  # the grand total
            totals = Totals(int(row["n"]), tuple(int(row[c]) for c in PERF), tuple(int(row[c]) for c in IMP))
        else:
            counts[name][row[name] or ""] = int(row["n"])
    demographics = {
        "sex": _ordered(counts["sex"], list(SEX.items())),
        "age": _ordered(counts["age"], [(label, label) for label, _, _ in AGE_BANDS]),
        "education": _ordered(counts["education"], [(e, e) for e in education]),
        "occupation": _ordered(counts["occupation"], [(o, o) for o in occupation]),
    }
    return totals, demographics, {c: counts["channel"].get(c, 0) for c in ("online", "link", "paper")}


async def suggestions(s: AsyncSession, period_id: uuid.UUID, training_id: uuid.UUID | None = None) -> list[str]:
    rows = await s.execute(select(responses.c.suggestion).where(
        *_where(period_id, training_id), responses.c.suggestion != "")
        .order_by(responses.c.submitted_at).limit(MAX_SUGGESTIONS))
    return [r[0] for r in rows]


async def previous_periods(s: AsyncSession, org_id: uuid.UUID, before, limit: int = 4) -> list[tuple[uuid.UUID, str]]:
    rows = await s.execute(select(periods.c.id, periods.c.name).where(
        periods.c.org_id == org_id, periods.c.start_date < before)
        .order_by(periods.c.start_date.desc()).limit(limit))
    return [(r[0], r[1]) for r in rows][::-1]
