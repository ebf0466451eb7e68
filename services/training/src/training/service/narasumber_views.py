"""Reads of the narasumber pages: plain queries selecting the columns they show.

The applicant sees only their own registrations, letters and schedule; admins only their
organisation's (a superadmin every organisation, or the one chosen)."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Select, String, cast, func, or_, select
from sqlalchemy.dialects.postgresql import insert

from balai_platform.auth import Claims

from ..adapters.tables import trainings
from ..adapters.tables_narasumber import (
    narasumber,
    narasumber_assignments,
    narasumber_files,
    narasumber_offices,
    narasumber_requests,
)
from ..domain.narasumber import EDUCATION, STANDARD_MODULES, display_phone
from .access import org_scope, require_org
from .context import TrainingContext
from .errors import Forbidden, InvalidInput, NotFound
from .narasumber import may_read

LIST_COLUMNS = (narasumber.c.id, narasumber.c.org_id, narasumber.c.full_name, narasumber.c.expertise,
                narasumber.c.education, narasumber.c.modules, narasumber.c.status, narasumber.c.recommendation,
                narasumber.c.submitted_at, narasumber.c.decided_at, narasumber.c.letter_number)
OFFICE = ("name", "parent", "address", "place", "head_position", "head_name", "head_nip")


def _like(q: str) -> str:
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


async def _paged(ctx: TrainingContext, stmt: Select, order, page: int, per_page: int) -> tuple[list[dict], int]:
    async with ctx.sessionmaker() as s:
        total = await s.scalar(select(func.count()).select_from(stmt.subquery()))
        rows = (await s.execute(stmt.order_by(*order).limit(per_page).offset((page - 1) * per_page))).mappings()
        return [dict(r) for r in rows], int(total or 0)


async def offices(ctx: TrainingContext) -> dict:
    """The balai/UPT a person can register with or send a request to, and the form's choices."""
    async with ctx.sessionmaker() as s:
        rows = (await s.execute(select(narasumber_offices.c.org_id, narasumber_offices.c.name)
                                .order_by(narasumber_offices.c.name))).mappings().all()
    return {"items": [{"org_id": str(r["org_id"]), "name": r["name"]} for r in rows],
            "modules": list(STANDARD_MODULES), "education": list(EDUCATION)}


async def admin_list(ctx: TrainingContext, claims: Claims, org_id: uuid.UUID | None, status: str, q: str,
                     page: int, per_page: int) -> dict:
    scope = org_scope(claims, org_id)
    stmt = select(*LIST_COLUMNS)
    if scope is not None:
        stmt = stmt.where(narasumber.c.org_id == scope)
    if status:
        stmt = stmt.where(narasumber.c.status == status)
    if q:
        stmt = stmt.where(or_(narasumber.c.full_name.ilike(_like(q)), narasumber.c.expertise.ilike(_like(q)),
                              cast(narasumber.c.modules, String).ilike(_like(q))))
    items, total = await _paged(ctx, stmt, (narasumber.c.submitted_at.desc(),), page, per_page)
    return {"items": items, "total": total, "page": page, "per_page": per_page}


async def approved_choices(ctx: TrainingContext, claims: Claims, org_id: uuid.UUID) -> list[dict]:
    """Approved narasumber of the organisation, for a request's decision."""
    require_org(claims, org_id)
    async with ctx.sessionmaker() as s:
        rows = (await s.execute(select(narasumber.c.id, narasumber.c.full_name, narasumber.c.expertise)
                                .where(narasumber.c.org_id == org_id, narasumber.c.status == "approved")
                                .order_by(narasumber.c.full_name).limit(500))).mappings().all()
    return [dict(r) for r in rows]


async def detail(ctx: TrainingContext, claims: Claims, narasumber_id: uuid.UUID) -> dict:
    """One registration in full: for an admin of its organisation, or the applicant themself."""
    async with ctx.sessionmaker() as s:
        row = (await s.execute(select(narasumber).where(narasumber.c.id == narasumber_id))).mappings().first()
        if row is None:
            raise NotFound("Data narasumber tidak ditemukan")
        await may_read(claims, row["account_id"], row["org_id"])
        files = (await s.execute(select(narasumber_files.c.kind, narasumber_files.c.n, narasumber_files.c.filename,
                                        narasumber_files.c.size)
                                 .where(narasumber_files.c.narasumber_id == narasumber_id)
                                 .order_by(narasumber_files.c.kind, narasumber_files.c.n))).mappings().all()
        assignments = (await s.execute(_assignments().where(narasumber_assignments.c.narasumber_id == narasumber_id)
                                       .order_by(narasumber_assignments.c.day))).mappings().all()
        trainings_open = []
        if claims.is_admin and row["status"] == "approved":
            trainings_open = (await s.execute(
                select(trainings.c.id, trainings.c.title, trainings.c.batch, trainings.c.start_date,
                       trainings.c.end_date)
                .where(trainings.c.org_id == row["org_id"], trainings.c.closed_at.is_(None),
                       trainings.c.end_date >= ctx.today())
                .order_by(trainings.c.start_date).limit(100))).mappings().all()
    out = {k: v for k, v in dict(row).items() if k not in ("recommended_by", "decided_by")}
    out.update(phone_display=display_phone(row["phone"]), files=[dict(f) for f in files],
               assignments=[dict(a) for a in assignments], trainings=[dict(t) for t in trainings_open],
               recommended_by_me=row["recommended_by"] is not None and str(row["recommended_by"]) == claims.sub,
               has_letter=row["status"] in ("approved", "rejected"))
    if not claims.is_admin:  # the applicant sees the decision, not the team's internal recommendation
        out.pop("recommendation_reason", None)
        out.pop("recommendation", None)
    return out


