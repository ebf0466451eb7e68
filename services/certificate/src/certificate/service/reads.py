"""Reads: the holder's list, a PDF, the public verification, the admin's list (plain queries)."""
from __future__ import annotations

import hashlib
import uuid

from sqlalchemy import func, or_, select

from balai_platform.auth import Claims
from balai_platform.errors import Conflict, NotFound

from ..adapters.tables import certificates, training_settings
from .access import NOT_FOUND, admin_org_filter, require_holder_or_admin, require_org
from .context import CertificateContext
from .surveys import skm_missing

LIST_COLUMNS = (certificates.c.id, certificates.c.code, certificates.c.number, certificates.c.org_id,
                certificates.c.training_id, certificates.c.participant_id, certificates.c.holder_name,
                certificates.c.training_title, certificates.c.start_date, certificates.c.end_date,
                certificates.c.hours, certificates.c.status, certificates.c.issued_on, certificates.c.issued_at,
                certificates.c.revoked_at, certificates.c.revoke_reason, certificates.c.replaces,
                certificates.c.replaced_by)
PROCESSING = "Sertifikat sedang diproses, coba lagi beberapa saat lagi"
SKM_FIRST = "Silakan isi Survei Kepuasan Masyarakat (SKM) terlebih dahulu sebelum mengunduh sertifikat"


def _item(ctx: CertificateContext, row) -> dict:
    return {**dict(row), "verification_url": ctx.verification_url(row["code"])}


async def mine(ctx: CertificateContext, claims: Claims) -> dict:
    """The caller's certificates, newest first, each saying whether the SKM must come first."""
    pid = uuid.UUID(claims.sub)
    async with ctx.sessionmaker() as s:
        rows = (await s.execute(select(*LIST_COLUMNS).where(certificates.c.participant_id == pid)
                                .order_by(certificates.c.created_at.desc()))).mappings().all()
        items = []
        for row in rows:
            item = _item(ctx, row)
            item["skm_required"] = await skm_missing(s, training_id=row["training_id"], org_id=row["org_id"],
                                                     participant_id=pid)
            items.append(item)
    return dict(items=items)


async def pdf(ctx: CertificateContext, claims: Claims, cert_id: uuid.UUID) -> tuple[bytes, str, str]:
    """(pdf, sha256, number) for the holder or an admin of the organisation."""
    async with ctx.sessionmaker() as s:
        row = (await s.execute(select(certificates.c.participant_id, certificates.c.org_id, certificates.c.status,
                                      certificates.c.training_id, certificates.c.pdf, certificates.c.sha256,
                                      certificates.c.number).where(certificates.c.id == cert_id))).first()
        if row is None:
            raise NotFound(NOT_FOUND)
        holder = require_holder_or_admin(claims, row.participant_id, row.org_id)
        if row.status == "pending":
            raise Conflict(PROCESSING)
        if holder and row.status == "revoked":
            raise Conflict("Sertifikat ini sudah dicabut")
        if holder and await skm_missing(s, training_id=row.training_id, org_id=row.org_id,
                                        participant_id=row.participant_id):
            raise Conflict(SKM_FIRST)
    return row.pdf, row.sha256, row.number


async def verify(ctx: CertificateContext, code: str) -> dict:
    """The public facts of a certificate by its code (no login)."""
    async with ctx.uow() as uow:
        row = (await uow.session.execute(select(*LIST_COLUMNS, certificates.c.kind, certificates.c.sha256)
                                         .where(certificates.c.code == code.strip().upper()))).mappings().first()
        if row is None:
            raise NotFound("Kode verifikasi tidak dikenal")
        template = await uow.templates.find(row["org_id"], row["kind"]) or ctx.default_template(row["org_id"])
        replaced_by_code = None
        if row["replaced_by"] is not None:
            replaced_by_code = await uow.session.scalar(select(certificates.c.code)
                                                        .where(certificates.c.id == row["replaced_by"]))
    status = {"issued": "valid", "revoked": "dicabut"}.get(row["status"], "diproses")
    return dict(code=row["code"], number=row["number"], holder_name=row["holder_name"],
                training_title=row["training_title"], start_date=row["start_date"], end_date=row["end_date"],
                hours=row["hours"], issued_on=row["issued_on"], issuer=template.content.org_name, status=status,
                revoked_at=row["revoked_at"], revoke_reason=row["revoke_reason"], sha256=row["sha256"],
                replaced_by_code=replaced_by_code, verification_url=ctx.verification_url(row["code"]))


async def check_upload(ctx: CertificateContext, code: str, data: bytes) -> dict:
    """"cocok" when the uploaded file is byte for byte the issued PDF (SHA-256), else "tidak cocok"."""
    facts = await verify(ctx, code)
    match = facts["sha256"] is not None and hashlib.sha256(data).hexdigest() == facts["sha256"]
    return dict(code=facts["code"], status=facts["status"], match=match,
                result="cocok" if match else "tidak cocok")


async def admin_list(ctx: CertificateContext, claims: Claims, *, q: str, training_id: uuid.UUID | None,
                     status: str | None, page: int, per_page: int) -> dict:
    org = admin_org_filter(claims)
    conds = []
    if org is not None:
        conds.append(certificates.c.org_id == org)
    if training_id is not None:
        conds.append(certificates.c.training_id == training_id)
    if status:
        conds.append(certificates.c.status == status)
    if q.strip():
        like = f"%{q.strip()}%"
        conds.append(or_(certificates.c.holder_name.ilike(like), certificates.c.number.ilike(like),
                         certificates.c.training_title.ilike(like), certificates.c.code == q.strip().upper()))
    async with ctx.sessionmaker() as s:
        total = await s.scalar(select(func.count()).select_from(certificates).where(*conds))
        rows = (await s.execute(select(*LIST_COLUMNS).where(*conds)
                                .order_by(certificates.c.created_at.desc(), certificates.c.id)
                                .limit(per_page).offset((page - 1) * per_page))).mappings().all()
        trainings = (await s.execute(select(certificates.c.training_id, certificates.c.training_title,
                                            func.count().label("count"))
                                     .where(*([certificates.c.org_id == org] if org else []))
                                     .group_by(certificates.c.training_id, certificates.c.training_title)
                                     .order_by(certificates.c.training_title))).mappings().all()
        required = set((await s.scalars(select(training_settings.c.training_id)
                                        .where(training_settings.c.skm_required))).all())
    return dict(items=[_item(ctx, r) for r in rows], total=total or 0, page=page, per_page=per_page,
                trainings=[{**dict(t), "skm_required": t["training_id"] in required} for t in trainings])


async def admin_get(ctx: CertificateContext, claims: Claims, cert_id: uuid.UUID) -> dict:
    """One certificate of the admin's organisation (a superadmin's: any)."""
    async with ctx.sessionmaker() as s:
        row = (await s.execute(select(*LIST_COLUMNS).where(certificates.c.id == cert_id))).mappings().first()
    if row is None:
        raise NotFound(NOT_FOUND)
    require_org(claims, row["org_id"])
    return _item(ctx, row)
