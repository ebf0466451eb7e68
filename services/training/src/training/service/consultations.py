"""Konsultasi pasca pelatihan: an alumnus asks, the organisation answers in a thread (optionally
through a second admin's review), against the organisation's first-answer target.

Writes: load the consultation FOR UPDATE through the unit of work, call the aggregate, save, commit.
Reads: plain queries of the columns the pages show."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, select
from sqlalchemy.dialects.postgresql import insert

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..adapters.tables import enrollments, participants, trainings
from ..adapters.tables_consultation import (
    consultation_files,
    consultation_messages,
    consultation_settings,
    consultations,
)
from ..domain import consultation as dc
from ..domain.consultation import Consultation
from ..domain.deadlines import DEADLINE_CONSULTATION_ANSWER, limit_of
from ..domain.material import CheckedMaterial, MaterialError, check_material
from .access import org_scope, require_org, require_participant
from .context import TrainingContext
from .deadlines import limit_for
from .errors import Forbidden, InvalidInput, NotFound
from .views import display_title

log = get_logger("consultations")
NOT_FOUND = "Konsultasi tidak ditemukan"


def checked_files(uploads: list[tuple[str | None, bytes]]) -> list[CheckedMaterial]:
    """Attachments judged by content (PDF, JPEG, PNG; at most 3 MB each, at most 3)."""
    if len(uploads) > dc.MAX_FILES:
        raise InvalidInput({"files": dc.MSG_TOO_MANY_FILES}, dc.MSG_TOO_MANY_FILES)
    out = []
    for name, data in uploads:
        try:
            out.append(check_material(data, name))
        except MaterialError as exc:
            message = _as_attachment(exc.message)
            raise InvalidInput({"files": message}, message) from None
    return out


def _as_attachment(message: str) -> str:
    """The material checks' words for an attachment: "Lampiran harus berupa PDF, JPG atau PNG"."""
    return message.replace("Berkas materi", "Lampiran").replace("materi", "lampiran").replace("Materi", "Lampiran")


# -- participant ---------------------------------------------------------------------------------

async def open_consultation(ctx: TrainingContext, claims: Claims, training_id: uuid.UUID, topic: str, question: str,
                            uploads: list[tuple[str | None, bytes]]) -> dict:
    """An alumnus of the training asks; the first answer is due by the organisation's target."""
    me = require_participant(claims)
    files = checked_files(uploads)
    async with ctx.uow() as uow:
        alumnus = await uow.consultations.alumnus(me, training_id)
        if alumnus is None:
            raise Forbidden(dc.MSG_NOT_ALUMNUS)
        limit = limit_of(await uow.consultations.deadlines(alumnus.org_id), DEADLINE_CONSULTATION_ANSWER)
        c = Consultation.open(alumnus, me, topic, question, files, limit, ctx.now())
        await uow.consultations.add(c)
        await uow.commit()
    log.info("consultation_opened", consultation_id=str(c.id), training_id=str(training_id), files=len(files))
    return dict(id=str(c.id), status=c.status, due_at=c.due_at.isoformat())


async def participant_post(ctx: TrainingContext, claims: Claims, consultation_id: uuid.UUID, body: str,
                           uploads: list[tuple[str | None, bytes]]) -> dict:
    me = require_participant(claims)
    files = checked_files(uploads)
    async with ctx.uow() as uow:
        c = await _get(uow, consultation_id)
        c.ensure_owner(me)
        m = c.ask_again(me, body, files, ctx.now())
        await uow.consultations.save(c)
        await uow.commit()
    log.info("consultation_message", consultation_id=str(c.id), author="participant")
    return dict(id=str(c.id), message_id=str(m.id), status=c.status, state=m.state)


async def participant_close(ctx: TrainingContext, claims: Claims, consultation_id: uuid.UUID) -> dict:
    me = require_participant(claims)
    async with ctx.uow() as uow:
        c = await _get(uow, consultation_id)
        c.ensure_owner(me)
        c.close(ctx.now())
        await uow.consultations.save(c)
        await uow.commit()
    return dict(id=str(c.id), status=c.status, state="")


# -- admin ---------------------------------------------------------------------------------------