def _assignments() -> Select:
    return (select(narasumber_assignments.c.id, narasumber_assignments.c.training_id, narasumber_assignments.c.module,
                   narasumber_assignments.c.day, trainings.c.title, trainings.c.batch, trainings.c.venue,
                   trainings.c.mode, trainings.c.start_date, trainings.c.end_date)
            .join(trainings, trainings.c.id == narasumber_assignments.c.training_id))


async def mine(ctx: TrainingContext, claims: Claims) -> dict:
    """The applicant's registrations (one per organisation) and their teaching schedule."""
    if claims.role != "peserta":
        raise Forbidden("Fitur ini untuk akun pribadi (bukan akun admin)")
    account = uuid.UUID(claims.sub)
    async with ctx.sessionmaker() as s:
        rows = (await s.execute(
            select(*LIST_COLUMNS, narasumber.c.decision_reason, narasumber_offices.c.name.label("office_name"))
            .outerjoin(narasumber_offices, narasumber_offices.c.org_id == narasumber.c.org_id)
            .where(narasumber.c.account_id == account).order_by(narasumber.c.submitted_at))).mappings().all()
        schedule = (await s.execute(
            _assignments().add_columns(narasumber_offices.c.name.label("office_name"))
            .join(narasumber, narasumber.c.id == narasumber_assignments.c.narasumber_id)
            .outerjoin(narasumber_offices, narasumber_offices.c.org_id == narasumber.c.org_id)
            .where(narasumber.c.account_id == account, narasumber.c.status == "approved")
            .order_by(narasumber_assignments.c.day))).mappings().all()
    items = []
    for r in rows:
        item = dict(r)
        if r["status"] not in ("approved", "rejected"):
            item["decision_reason"] = None
        items.append(item)
    return {"items": items, "schedule": [dict(a) for a in schedule],
            "approved": any(r["status"] == "approved" for r in rows)}


async def document(ctx: TrainingContext, claims: Claims, narasumber_id: uuid.UUID, kind: str) -> tuple[str, bytes]:
    """The CV or certificates PDF: for the applicant or an admin of the organisation."""
    if kind not in ("cv", "certificate"):
        raise NotFound("Berkas tidak ditemukan")
    async with ctx.sessionmaker() as s:
        owner = (await s.execute(select(narasumber.c.account_id, narasumber.c.org_id)
                                 .where(narasumber.c.id == narasumber_id))).first()
        if owner is None:
            raise NotFound("Berkas tidak ditemukan")
        await may_read(claims, owner.account_id, owner.org_id)
        f = (await s.execute(select(narasumber_files.c.filename, narasumber_files.c.data)
                             .where(narasumber_files.c.narasumber_id == narasumber_id, narasumber_files.c.kind == kind,
                                    narasumber_files.c.n == 1))).first()
    if f is None:
        raise NotFound("Berkas tidak ditemukan")
    return f.filename, f.data


# -- requests -------------------------------------------------------------------------------------

REQUEST_COLUMNS = (narasumber_requests.c.id, narasumber_requests.c.org_id, narasumber_requests.c.body_name,
                   narasumber_requests.c.letter_number, narasumber_requests.c.letter_date, narasumber_requests.c.topic,
                   narasumber_requests.c.event_date, narasumber_requests.c.place, narasumber_requests.c.audience,
                   narasumber_requests.c.status, narasumber_requests.c.submitted_at, narasumber_requests.c.decided_at,
                   narasumber_requests.c.answer_number)


async def request_list(ctx: TrainingContext, claims: Claims, org_id: uuid.UUID | None, status: str, q: str,
                       page: int, per_page: int) -> dict:
    scope = org_scope(claims, org_id)
    stmt = select(*REQUEST_COLUMNS)
    if scope is not None:
        stmt = stmt.where(narasumber_requests.c.org_id == scope)
    if status:
        stmt = stmt.where(narasumber_requests.c.status == status)
    if q:
        stmt = stmt.where(or_(narasumber_requests.c.body_name.ilike(_like(q)),
                              narasumber_requests.c.topic.ilike(_like(q)),
                              narasumber_requests.c.letter_number.ilike(_like(q))))
    items, total = await _paged(ctx, stmt, (narasumber_requests.c.submitted_at.desc(),), page, per_page)
    return {"items": items, "total": total, "page": page, "per_page": per_page}


