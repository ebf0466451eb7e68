"""Admin work on SKM periods: the list, the questionnaire text, population, follow-up plan, signed scan."""
from __future__ import annotations

import uuid

from sqlalchemy import func, select, update

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..adapters.tables import invitations, organisations, periods, responses
from ..domain.questionnaire import UNSUR, QuestionnaireContent
from ..domain.skm_period import SkmPeriod
from .access import admin_org, ensure_org_admin
from .context import SurveyContext
from .errors import InvalidInput, NotFound
from .participation import respondent_choices
from .recap import org_settings

log = get_logger("survey.periods")
ORG_FIELDS = {"name": 150, "parent": 150, "place": 60, "signatory_position": 120, "signatory_name": 100,
              "signatory_nip": 30}
NO_SCAN = "Belum ada laporan bertanda tangan untuk periode ini"


def period_public(p: SkmPeriod, n: int | None = None) -> dict:
    return {"id": str(p.id), "org_id": str(p.org_id), "name": p.name, "start": p.start.isoformat(),
            "end": p.end.isoformat(), "population": p.population, "content": p.content.to_dict(),
            "follow_up": p.follow_up, "signed_at": p.signed_at, "responses": n,
            "choices": respondent_choices(), "unsur": list(UNSUR)}


async def list_periods(ctx: SurveyContext, claims: Claims, org_id: uuid.UUID | None) -> dict:
    """The organisation's periods, newest first (the current one is created when missing)."""
    org = admin_org(claims, org_id)
    if org is None:
        raise InvalidInput({"org_id": "Pilih organisasi"})
    async with ctx.uow() as uow:
        current = await uow.periods.current(org, ctx.clock.today())
        await uow.commit()
    async with ctx.sessionmaker() as s:
        counts = select(responses.c.period_id, func.count().label("n")).group_by(responses.c.period_id).subquery()
        rows = (await s.execute(
            select(periods.c.id, periods.c.name, periods.c.start_date, periods.c.end_date, periods.c.signed_at,
                   func.coalesce(counts.c.n, 0).label("n"))
            .outerjoin(counts, counts.c.period_id == periods.c.id)
            .where(periods.c.org_id == org).order_by(periods.c.start_date.desc()))).mappings().all()
    return {"current_id": str(current.id), "org_id": str(org), "items": [
        {"id": str(r["id"]), "name": r["name"], "start": r["start_date"].isoformat(), "end": r["end_date"].isoformat(),
         "responses": r["n"], "signed": r["signed_at"] is not None} for r in rows]}


async def get_period(ctx: SurveyContext, claims: Claims, period_id: uuid.UUID) -> dict:
    async with ctx.uow() as uow:
        period = await uow.periods.get(period_id)
        ensure_org_admin(claims, period.org_id)
        n = await uow.session.scalar(select(func.count()).where(responses.c.period_id == period_id))
        services = (await uow.session.execute(
            select(invitations.c.training_id, func.max(invitations.c.training_title))
            .where(invitations.c.period_id == period_id, invitations.c.answered_at.is_not(None))
            .group_by(invitations.c.training_id).order_by(func.max(invitations.c.training_title)))).all()
    return {**period_public(period, n), "services": [{"id": str(i), "title": t} for i, t in services]}


async def _edit(ctx: SurveyContext, claims: Claims, period_id: uuid.UUID, change) -> dict:
    async with ctx.uow() as uow:
        period = await uow.periods.get(period_id, lock=True)
        ensure_org_admin(claims, period.org_id)
        change(period)
        await uow.periods.save(period, ctx.clock.now())
        await uow.commit()
    log.info("survey_period_edited", period_id=str(period_id))
    return period_public(period)


async def edit_content(ctx: SurveyContext, claims: Claims, period_id: uuid.UUID, raw: dict) -> dict:
    """Question texts, examples and answer wording of the period; the nine unsur stay."""
    try:
        content = QuestionnaireContent.from_dict(raw)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        raise InvalidInput({"content": "Isi kuesioner tidak lengkap: sembilan unsur, kinerja dan kepentingan"}) from None
    return await _edit(ctx, claims, period_id, lambda p: p.edit_content(content))


async def edit_settings(ctx: SurveyContext, claims: Claims, period_id: uuid.UUID, raw: dict) -> dict:
    return await _edit(ctx, claims, period_id, lambda p: p.set_population(raw.get("population", "")))


async def edit_follow_up(ctx: SurveyContext, claims: Claims, period_id: uuid.UUID, raw: dict) -> dict:
    rows = raw.get("rows")
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise InvalidInput({"rows": "Daftar rencana tindak lanjut tidak valid"})
    return await _edit(ctx, claims, period_id, lambda p: p.set_follow_up(rows))


async def archive_signed(ctx: SurveyContext, claims: Claims, period_id: uuid.UUID, data: bytes, filename: str) -> dict:
    """The signed, scanned report of the period (SOP steps 18-20): a PDF of at most 3 MB, kept per period."""
    async with ctx.uow() as uow:
        period = await uow.periods.get(period_id, lock=True)
        ensure_org_admin(claims, period.org_id)
        period.archive_signed(data, ctx.clock.now())
        await uow.periods.save_scan(period, data, filename or "laporan-skm.pdf")
        await uow.commit()
    log.info("survey_signed_report_archived", period_id=str(period_id), size=len(data))
    return period_public(period)


async def signed_scan(ctx: SurveyContext, claims: Claims, period_id: uuid.UUID) -> tuple[bytes, str]:
    async with ctx.sessionmaker() as s:
        row = (await s.execute(select(periods.c.org_id, periods.c.signed_scan, periods.c.signed_scan_name)
                               .where(periods.c.id == period_id))).first()
    if row is None:
        raise NotFound("Periode SKM tidak ditemukan")
    ensure_org_admin(claims, row[0])
    if row[1] is None:
        raise NotFound(NO_SCAN)
    return row[1], row[2] or "laporan-skm.pdf"


async def get_org(ctx: SurveyContext, claims: Claims, org_id: uuid.UUID | None) -> dict:
    org = admin_org(claims, org_id)
    if org is None:
        raise InvalidInput({"org_id": "Pilih organisasi"})
    async with ctx.sessionmaker() as s, s.begin():
        row = await org_settings(s, org)
    return {k: (str(v) if k == "org_id" else v) for k, v in row.items() if k != "updated_at"}


async def edit_org(ctx: SurveyContext, claims: Claims, org_id: uuid.UUID, raw: dict) -> dict:
    """Names, place, signatory and period length used by the report and the QR sheet."""
    ensure_org_admin(claims, org_id)
    values, errors = {}, {}
    for key, limit in ORG_FIELDS.items():
        text = str(raw.get(key) or "").strip()
        if key == "name" and not text:
            errors[key] = "Nama organisasi wajib diisi"
        elif len(text) > limit:
            errors[key] = f"Maksimal {limit} karakter"
        values[key] = text
    months = str(raw.get("period_months") or "6")
    if months not in {"3", "6", "12"}:
        errors["period_months"] = "Lama periode 3, 6 atau 12 bulan"
    if errors:
        raise InvalidInput(errors)
    async with ctx.uow() as uow:
        await uow.periods.ensure_org(org_id, values["name"])
        await uow.session.execute(update(organisations).where(organisations.c.org_id == org_id).values(
            **values, period_months=int(months), updated_at=ctx.clock.now()))
        await uow.commit()
    return await get_org(ctx, claims, org_id)