async def answer(ctx: TrainingContext, claims: Claims, consultation_id: uuid.UUID, body: str,
                 uploads: list[tuple[str | None, bytes]]) -> dict:
    """An admin of the organisation answers: a draft when the organisation wants a reviewer step."""
    files = checked_files(uploads)
    async with ctx.uow() as uow:
        c = await _get(uow, consultation_id)
        require_org(claims, c.org_id)
        review = await uow.consultations.review_required(c.org_id)
        m = c.answer(uuid.UUID(claims.sub), body, files, review_required=review, at=ctx.now())
        await uow.consultations.save(c)
        await uow.commit()
    log.info("consultation_message", consultation_id=str(c.id), author="admin", state=m.state)
    return dict(id=str(c.id), message_id=str(m.id), status=c.status, state=m.state)


async def review(ctx: TrainingContext, claims: Claims, consultation_id: uuid.UUID, message_id: uuid.UUID, *,
                 approve: bool, note: str) -> dict:
    """A second admin approves a draft answer (published now) or returns it with a note."""
    async with ctx.uow() as uow:
        c = await _get(uow, consultation_id)
        require_org(claims, c.org_id)
        m = c.review(uuid.UUID(claims.sub), message_id, approve=approve, note=note, at=ctx.now())
        await uow.consultations.save(c)
        await uow.commit()
    log.info("consultation_reviewed", consultation_id=str(c.id), approved=approve)
    return dict(id=str(c.id), message_id=str(m.id), status=c.status, state=m.state)


async def admin_close(ctx: TrainingContext, claims: Claims, consultation_id: uuid.UUID) -> dict:
    async with ctx.uow() as uow:
        c = await _get(uow, consultation_id)
        require_org(claims, c.org_id)
        c.close(ctx.now())
        await uow.consultations.save(c)
        await uow.commit()
    return dict(id=str(c.id), status=c.status, state="")


async def _get(uow, consultation_id: uuid.UUID) -> Consultation:
    c = await uow.consultations.get(consultation_id, lock=True)
    if c is None:
        raise NotFound(NOT_FOUND)
    return c


# -- settings ------------------------------------------------------------------------------------

def _settings_org(claims: Claims, org_id: uuid.UUID | None) -> uuid.UUID:
    scope = org_scope(claims, org_id)
    if scope is None:
        raise InvalidInput({"org_id": "Pilih organisasi"})
    return scope


async def settings(ctx: TrainingContext, claims: Claims, org_id: uuid.UUID | None) -> dict:
    """The organisation's reviewer setting and its first-answer target."""
    org = _settings_org(claims, org_id)
    async with ctx.uow() as uow:
        review_required = await uow.consultations.review_required(org)
        limit = limit_of(await uow.consultations.deadlines(org), DEADLINE_CONSULTATION_ANSWER)
    return dict(org_id=str(org), review_required=review_required, target_amount=limit.amount,
                target_unit=limit.unit, target_label=limit.label)


async def set_review(ctx: TrainingContext, claims: Claims, org_id: uuid.UUID | None, review_required: bool) -> dict:
    org = _settings_org(claims, org_id)
    async with ctx.sessionmaker() as s, s.begin():
        stmt = insert(consultation_settings).values(org_id=org, review_required=review_required,
                                                    updated_by=uuid.UUID(claims.sub), updated_at=ctx.now())
        await s.execute(stmt.on_conflict_do_update(index_elements=["org_id"], set_=dict(
            review_required=stmt.excluded.review_required, updated_by=stmt.excluded.updated_by,
            updated_at=stmt.excluded.updated_at)))
    log.info("consultation_review_setting", org_id=str(org), review_required=review_required)
    return await settings(ctx, claims, org)


# -- reads ---------------------------------------------------------------------------------------

_LIST_COLS = (consultations.c.id, consultations.c.org_id, consultations.c.training_id, consultations.c.topic,
              consultations.c.status, consultations.c.opened_at, consultations.c.due_at,
              consultations.c.first_answered_at, consultations.c.closed_at, consultations.c.updated_at,
              trainings.c.title, trainings.c.batch)


def _item(r, now: datetime, drafts: int = 0) -> dict:
    overdue = dc.is_overdue(r["first_answered_at"], r["status"], r["due_at"], now)
    return dict(id=str(r["id"]), training_id=str(r["training_id"]), training_title=display_title(r),
                topic=r["topic"], status=r["status"], status_label=dc.STATUS_LABELS[r["status"]],
                opened_at=r["opened_at"].isoformat(), due_at=r["due_at"].isoformat(),
                first_answered_at=r["first_answered_at"].isoformat() if r["first_answered_at"] else None,
                closed_at=r["closed_at"].isoformat() if r["closed_at"] else None,
                updated_at=r["updated_at"].isoformat(), overdue=overdue, drafts=drafts)