async def request_detail(ctx: TrainingContext, claims: Claims, request_id: uuid.UUID) -> dict:
    async with ctx.sessionmaker() as s:
        row = (await s.execute(
            select(*REQUEST_COLUMNS, narasumber_requests.c.contact_name, narasumber_requests.c.contact_email,
                   narasumber_requests.c.contact_phone, narasumber_requests.c.decision_reason,
                   narasumber_requests.c.narasumber_id, narasumber_requests.c.letter_filename,
                   narasumber.c.full_name.label("narasumber_name"))
            .outerjoin(narasumber, narasumber.c.id == narasumber_requests.c.narasumber_id)
            .where(narasumber_requests.c.id == request_id))).mappings().first()
    if row is None:
        raise NotFound("Permintaan narasumber tidak ditemukan")
    require_org(claims, row["org_id"])
    out = dict(row)
    out["contact_phone_display"] = display_phone(row["contact_phone"])
    out["choices"] = await approved_choices(ctx, claims, row["org_id"]) if row["status"] == "submitted" else []
    return out


async def request_letter(ctx: TrainingContext, claims: Claims, request_id: uuid.UUID) -> tuple[str, bytes]:
    """The request letter the outside body uploaded: admins of the organisation only."""
    async with ctx.sessionmaker() as s:
        row = (await s.execute(select(narasumber_requests.c.org_id, narasumber_requests.c.letter_filename,
                                      narasumber_requests.c.letter_data)
                               .where(narasumber_requests.c.id == request_id))).first()
    if row is None:
        raise NotFound("Permintaan narasumber tidak ditemukan")
    require_org(claims, row.org_id)
    return row.letter_filename, row.letter_data


# -- summary and letterhead -----------------------------------------------------------------------

async def summary(ctx: TrainingContext, claims: Claims, org_id: uuid.UUID | None) -> dict:
    """For the dashboard tile: registrations to review / to decide, requests waiting."""
    scope = org_scope(claims, org_id)
    async with ctx.sessionmaker() as s:
        reg = select(narasumber.c.status, func.count()).group_by(narasumber.c.status)
        req = select(func.count()).select_from(narasumber_requests).where(narasumber_requests.c.status == "submitted")
        if scope is not None:
            reg = reg.where(narasumber.c.org_id == scope)
            req = req.where(narasumber_requests.c.org_id == scope)
        counts = {k: int(v) for k, v in (await s.execute(reg)).all()}
        requests_waiting = int(await s.scalar(req) or 0)
    return {"to_review": counts.get("submitted", 0), "to_decide": counts.get("recommended", 0),
            "approved": counts.get("approved", 0), "requests_waiting": requests_waiting}


async def office(ctx: TrainingContext, claims: Claims, org_id: uuid.UUID) -> dict:
    require_org(claims, org_id)
    async with ctx.sessionmaker() as s:
        row = (await s.execute(select(*[narasumber_offices.c[k] for k in OFFICE])
                               .where(narasumber_offices.c.org_id == org_id))).mappings().first()
    return {"org_id": str(org_id), "saved": row is not None, **({k: row[k] for k in OFFICE} if row else
                                                               {k: "" for k in OFFICE})}


OFFICE_LIMITS = {"name": ("Nama balai/UPT", 3, 150), "parent": ("Instansi induk", 0, 150),
                 "address": ("Alamat", 0, 250), "place": ("Kota", 0, 60),
                 "head_position": ("Jabatan penandatangan", 3, 150), "head_name": ("Nama penandatangan", 3, 100),
                 "head_nip": ("NIP", 0, 30)}


async def save_office(ctx: TrainingContext, claims: Claims, org_id: uuid.UUID, data: dict) -> dict:
    """The organisation's letterhead (kop surat) and signing official; the admin keeps it."""
    require_org(claims, org_id)
    errors: dict[str, str] = {}
    values: dict[str, str] = {}
    for key, (label, lo, hi) in OFFICE_LIMITS.items():
        v = data.get(key)
        text = " ".join(v.split()) if isinstance(v, str) else ""
        if lo and len(text) < lo:
            errors[key] = f"{label} wajib diisi (minimal {lo} karakter)"
        elif len(text) > hi:
            errors[key] = f"{label} maksimal {hi} karakter"
        values[key] = text
    if errors:
        raise InvalidInput(errors)
    now: datetime = ctx.now()
    async with ctx.sessionmaker() as s, s.begin():
        stmt = insert(narasumber_offices).values(org_id=org_id, updated_at=now, **values)
        await s.execute(stmt.on_conflict_do_update(index_elements=["org_id"], set_={**values, "updated_at": now}))
    return await office(ctx, claims, org_id)

