"""SurveySubmitted -> local copy, so "SKM required before download" needs no call to the survey service."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import bindparam, exists, or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from balai_contracts.survey import SurveySubmittedV1
from balai_contracts.training import EnrollmentSubmittedV1
from balai_platform.auth import Claims
from balai_platform.consumer import EventMeta
from balai_platform.errors import NotFound

from ..adapters.tables import skm_submissions, training_settings, trainings
from .access import require_org
from .context import CertificateContext


async def on_survey_submitted(s: AsyncSession, e: SurveySubmittedV1, meta: EventMeta) -> None:
    """Keep who answered the SKM (answers by link or paper carry no participant: nothing to keep)."""
    if e.participant_id is None:
        return
    await s.execute(insert(skm_submissions).values(
        response_id=e.response_id, org_id=e.org_id, participant_id=e.participant_id, training_id=e.training_id,
        submitted_at=e.submitted_at).on_conflict_do_nothing())


async def skm_missing(s: AsyncSession, *, training_id: uuid.UUID, org_id: uuid.UUID,
                      participant_id: uuid.UUID) -> bool:
    """True when the training requires the SKM and this participant has not submitted it yet."""
    required = await s.scalar(select(training_settings.c.skm_required)
                              .where(training_settings.c.training_id == training_id))
    if not required:
        return False
    done = await s.scalar(select(exists().where(
        skm_submissions.c.participant_id == participant_id, skm_submissions.c.org_id == org_id,
        or_(skm_submissions.c.training_id == training_id, skm_submissions.c.training_id.is_(None)))))
    return not done


# built once: every EnrollmentSubmitted runs it
_REMEMBER_TRAINING = (insert(trainings).values(training_id=bindparam("training_id"), org_id=bindparam("org_id"))
                      .on_conflict_do_nothing())


async def on_enrollment_submitted(s: AsyncSession, e: EnrollmentSubmittedV1, meta: EventMeta) -> None:
    """Remember which organisation runs the training (its settings are that organisation's alone)."""
    await s.execute(_REMEMBER_TRAINING, {"training_id": e.training_id, "org_id": e.org_id})


async def set_skm_required(ctx: CertificateContext, claims: Claims, training_id: uuid.UUID, required: bool) -> dict:
    """An organisation requires (or not) the SKM before its training's certificates can be downloaded."""
    now: datetime = ctx.clock.now()
    async with ctx.sessionmaker() as s, s.begin():
        org_id = await s.scalar(select(trainings.c.org_id).where(trainings.c.training_id == training_id))
        if org_id is None:
            raise NotFound("Pelatihan belum dikenal layanan sertifikat (belum ada pendaftar)")
        require_org(claims, org_id)
        stmt = insert(training_settings).values(training_id=training_id, org_id=org_id, skm_required=required,
                                                updated_at=now)
        await s.execute(stmt.on_conflict_do_update(index_elements=["training_id"],
                                                   set_={"skm_required": required, "updated_at": now}))
    return dict(training_id=training_id, skm_required=required)
