"""Recap queries: sums, counts and groups computed by PostgreSQL (no response rows loaded in Python).

One aggregate scan per question keeps 100,000 responses well under the 200 ms goal (bench/survey_bench.py).
"""
from __future__ import annotations

import uuid

from sqlalchemy import case, func, select
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


async def _group(s: AsyncSession, expr, period_id: uuid.UUID, training_id: uuid.UUID | None) -> dict[str, int]:
    rows = (await s.execute(select(expr.label("k"), func.count()).where(*_where(period_id, training_id))
                            .group_by("k"))).all()
    return {(k if k is not None else ""): int(n) for k, n in rows}


def _ordered(counts: dict[str, int], labels: list[tuple[str, str]]) -> list[tuple[str, int]]:
    out = [(label, counts.pop(key, 0)) for key, label in labels]
    missing = sum(counts.values())
    if missing:
        out.append(("Tidak diisi", missing))
    return out


async def demographics(s: AsyncSession, period_id: uuid.UUID, training_id: uuid.UUID | None = None,
                       education: tuple[str, ...] = (), occupation: tuple[str, ...] = ()) -> dict[str, list[tuple[str, int]]]:
    age = case(*[(responses.c.age.between(lo, hi), label) for label, lo, hi in AGE_BANDS], else_=None)
    sex = await _group(s, responses.c.sex, period_id, training_id)
    ages = await _group(s, age, period_id, training_id)
    edu = await _group(s, responses.c.education, period_id, training_id)
    job = await _group(s, responses.c.occupation, period_id, training_id)
    return {
        "sex": _ordered(sex, list(SEX.items())),
        "age": _ordered(ages, [(label, label) for label, _, _ in AGE_BANDS]),
        "education": _ordered(edu, [(e, e) for e in education]),
        "occupation": _ordered(job, [(o, o) for o in occupation]),
    }


async def channels(s: AsyncSession, period_id: uuid.UUID, training_id: uuid.UUID | None = None) -> dict[str, int]:
    counts = await _group(s, responses.c.channel, period_id, training_id)
    return {c: counts.get(c, 0) for c in ("online", "link", "paper")}


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
