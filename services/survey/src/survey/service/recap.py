"""The live recap of a period (SOP steps 11-12) and the data of its report (steps 13-19)."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlalchemy import select

from balai_platform.auth import Claims

from ..adapters import recap_sql
from ..adapters.tables import organisations
from ..domain.ikm import Recap, Totals, TrendPoint, recap, trend
from ..domain.report import ComplaintFigures, FollowUp, ReportData, Signatory
from ..domain.response_input import EDUCATION, OCCUPATION
from ..domain.skm_period import SkmPeriod
from .access import ensure_org_admin
from .complaints import period_figures
from .context import SurveyContext


@dataclass
class RecapView:
    period: SkmPeriod
    org: dict
    recap: Recap
    demographics: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    channels: dict[str, int] = field(default_factory=dict)
    suggestions: list[str] = field(default_factory=list)
    trend: list[TrendPoint] = field(default_factory=list)
    complaints: ComplaintFigures | None = None


async def org_settings(s, org_id: uuid.UUID) -> dict:
    row = (await s.execute(select(organisations).where(organisations.c.org_id == org_id))).mappings().first()
    return dict(row) if row else {"org_id": org_id, "name": "", "parent": "", "place": "", "period_months": 6,
                                  "signatory_position": "", "signatory_name": "", "signatory_nip": ""}


async def recap_only(ctx: SurveyContext, period_id: uuid.UUID, training_id: uuid.UUID | None = None) -> Recap:
    """Just the numbers (the benchmark's and the public page's path)."""
    async with ctx.sessionmaker() as s:
        return recap(await recap_sql.totals(s, period_id, training_id))


async def period_recap(ctx: SurveyContext, claims: Claims | None, period_id: uuid.UUID,
                       training_id: uuid.UUID | None = None) -> RecapView:
    """Everything the recap page and the report show; admins of the organisation only."""
    async with ctx.uow() as uow:
        period = await uow.periods.get(period_id)
        if claims is not None:
            ensure_org_admin(claims, period.org_id)
        s = uow.session
        org = await org_settings(s, period.org_id)
        totals, demographics, channels = await recap_sql.profile(s, period_id, training_id, EDUCATION, OCCUPATION)
        view = RecapView(period=period, org=org, recap=recap(totals), demographics=demographics, channels=channels)
        view.suggestions = await recap_sql.suggestions(s, period_id, training_id)
        previous = await recap_sql.previous_periods(s, period.org_id, period.start)
        by_period = await recap_sql.totals_by_period(s, [pid for pid, _ in previous])
        history = [(name, recap(by_period.get(pid, Totals.empty()))) for pid, name in previous]
        view.trend = trend([*history, (period.name, view.recap)])
        if training_id is None:  # complaints are about the organisation's services, not one training
            view.complaints = ComplaintFigures(**await period_figures(s, period.org_id, period.start, period.end,
                                                                      ctx.clock.now()))
    return view


def report_data(view: RecapView, today) -> ReportData:
    org, p = view.org, view.period
    return ReportData(
        org_name=org["name"] or "Balai Pelatihan KUKM", org_parent=org["parent"], period_name=p.name,
        period_start=p.start, period_end=p.end, population=p.population, recap=view.recap,
        signatory=Signatory(org["signatory_position"] or "Kepala", org["signatory_name"] or "",
                            org["signatory_nip"] or ""),
        place=org["place"] or "", report_date=today, demographics=view.demographics, channels=view.channels,
        suggestions=view.suggestions, trend=view.trend,
        complaints=view.complaints,
        follow_up=[FollowUp(i, r["unsur"], r["program"], r["time"], r["responsible"])
                   for i, r in enumerate(p.follow_up, start=1)])
