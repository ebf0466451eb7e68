"""Reactions to other services' events, each inside the consumer's inbox transaction."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from balai_contracts.identity import ParticipantRegisteredV1, ParticipantUpdatedV1
from balai_contracts.training import AttendanceConfirmedV1
from balai_platform.consumer import EventMeta
from balai_platform.copies import upsert_if_newer
from balai_platform.logging import get_logger

from ..adapters.tables import business_trainings, businesses, participants
from . import publishing
from .context import UkmContext

log = get_logger("reactions")


async def on_participant_registered(s: AsyncSession, p: ParticipantRegisteredV1, meta: EventMeta) -> None:
    """Keep the local copy of a new participant (names for display)."""
    await _keep_participant(s, p, changed_at=p.registered_at)


async def on_participant_updated(s: AsyncSession, p: ParticipantUpdatedV1, meta: EventMeta) -> None:
    """Keep the local copy of a participant; an older event never overwrites a newer one."""
    await _keep_participant(s, p, changed_at=p.updated_at)


async def _keep_participant(s: AsyncSession, p: ParticipantRegisteredV1 | ParticipantUpdatedV1, *,
                            changed_at: datetime) -> None:
    await upsert_if_newer(s, participants, dict(
        participant_id=p.participant_id, username=p.username, full_name=p.full_name,
        regency_name=p.regency_name, changed_at=changed_at), key="participant_id")


async def on_attendance_confirmed(ctx: UkmContext, s: AsyncSession, e: AttendanceConfirmedV1,
                                  meta: EventMeta) -> None:
    """The business of a confirmed participant enters the gallery: its products, once each."""
    exists = await s.scalar(select(businesses.c.id).where(businesses.c.id == e.business_id).with_for_update())
    if exists is None:
        log.warning("attendance_for_unknown_business", business_id=str(e.business_id),
                    enrollment_id=str(e.enrollment_id))
        return
    training = dict(business_id=e.business_id, training_id=e.training_id, org_id=e.org_id,
                    title=e.training_title, start_date=e.start_date, end_date=e.end_date,
                    enrollment_id=e.enrollment_id, confirmed_at=e.confirmed_at)
    await s.execute(insert(business_trainings).values(**training).on_conflict_do_nothing())
    await publishing.publish(ctx, s, business_id=e.business_id, training=training)
