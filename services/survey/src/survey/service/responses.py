"""Submitting the SKM: online by an invited participant, by the public link/QR, on paper by an admin."""
from __future__ import annotations

import uuid

from sqlalchemy import select

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..adapters import link_guard
from ..adapters.tables import organisations
from ..domain import form_token
from ..domain.response import Channel, Response
from ..domain.response_input import ResponseInput, validate_response
from ..domain.skm_period import SkmPeriod
from .access import ensure_org_admin, participant_of
from .context import SurveyContext
from .errors import Conflict, InvalidInput, NotFound, TooManyRequests
from .participation import respondent_choices

log = get_logger("survey.responses")
RATE_LIMITED = "Terlalu banyak pengiriman dari jaringan ini. Coba lagi sebentar lagi."
ALREADY_SENT = "Formulir ini sudah dikirim. Terima kasih atas partisipasi Anda."
SHEET_REFUSED = "Berkas ditolak, tidak ada jawaban yang disimpan. Perbaiki baris yang disebutkan lalu unggah lagi."
ORG_NOT_FOUND = "Survei organisasi ini tidak ditemukan"


def _response(period: SkmPeriod, channel: Channel, answers: ResponseInput, ctx: SurveyContext, **ids) -> Response:
    return Response.submit(org_id=period.org_id, period_id=period.id, period_start=period.start,
                           period_end=period.end, channel=channel, answers=answers, at=ctx.clock.now(), **ids)


async def submit_online(ctx: SurveyContext, claims: Claims, invitation_id: uuid.UUID, raw: dict) -> dict:
    """An invited participant answers the SKM once; emits SurveySubmitted."""
    participant_id = participant_of(claims)
    answers = validate_response(raw)
    async with ctx.uow() as uow:
        inv = await uow.invitations.get(invitation_id, participant_id, lock=True)
        inv.answer(ctx.clock.now())
        period = await uow.periods.get(inv.period_id)
        resp = _response(period, "online", answers, ctx, participant_id=participant_id, training_id=inv.training_id)
        await uow.responses.add(resp)
        await uow.invitations.save(inv)
        await uow.commit()
    log.info("survey_submitted", channel="online", period_id=str(period.id))
    return {"response_id": str(resp.id), "period_name": period.name}


async def submit_link(ctx: SurveyContext, org_id: uuid.UUID, raw: dict, ip: str) -> dict:
    """A walk-in respondent answers through the public link/QR; emits SurveySubmitted.

    Anti-spam without blocking a crowd on one wifi: a generous per-IP rate, a signed single-use form
    token with a time-to-fill check and a honeypot (domain/form_token.py)."""
    settings, now = ctx.settings, ctx.clock.now()
    async with ctx.sessionmaker() as s, s.begin():  # counted even when the answer is refused below
        hits = await link_guard.hit(s, ip, now)
    if hits > settings.link_rate_per_minute:
        raise TooManyRequests(RATE_LIMITED, retry_after=60)
    period = await public_period(ctx, org_id)
    nonce = form_token.check(settings.form_secret, str(raw.get("form_token") or ""), period.id, now.timestamp(),
                             min_fill_seconds=settings.min_fill_seconds, ttl_seconds=settings.form_token_ttl_seconds,
                             honeypot=str(raw.get(form_token.HONEYPOT_FIELD) or ""))
    answers = validate_response(raw)
    async with ctx.uow() as uow:
        if not await link_guard.use_nonce(uow.session, nonce, now):
            raise Conflict(ALREADY_SENT)
        resp = _response(period, "link", answers, ctx)
        await uow.responses.add(resp)
        await uow.commit()
    log.info("survey_submitted", channel="link", period_id=str(period.id))
    return {"response_id": str(resp.id), "period_name": period.name}


async def public_period(ctx: SurveyContext, org_id: uuid.UUID) -> SkmPeriod:
    """The current period of a known organisation (the public link never creates organisations)."""
    async with ctx.uow() as uow:
        if await uow.session.scalar(select(organisations.c.org_id).where(organisations.c.org_id == org_id)) is None:
            raise NotFound(ORG_NOT_FOUND)
        period = await uow.periods.current(org_id, ctx.clock.today())
        await uow.commit()
    return period


async def public_form(ctx: SurveyContext, org_id: uuid.UUID) -> dict:
    """The questionnaire of the public link with a fresh form token."""
    period = await public_period(ctx, org_id)
    async with ctx.sessionmaker() as s:
        org_name = await s.scalar(select(organisations.c.name).where(organisations.c.org_id == org_id))
    token = form_token.issue(ctx.settings.form_secret, period.id, ctx.clock.now().timestamp())
    return {"period_id": str(period.id), "period_name": period.name, "org_name": org_name, "content": period.content.to_dict(),
            "form_token": token, "min_fill_seconds": ctx.settings.min_fill_seconds,
            "choices": respondent_choices()}


async def submit_paper(ctx: SurveyContext, claims: Claims, period_id: uuid.UUID, raw: dict) -> dict:
    """An admin types in one paper form (SOP steps 9-10); emits SurveySubmitted."""
    answers = validate_response(raw)
    async with ctx.uow() as uow:
        period = await uow.periods.get(period_id)
        ensure_org_admin(claims, period.org_id)
        resp = _response(period, "paper", answers, ctx)
        await uow.responses.add(resp)
        await uow.commit()
    log.info("survey_submitted", channel="paper", period_id=str(period_id))
    return {"response_id": str(resp.id), "period_name": period.name}


async def import_paper(ctx: SurveyContext, claims: Claims, period_id: uuid.UUID, data: bytes, filename: str) -> dict:
    """Many paper forms from a spreadsheet: every row valid or nothing stored (SheetErrors lists the rows)."""
    from ..adapters.spreadsheets import SheetErrors, parse_paper_sheet

    async with ctx.uow() as uow:
        period = await uow.periods.get(period_id)
        ensure_org_admin(claims, period.org_id)
        if not data:
            raise InvalidInput({"file": "Pilih berkas XLSX atau CSV dari templat"})
        try:
            rows = parse_paper_sheet(data, filename)
        except SheetErrors as exc:
            bad = getattr(exc, "rows", None) or exc.args[0]
            raise InvalidInput({(f"baris {n}" if n else "berkas"): msg for n, msg in bad}, SHEET_REFUSED) from None
        items = [_response(period, "paper", row, ctx) for row in rows]
        await uow.responses.add_many(items)
        await uow.commit()
    log.info("survey_paper_imported", period_id=str(period_id), rows=len(items))
    return {"imported": len(items), "period_name": period.name}
