"""Admin actions: revoke with a reason, reissue after a name correction, a training's ZIP."""
from __future__ import annotations

import io
import re
import uuid
import zipfile

from sqlalchemy import select

from balai_platform.auth import Claims
from balai_platform.errors import NotFound
from balai_platform.logging import get_logger

from ..adapters.tables import certificates
from .access import admin_org_filter, require_org
from .context import CertificateContext
from .issuing import reserve_number

log = get_logger("admin")


async def revoke(ctx: CertificateContext, claims: Claims, cert_id: uuid.UUID, reason: str) -> dict:
    """Dicabut: the public page says so with the date and reason; emits CertificateRevoked."""
    async with ctx.uow() as uow:
        cert = await uow.certificates.get(cert_id, lock=True)
        require_org(claims, cert.org_id)
        cert.revoke(reason, ctx.clock.now())
        await uow.certificates.save(cert)
        await uow.commit()
    log.info("certificate_revoked", certificate_id=str(cert_id))
    return dict(id=cert.id, status=cert.status, number=cert.number, revoked_at=cert.revoked_at,
                revoke_reason=cert.revoke_reason)


async def reissue(ctx: CertificateContext, claims: Claims, cert_id: uuid.UUID, holder_name: str) -> dict:
    """A corrected name: a new certificate with a new number; the old one is revoked and points to it."""
    now, today = ctx.clock.now(), ctx.clock.today()
    async with ctx.uow() as uow:
        old = await uow.certificates.get(cert_id, lock=True)
        require_org(claims, old.org_id)
        new = old.correction(holder_name, new_id=uuid.uuid4(), issued_on=today, at=now)
        await uow.certificates.add(new)
        await reserve_number(ctx, uow, new, today)
        old.revoke(f"Diterbitkan ulang dengan perbaikan nama menjadi nomor {new.number}", now, replaced_by=new.id)
        await uow.certificates.save(old)
        ctx.wake_after_commit(uow.session)
        await uow.commit()
    log.info("certificate_reissued", certificate_id=str(cert_id), new_id=str(new.id))
    return dict(id=new.id, number=new.number, status=new.status, replaces=old.id)


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_")[:60] or "sertifikat"


async def training_zip(ctx: CertificateContext, claims: Claims, training_id: uuid.UUID) -> tuple[bytes, str]:
    """Every valid certificate of a training (of the admin's organisation) in one ZIP."""
    org = admin_org_filter(claims)
    conds = [certificates.c.training_id == training_id, certificates.c.status == "issued"]
    if org is not None:
        conds.append(certificates.c.org_id == org)
    async with ctx.sessionmaker() as s:
        rows = (await s.execute(select(certificates.c.seq, certificates.c.holder_name, certificates.c.pdf,
                                       certificates.c.training_title).where(*conds)
                                .order_by(certificates.c.seq))).all()
    if not rows:
        raise NotFound("Belum ada sertifikat yang terbit untuk pelatihan ini")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:  # PDFs are compressed already
        for r in rows:
            zf.writestr(f"{r.seq:04d}_{_safe(r.holder_name)}.pdf", r.pdf)
    return buf.getvalue(), f"sertifikat_{_safe(rows[0].training_title)}.zip"