def _late(now: datetime):
    """Past the target without a first answer, as SQL (`Consultation.overdue`)."""
    return and_(consultations.c.first_answered_at.is_(None), consultations.c.status != dc.CLOSED,
                consultations.c.due_at < now)


def _drafts_col():
    return (select(func.count()).where(consultation_messages.c.consultation_id == consultations.c.id,
                                       consultation_messages.c.state == dc.DRAFT)
            .correlate(consultations).scalar_subquery().label("drafts"))


async def eligible(ctx: TrainingContext, claims: Claims) -> dict:
    """The trainings the participant completed: the topics a consultation can be tied to."""
    me = require_participant(claims)
    async with ctx.sessionmaker() as s:
        rows = (await s.execute(
            select(trainings.c.id, trainings.c.title, trainings.c.batch, trainings.c.end_date)
            .join(enrollments, enrollments.c.training_id == trainings.c.id)
            .where(enrollments.c.participant_id == me, enrollments.c.status == "completed")
            .distinct().order_by(trainings.c.end_date.desc(), trainings.c.id).limit(200))).mappings().all()
    return dict(items=[dict(id=str(r["id"]), title=display_title(r), end_date=r["end_date"].isoformat())
                       for r in rows])


async def mine(ctx: TrainingContext, claims: Claims, *, page: int, per_page: int) -> dict:
    me = require_participant(claims)
    where = consultations.c.participant_id == me
    stmt = (select(*_LIST_COLS).join(trainings, trainings.c.id == consultations.c.training_id).where(where))
    async with ctx.sessionmaker() as s:
        total = await s.scalar(select(func.count()).select_from(consultations).where(where))
        rows = (await s.execute(stmt.order_by(consultations.c.updated_at.desc(), consultations.c.id)
                                .limit(per_page).offset((page - 1) * per_page))).mappings().all()
    now = ctx.now()
    return dict(items=[_item(r, now) for r in rows], total=total, page=page, per_page=per_page)


async def admin_list(ctx: TrainingContext, claims: Claims, *, org_id: uuid.UUID | None, status: str | None,
                     overdue_only: bool, training_id: uuid.UUID | None, needs_review: bool, page: int,
                     per_page: int) -> dict:
    """The organisation's consultations: unanswered first by due time, then the most recently active."""
    scope = org_scope(claims, org_id)
    now = ctx.now()
    base = [] if scope is None else [consultations.c.org_id == scope]
    where = list(base)
    if status:
        where.append(consultations.c.status == status)
    if training_id is not None:
        where.append(consultations.c.training_id == training_id)
    late = _late(now)
    if overdue_only:
        where.append(late)
    drafts = _drafts_col()
    if needs_review:
        where.append(drafts > 0)
    stmt = (select(*_LIST_COLS, drafts, participants.c.full_name)
            .join(trainings, trainings.c.id == consultations.c.training_id)
            .outerjoin(participants, participants.c.participant_id == consultations.c.participant_id)
            .where(and_(True, *where)))
    unanswered_first = and_(consultations.c.first_answered_at.is_(None), consultations.c.status != dc.CLOSED)
    async with ctx.sessionmaker() as s:
        total = await s.scalar(select(func.count()).select_from(stmt.subquery()))
        rows = (await s.execute(stmt.order_by(unanswered_first.desc(), consultations.c.due_at,
                                              consultations.c.updated_at.desc(), consultations.c.id)
                                .limit(per_page).offset((page - 1) * per_page))).mappings().all()
        counts = (await s.execute(select(
            func.count().filter(consultations.c.status == dc.WAITING),
            func.count().filter(late)).where(and_(True, *base)))).one()
        limit = await limit_for(s, scope, DEADLINE_CONSULTATION_ANSWER)
        per_training = (await s.execute(
            select(trainings.c.id, trainings.c.title, trainings.c.batch, func.count())
            .join(consultations, consultations.c.training_id == trainings.c.id).where(and_(True, *base))
            .group_by(trainings.c.id).order_by(trainings.c.title, trainings.c.batch).limit(200))).all()
    items = [_item(r, now, r["drafts"]) | dict(participant_name=r["full_name"] or "") for r in rows]
    return dict(items=items, total=total, page=page, per_page=per_page, waiting=counts[0], overdue=counts[1],
                target_label=limit.label,
                trainings=[dict(id=str(tid), title=display_title({"title": t, "batch": b}), count=n)
                           for tid, t, b, n in per_training])


