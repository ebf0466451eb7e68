"""Pengaduan: filing (public, optionally anonymous), following by link, the organisation's handling
steps, the admin lists with overdue ones, and the period figures of the SKM report (unsur 8)."""
from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from balai_contracts.identity import (
    DEADLINE_COMPLAINT_FOLLOW_UP,
    DEADLINE_COMPLAINT_VERIFICATION,
    ServiceStandardsPublishedV1,
)
from balai_platform.auth import Claims
from balai_platform.clock import WIB
from balai_platform.consumer import EventMeta
from balai_platform.copies import upsert_if_newer
from balai_platform.logging import get_logger

from ..adapters import link_guard
from ..adapters.tables import complaints, org_deadlines, organisations
from ..domain import form_token
from ..domain.complaint import (
    CATEGORIES,
    LAPOR_URL,
    STATUSES,
    Complaint,
    check_evidence,
    follow_hash,
    limit,
    new_follow_token,
    ticket_number,
    validate_complaint,
)
from .access import admin_org, ensure_org_admin
from .context import SurveyContext
from .errors import Conflict, Forbidden, NotFound, TooManyRequests

log = get_logger("complaints")
ORG_NOT_FOUND = "Organisasi tidak ditemukan"
RATE_LIMITED = "Terlalu banyak pengaduan dari jaringan Anda. Coba lagi beberapa saat lagi."
ALREADY_SENT = "Formulir ini sudah terkirim. Muat ulang halaman untuk mengirim pengaduan baru."
EVIDENCE_NOT_FOUND = "Bukti pengaduan tidak ditemukan"


def _token_scope(org_id: uuid.UUID) -> uuid.UUID:
    """The form token's scope: its own id per organisation (never an SKM period's)."""
    return uuid.uuid5(org_id, "pengaduan")


async def _org_name(s: AsyncSession, org_id: uuid.UUID) -> str:
    name = await s.scalar(select(organisations.c.name).where(organisations.c.org_id == org_id,
                                                             organisations.c.name != ""))
    if name is None:
        raise NotFound(ORG_NOT_FOUND)
    return name


def _limits(deadlines) -> list[dict]:
    out = []
    for key in (DEADLINE_COMPLAINT_VERIFICATION, DEADLINE_COMPLAINT_FOLLOW_UP):
        amount, unit = limit(deadlines, key)
        out.append({"key": key, "amount": amount, "unit": unit})
    return out


async def public_form(ctx: SurveyContext, org_id: uuid.UUID) -> dict:
    """What the complaint form needs: the organisation, categories, limits and a fresh form token."""
    async with ctx.uow() as uow:
        name = await _org_name(uow.session, org_id)
        deadlines = await uow.complaints.deadlines(org_id)
    token = form_token.issue(ctx.settings.form_secret, _token_scope(org_id), ctx.clock.now().timestamp())
    return {"org_id": str(org_id), "org_name": name, "form_token": token,
            "categories": [{"key": k, "label": v} for k, v in CATEGORIES.items()],
            "limits": _limits(deadlines), "lapor_url": LAPOR_URL}


async def public_orgs(ctx: SurveyContext) -> dict:
    async with ctx.sessionmaker() as s:
        rows = (await s.execute(select(organisations.c.org_id, organisations.c.name)
                                .where(organisations.c.name != "").order_by(organisations.c.name))).all()
    return {"items": [{"org_id": str(o), "org_name": n} for o, n in rows], "lapor_url": LAPOR_URL}


async def file_complaint(ctx: SurveyContext, claims: Claims | None, org_id: uuid.UUID, raw: dict,
                         evidence: bytes | None, ip: str) -> dict:
    """Anyone files a complaint (anonymously if they wish); returns the ticket and the follow token once."""
    settings, now = ctx.settings, ctx.clock.now()
    async with ctx.sessionmaker() as s, s.begin():  # counted even when the complaint is refused below
        hits = await link_guard.hit(s, "pengaduan:" + ip, now)
    if hits > settings.complaint_rate_per_minute:
        raise TooManyRequests(RATE_LIMITED, retry_after=60)
    nonce = form_token.check(settings.form_secret, str(raw.get("form_token") or ""), _token_scope(org_id),
                             now.timestamp(), min_fill_seconds=settings.complaint_min_fill_seconds,
                             ttl_seconds=settings.form_token_ttl_seconds,
                             honeypot=str(raw.get(form_token.HONEYPOT_FIELD) or ""))
    data = validate_complaint(raw)
    checked = check_evidence(evidence)
    participant = _participant_or_none(claims)
    token = new_follow_token()
    async with ctx.uow() as uow:
        await _org_name(uow.session, org_id)
        if not await link_guard.use_nonce(uow.session, nonce, now):
            raise Conflict(ALREADY_SENT)
        deadlines = await uow.complaints.deadlines(org_id)
        year = now.astimezone(WIB).year
        ticket = ticket_number(year, await uow.complaints.next_seq(year))
        complaint = Complaint.file(org_id, ticket, token, data, participant, checked, now, deadlines)
        await uow.complaints.add(complaint)
        await uow.commit()
    log.info("complaint_filed", complaint_id=str(complaint.id), org_id=str(org_id), anonymous=data.anonymous)
    return {"ticket": ticket, "follow_token": token, "status": complaint.status,
            "verify_due": complaint.verify_due}


