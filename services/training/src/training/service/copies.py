"""Local copies of participants and businesses, kept from identity and ukm events.

Each runs inside the consumer's inbox transaction; an older event never overwrites a newer one."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from balai_contracts.identity import ParticipantRegisteredV1, ParticipantUpdatedV1
from balai_contracts.ukm import BusinessRegisteredV1, BusinessUpdatedV1
from balai_platform.consumer import EventMeta
from balai_platform.copies import upsert_if_newer
from balai_platform.logging import get_logger

from ..adapters.tables import business_members, businesses, participants

log = get_logger("copies")


async def on_participant_registered(s: AsyncSession, p: ParticipantRegisteredV1, meta: EventMeta) -> None:
    """ParticipantRegistered -> the participant's name, birth date, sex, region and WhatsApp number."""
    await _keep_participant(s, p, changed_at=p.registered_at)


async def on_participant_updated(s: AsyncSession, p: ParticipantUpdatedV1, meta: EventMeta) -> None:
    """ParticipantUpdated -> the participant's name, birth date, sex, region and WhatsApp number."""
    await _keep_participant(s, p, changed_at=p.updated_at)


async def on_business_registered(s: AsyncSession, b: BusinessRegisteredV1, meta: EventMeta) -> None:
    """BusinessRegistered -> figures, permits, region and the members with their posts."""
    await _keep_business(s, b, changed_at=b.registered_at)


async def on_business_updated(s: AsyncSession, b: BusinessUpdatedV1, meta: EventMeta) -> None:
    """BusinessUpdated -> figures, permits, region and the members with their posts."""
    await _keep_business(s, b, changed_at=b.updated_at)


async def _keep_participant(s: AsyncSession, p: ParticipantRegisteredV1 | ParticipantUpdatedV1, *,
                            changed_at: datetime) -> None:
    await upsert_if_newer(s, participants, dict(
        participant_id=p.participant_id, username=p.username, full_name=p.full_name, birth_date=p.birth_date,
        sex=p.sex, regency_code=p.regency_code, regency_name=p.regency_name, phone_wa=p.phone_wa,
        changed_at=changed_at), key="participant_id")


async def _keep_business(s: AsyncSession, b: BusinessRegisteredV1 | BusinessUpdatedV1, *,
                         changed_at: datetime) -> None:
    written = await upsert_if_newer(s, businesses, dict(
        business_id=b.business_id, kind=b.kind, name=b.name, brand=b.brand, assets=b.assets, turnover=b.turnover,
        workforce_total=b.workforce_total, permits=sorted({p.kind for p in b.permits}), size_class=b.size_class,
        regency_code=b.regency_code, regency_name=b.regency_name, changed_at=changed_at), key="business_id")
    if not written:
        log.info("business_event_stale", business_id=str(b.business_id))
        return
    await s.execute(delete(business_members).where(business_members.c.business_id == b.business_id))
    if b.members:
        await s.execute(insert(business_members).values([
            dict(business_id=b.business_id, participant_id=m.participant_id, position=m.position)
            for m in {m.participant_id: m for m in b.members}.values()]))
