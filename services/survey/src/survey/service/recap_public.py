"""The recap as the API answers it: exact fractions shown with 2 decimals, grades, IPA, profile, trend."""
from __future__ import annotations

from dataclasses import asdict

from ..domain.ikm import fmt2, min_sample, sample_adequate
from ..domain.questionnaire import UNSUR
from .recap import RecapView


def _grade(g) -> tuple[str | None, str | None]:
    return (g.letter, g.label) if g is not None else (None, None)


def recap_public(view: RecapView) -> dict:
    r, p = view.recap, view.period
    grade, label = _grade(r.grade)
    ipa = None
    if r.ipa is not None:
        ipa = {"x_axis": fmt2(r.ipa.x_axis), "y_axis": fmt2(r.ipa.y_axis), "x_axis_value": float(r.ipa.x_axis),
               "y_axis_value": float(r.ipa.y_axis), "conformity": fmt2(r.ipa.conformity),
               "points": [{"unsur": pt.unsur, "name": UNSUR[pt.unsur - 1], "performance": fmt2(pt.performance),
                           "importance": fmt2(pt.importance), "performance_value": float(pt.performance),
                           "importance_value": float(pt.importance), "conformity": fmt2(pt.conformity),
                           "quadrant": pt.quadrant, "quadrant_label": pt.quadrant_label} for pt in r.ipa.points]}
    population = p.population
    return {
        "period_id": str(p.id), "period_name": p.name, "org_name": view.org.get("name") or "",
        "n": r.n, "ikm": fmt2(r.ikm), "converted": fmt2(r.converted), "grade": grade, "grade_label": label,
        "legacy_ikm": fmt2(r.legacy_ikm), "legacy_converted": fmt2(r.legacy_converted),
        "legacy_grade": _grade(r.legacy_grade)[0],
        "unsur": [{"unsur": u.unsur, "name": u.name, "total": u.total, "nrr": fmt2(u.nrr),
                   "weighted": fmt2(u.weighted), "converted": fmt2(u.converted),
                   "grade": _grade(u.grade)[0], "grade_label": _grade(u.grade)[1]} for u in r.unsur],
        "weakest_first": [u.unsur for u in r.weakest_first],
        "ipa": ipa,
        "sample": {"population": population, "min_sample": min_sample(population) if population else None,
                   "adequate": sample_adequate(r.n, population) if population else None},
        "demographics": {k: [{"label": lab, "count": c} for lab, c in rows] for k, rows in view.demographics.items()},
        "channels": view.channels, "suggestions": view.suggestions,
        "complaints": None if view.complaints is None else asdict(view.complaints),
        "trend": [{"period_name": t.period_name, "converted": fmt2(t.converted), "grade": _grade(t.grade)[0],
                   "change": None if t.change is None else fmt2(t.change)} for t in view.trend],
    }