def _participant_or_none(claims: Claims | None) -> uuid.UUID | None:
    if claims is None or claims.is_admin:
        return None
    try:
        return uuid.UUID(claims.sub)
    except ValueError:
        return None


def _view(c: Complaint, org_name: str, now: datetime, *, admin: bool) -> dict:
    out = {"id": str(c.id), "ticket": c.ticket, "org_id": str(c.org_id), "org_name": org_name,
           "service": c.service, "category": c.category, "category_label": CATEGORIES.get(c.category, c.category),
           "description": c.description, "anonymous": c.anonymous, "status": c.status,
           "status_label": STATUSES[c.status], "submitted_at": c.submitted_at, "verify_due": c.verify_due,
           "verified_at": c.verified_at, "verification_note": c.verification_note, "answer_due": c.answer_due,
           "answered_at": c.answered_at, "answer": c.answer, "follow_up": c.follow_up, "closed_at": c.closed_at,
           "closing_note": c.closing_note, "has_evidence": c.evidence is not None,
           "evidence_type": c.evidence_type, "overdue": c.overdue(now), "lapor_url": LAPOR_URL}
    if admin:
        out.update(name=c.name, contact=c.contact)
    return out


async def follow(ctx: SurveyContext, token: str) -> dict:
    """The follow page: anyone holding the link sees the complaint and its steps (never the name or contact)."""
    async with ctx.uow() as uow:
        c = await uow.complaints.by_follow_hash(follow_hash(token))
        name = await _org_name(uow.session, c.org_id)
    return _view(c, name, ctx.clock.now(), admin=False)


def _evidence(c: Complaint) -> tuple[bytes, str]:
    if c.evidence is None:
        raise NotFound(EVIDENCE_NOT_FOUND)
    return c.evidence, c.evidence_type or "application/octet-stream"


async def follow_evidence(ctx: SurveyContext, token: str) -> tuple[bytes, str]:
    async with ctx.uow() as uow:
        c = await uow.complaints.by_follow_hash(follow_hash(token))
    return _evidence(c)


async def my_complaints(ctx: SurveyContext, claims: Claims, page: int, per_page: int) -> dict:
    """A logged-in complainant's own (not anonymous) complaints, newest first."""
    participant = _participant_or_none(claims)
    if participant is None:
        raise Forbidden("Halaman ini untuk peserta")
    where = complaints.c.participant_id == participant
    return await _page(ctx, where, page, per_page, admin=False)


async def my_complaint(ctx: SurveyContext, claims: Claims, complaint_id: uuid.UUID) -> dict:
    participant = _participant_or_none(claims)
    async with ctx.uow() as uow:
        c = await uow.complaints.get(complaint_id)
        if participant is None or c.participant_id != participant:
            raise NotFound("Pengaduan tidak ditemukan")
        name = await _org_name(uow.session, c.org_id)
    return _view(c, name, ctx.clock.now(), admin=False)


_LIST_COLUMNS = (complaints.c.id, complaints.c.ticket, complaints.c.org_id, complaints.c.service,
                 complaints.c.category, complaints.c.status, complaints.c.anonymous, complaints.c.submitted_at,
                 complaints.c.verify_due, complaints.c.answer_due, complaints.c.closed_at, organisations.c.name)


def _overdue_clause(now: datetime):
    return or_(and_(complaints.c.status == "received", complaints.c.verify_due < now),
               and_(complaints.c.status == "verified", complaints.c.answer_due < now))


async def _page(ctx: SurveyContext, where, page: int, per_page: int, *, admin: bool) -> dict:
    now = ctx.clock.now()
    async with ctx.sessionmaker() as s:
        total = await s.scalar(select(func.count()).select_from(complaints).where(where))
        rows = (await s.execute(select(*_LIST_COLUMNS, _overdue_clause(now).label("overdue")).select_from(
            complaints.join(organisations, organisations.c.org_id == complaints.c.org_id)).where(where)
            .order_by(complaints.c.submitted_at.desc(), complaints.c.id)
            .offset((page - 1) * per_page).limit(per_page))).mappings().all()
    items = [{"id": str(r["id"]), "ticket": r["ticket"], "org_id": str(r["org_id"]), "org_name": r["name"],
              "service": r["service"], "category": r["category"],
              "category_label": CATEGORIES.get(r["category"], r["category"]), "status": r["status"],
              "status_label": STATUSES[r["status"]], "anonymous": r["anonymous"], "submitted_at": r["submitted_at"],
              "due": r["verify_due"] if r["status"] == "received" else r["answer_due"] if r["status"] == "verified"
              else None, "overdue": bool(r["overdue"])} for r in rows]
    return {"items": items, "total": int(total or 0), "page": page, "per_page": per_page}


