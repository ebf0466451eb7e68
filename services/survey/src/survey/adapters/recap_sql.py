"""Recap queries: sums, counts and groups computed by PostgreSQL (no response rows loaded in Python).

One scan for the sums and the profile, one for the suggestions (a partial index): 100,000 answers stay
under the 200 ms goal (bench/survey_bench.py).
"""
from __future__ import annotations

import uuid

from sqlalchemy import func, select
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


async def profile(s: AsyncSession, period_id: uuid.UUID, training_id: uuid.UUID | None = None,
                  education: tuple[str, ...] = (), occupation: tuple[str, ...] = ()
                  ) -> tuple[Totals, dict[str, list[tuple[str, int]]], dict[str, int]]:
    """The sums of every unsur, the respondent profile (sex, age band, education, occupation) and the
    counts by channel in ONE pass over the period's rows: one row of plain aggregates with FILTER
    clauses (measured here: GROUPING SETS took 4x the sums alone, sorting five groupings)."""
    c = responses.c
    buckets: dict[str, list[tuple[str, str, object]]] = {
        "sex": [(k, label, c.sex == k) for k, label in SEX.items()],
        "age": [(label, label, c.age.between(lo, hi)) for label, lo, hi in AGE_BANDS],
        "education": [(e, e, c.education == e) for e in education],
        "occupation": [(o, o, c.occupation == o) for o in occupation],
        "channel": [(ch, ch, c.channel == ch) for ch in ("online", "link", "paper")],
    }
    counted = [func.count().filter(cond) for rows in buckets.values() for _, _, cond in rows]
    sums = [func.coalesce(func.sum(c[col]), 0) for col in PERF + IMP]
    row = (await s.execute(select(func.count(), *sums, *counted).where(*_where(period_id, training_id)))).one()
    n = int(row[0])
    totals = Totals(n, tuple(int(v) for v in row[1:10]), tuple(int(v) for v in row[10:19]))
    values = iter(int(v) for v in row[19:])
    out: dict[str, list[tuple[str, int]]] = {}
    for name, rows in buckets.items():
        out[name] = [(label, next(values)) for _, label, _ in rows]
        missing = n - sum(count for _, count in out[name])
        if missing and name != "channel":
            out[name].append(("Tidak diisi", missing))
    channels = {key: count for (key, _, _), (_, count) in zip(buckets["channel"], out.pop("channel"), strict=True)}
    return totals, out, channels


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