async def admin_summary(ctx: TrainingContext, claims: Claims, *, org_id: uuid.UUID | None) -> dict:
    """The dashboard tile: waiting, overdue against the target, drafts waiting for review."""
    scope = org_scope(claims, org_id)
    now = ctx.now()
    base = [] if scope is None else [consultations.c.org_id == scope]
    late = _late(now)
    async with ctx.sessionmaker() as s:
        waiting, overdue = (await s.execute(select(
            func.count().filter(consultations.c.status == dc.WAITING), func.count().filter(late))
            .where(and_(True, *base)))).one()
        drafts = await s.scalar(select(func.count()).select_from(consultation_messages.join(
            consultations, consultations.c.id == consultation_messages.c.consultation_id))
            .where(consultation_messages.c.state == dc.DRAFT, *base))
        limit = await limit_for(s, scope, DEADLINE_CONSULTATION_ANSWER)
    return dict(waiting=waiting, overdue=overdue, drafts=drafts, target_label=limit.label)


async def detail(ctx: TrainingContext, claims: Claims, consultation_id: uuid.UUID) -> dict:
    """The thread: a participant sees their own (published messages); an admin their organisation's."""
    async with ctx.uow() as uow:
        c = await uow.consultations.get(consultation_id)
        if c is None:
            raise NotFound(NOT_FOUND)
        if claims.is_admin:
            require_org(claims, c.org_id)
        else:
            c.ensure_owner(require_participant(claims))
        t, name = await uow.consultations.labels(c)
        review = await uow.consultations.review_required(c.org_id) if claims.is_admin else False
        limit = limit_of(await uow.consultations.deadlines(c.org_id), DEADLINE_CONSULTATION_ANSWER)
    admin = claims.is_admin
    now = ctx.now()
    messages = [dict(id=str(m.id), author=m.author, body=m.body, state=m.state, created_at=m.created_at.isoformat(),
                     published_at=m.published_at.isoformat() if m.published_at else None,
                     mine=str(m.author_id) == claims.sub,
                     review_note=m.review_note if admin else "",
                     files=[dict(id=str(f), url=ctx.url(f"/consultations/{c.id}/files/{f}")) for f in m.file_ids])
                for m in c.visible(admin=admin)]
    return dict(id=str(c.id), org_id=str(c.org_id), training_id=str(c.training_id),
                training_title=display_title(t), topic=c.topic, status=c.status,
                status_label=dc.STATUS_LABELS[c.status], opened_at=c.opened_at.isoformat(),
                due_at=c.due_at.isoformat(), target_label=limit.label,
                first_answered_at=c.first_answered_at.isoformat() if c.first_answered_at else None,
                closed_at=c.closed_at.isoformat() if c.closed_at else None, overdue=c.overdue(now),
                participant_name=(name or "") if admin else "", review_required=review, drafts=c.drafts,
                messages=messages)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    etag: str
    data: bytes


async def attachment(ctx: TrainingContext, claims: Claims, consultation_id: uuid.UUID, file_id: uuid.UUID
                     ) -> Attachment:
    """A file of a message the caller may see (a participant: their own thread's published messages)."""
    async with ctx.sessionmaker() as s:
        r = (await s.execute(
            select(consultation_files.c.filename, consultation_files.c.content_type, consultation_files.c.etag,
                   consultation_files.c.data, consultations.c.org_id, consultations.c.participant_id,
                   consultation_messages.c.state)
            .join(consultations, consultations.c.id == consultation_files.c.consultation_id)
            .join(consultation_messages, consultation_messages.c.id == consultation_files.c.message_id)
            .where(consultation_files.c.id == file_id, consultation_files.c.consultation_id == consultation_id))
             ).mappings().first()
    if r is None:
        raise NotFound("Lampiran tidak ditemukan")
    if claims.is_admin:
        require_org(claims, r["org_id"])
    elif require_participant(claims) != r["participant_id"] or r["state"] != dc.PUBLISHED:
        raise NotFound("Lampiran tidak ditemukan")
    return Attachment(filename=r["filename"], content_type=r["content_type"], etag=r["etag"], data=r["data"])