async def admin_list(ctx: SurveyContext, claims: Claims, org_id: uuid.UUID | None, status: str | None,
                     overdue_only: bool, page: int, per_page: int) -> dict:
    org = admin_org(claims, org_id)
    clauses = []
    if org is not None:
        clauses.append(complaints.c.org_id == org)
    if status:
        clauses.append(complaints.c.status == status)
    if overdue_only:
        clauses.append(_overdue_clause(ctx.clock.now()))
    return await _page(ctx, and_(True, *clauses), page, per_page, admin=True)


async def admin_summary(ctx: SurveyContext, claims: Claims, org_id: uuid.UUID | None) -> dict:
    """The dashboard tile: open complaints and the overdue ones."""
    org = admin_org(claims, org_id)
    now = ctx.clock.now()
    scope = complaints.c.org_id == org if org is not None else True
    async with ctx.sessionmaker() as s:
        row = (await s.execute(select(
            func.count().filter(complaints.c.status == "received"),
            func.count().filter(complaints.c.status == "verified"),
            func.count().filter(_overdue_clause(now))).where(scope))).one()
    return {"waiting_verification": row[0], "waiting_answer": row[1], "overdue": row[2]}


async def admin_get(ctx: SurveyContext, claims: Claims, complaint_id: uuid.UUID) -> dict:
    async with ctx.uow() as uow:
        c = await uow.complaints.get(complaint_id)
        ensure_org_admin(claims, c.org_id)
        name = await _org_name(uow.session, c.org_id)
    return _view(c, name, ctx.clock.now(), admin=True)


async def admin_evidence(ctx: SurveyContext, claims: Claims, complaint_id: uuid.UUID) -> tuple[bytes, str]:
    async with ctx.uow() as uow:
        c = await uow.complaints.get(complaint_id)
        ensure_org_admin(claims, c.org_id)
    return _evidence(c)


async def handle_step(ctx: SurveyContext, claims: Claims, complaint_id: uuid.UUID, step: str, raw: dict) -> dict:
    """verify | answer | close, by the complaint's organisation (row locked: one step at a time)."""
    now = ctx.clock.now()
    async with ctx.uow() as uow:
        c = await uow.complaints.get(complaint_id, lock=True)
        ensure_org_admin(claims, c.org_id)
        if step == "verify":
            c.verify(raw, now, await uow.complaints.deadlines(c.org_id))
        elif step == "answer":
            c.respond(raw, now)
        else:
            c.close(raw, now)
        await uow.complaints.save(c)
        name = await _org_name(uow.session, c.org_id)
        await uow.commit()
    log.info("complaint_step", complaint_id=str(complaint_id), step=step)
    return _view(c, name, now, admin=True)


async def period_figures(s: AsyncSession, org_id: uuid.UUID, start: date, end: date, now: datetime) -> dict:
    """Complaints of a period (submitted from `start` to `end`, WIB days) for the SKM report next to
    unsur 8: received, verified, answered, closed (each counted once it reached that step) and overdue."""
    lo = datetime.combine(start, time(), WIB)
    hi = datetime.combine(end + timedelta(days=1), time(), WIB)
    row = (await s.execute(select(
        func.count(),
        func.count().filter(complaints.c.verified_at.is_not(None)),
        func.count().filter(complaints.c.answered_at.is_not(None)),
        func.count().filter(complaints.c.closed_at.is_not(None)),
        func.count().filter(_overdue_clause(now)),
    ).where(complaints.c.org_id == org_id, complaints.c.submitted_at >= lo, complaints.c.submitted_at < hi))).one()
    return dict(received=row[0], verified=row[1], answered=row[2], closed=row[3], overdue=row[4])


async def on_service_standards_published(s: AsyncSession, event: ServiceStandardsPublishedV1,
                                         meta: EventMeta) -> None:
    """Keep the organisation's complaint limits (the latest publication wins; an older replay changes nothing)."""
    deadlines = {d.key: {"amount": d.amount, "unit": d.unit} for d in event.deadlines}
    written = await upsert_if_newer(s, org_deadlines, dict(org_id=event.org_id, org_code=event.org_code,
                                                           deadlines=deadlines, published_at=event.published_at),
                                    key="org_id", version="published_at")
    log.info("service_standards_copied", org_id=str(event.org_id), written=written)
