"""TrainingCompleted -> one certificate per enrollment with the next gap-free number of its organisation.

The consumer's transaction inserts the row first (the unique index refuses a second one), then takes
the number from the counter row and commits: the per-organisation counter lock is held for two short
statements, never for rendering. The renderer (service/rendering.py) produces, signs and stores the
PDF right after the commit and emits CertificateIssued."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from balai_contracts.training import TrainingCompletedV1
from balai_platform.consumer import EventMeta
from balai_platform.errors import InvalidInput
from balai_platform.logging import get_logger

from ..adapters.uow import CertificateUnitOfWork
from ..domain.certificate import Certificate, new_code
from ..domain.document import SyllabusItem
from ..domain.indonesian import format_number
from ..settings import OrgProfile
from .context import CertificateContext

log = get_logger("issuing")


async def reserve_number(ctx: CertificateContext, uow: CertificateUnitOfWork, cert: Certificate,
                         issued_on: date) -> None:
    """Give `cert` (already inserted) the organisation's next number of the year; keep this last in
    the transaction: the counter row stays locked until commit."""
    template = await uow.templates.find(cert.org_id, cert.kind) or ctx.default_template(cert.org_id)
    seq = await uow.certificates.next_seq(cert.org_id, issued_on.year)
    try:
        number = format_number(template.number_format, seq=seq, issued_on=issued_on, org_code=template.org_code)
    except InvalidInput:  # formats are validated when saved; an old bad one must not stop issuing
        number = format_number(OrgProfile().number_format, seq=seq, issued_on=issued_on, org_code=template.org_code)
    cert.assign_number(issued_on.year, seq, number)
    await uow.certificates.set_number(cert)


async def on_training_completed(ctx: CertificateContext, s: AsyncSession, e: TrainingCompletedV1,
                                meta: EventMeta) -> None:
    """Reserve the enrollment's certificate (once, however often the event arrives)."""
    now, issued_on = ctx.clock.now(), ctx.clock.today()
    syllabus = tuple(SyllabusItem(m.title, m.hours) for m in e.syllabus)
    cert = Certificate(
        id=uuid.uuid4(), code=new_code(), org_id=e.org_id, enrollment_id=e.enrollment_id, training_id=e.training_id,
        participant_id=e.participant_id, holder_name=e.participant_name, training_title=e.training_title,
        batch=e.batch, kind=e.kind, level=e.level, start_date=e.start_date, end_date=e.end_date, hours=e.hours,
        score=e.score, issued_on=issued_on, created_at=now, syllabus=syllabus)
    async with ctx.uow(session=s) as uow:
        await uow.certificates.remember_training(e.training_id, e.org_id)
        if not await uow.certificates.add_original(cert):
            log.info("certificate_exists", enrollment_id=str(e.enrollment_id))
            return
        await reserve_number(ctx, uow, cert, issued_on)
        await uow.commit()
    ctx.wake_after_commit(s)
    log.info("certificate_reserved", certificate_id=str(cert.id), org_id=str(cert.org_id), seq=cert.seq)
