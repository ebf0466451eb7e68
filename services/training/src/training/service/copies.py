"""Local copies of participants and businesses, kept from identity and ukm events.

Each runs inside the consumer's inbox transaction; an older event never overwrites a newer one."""
from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from balai_contracts.envelope import Envelope
from balai_contracts.identity import ParticipantRegisteredV1, ParticipantUpdatedV1
from balai_contracts.ukm import BusinessRegisteredV1, BusinessUpdatedV1
from balai_platform.logging import get_logger

from ..adapters.tables import business_members, businesses, participants

log = get_logger("copies")


def _upsert(table, key: str, values: dict):
    stmt = insert(table).values(**values)
    return stmt.on_conflict_do_update(
        index_elements=[table.c[key]], set_={k: stmt.excluded[k] for k in values if k != key},
        where=table.c.changed_at <= stmt.excluded.changed_at,
    ).returning(table.c[key])


async def on_participant_changed(s: AsyncSession, env: Envelope) -> None:
    """ParticipantRegistered/Updated -> the participant's name, birth date, sex and region."""
    model = ParticipantRegisteredV1 if env.type == "ParticipantRegistered" else ParticipantUpdatedV1
    p = model.from_wire(env.data)
    changed_at = getattr(p, "registered_at", None) or p.updated_at
    await s.execute(_upsert(participants, "participant_id", dict(
        participant_id=p.participant_id, username=p.username, full_name=p.full_name, birth_date=p.birth_date,
        sex=p.sex, regency_code=p.regency_code, regency_name=p.regency_name, changed_at=changed_at)))


async def on_business_changed(s: AsyncSession, env: Envelope) -> None:
    """BusinessRegistered/Updated -> figures, permits, region and the members with their posts."""
    model = BusinessRegisteredV1 if env.type == "BusinessRegistered" else BusinessUpdatedV1
    b = model.from_wire(env.data)
    changed_at = getattr(b, "registered_at", None) or b.updated_at
    applied = (await s.execute(_upsert(businesses, "business_id", dict(
        business_id=b.business_id, kind=b.kind, name=b.name, brand=b.brand, assets=b.assets, turnover=b.turnover,
        workforce_total=b.workforce_total, permits=sorted({p.kind for p in b.permits}), size_class=b.size_class,
        regency_code=b.regency_code, regency_name=b.regency_name, changed_at=changed_at)))).first()
    if applied is None:
        log.info("business_event_stale", business_id=str(b.business_id))
        return
    await s.execute(delete(business_members).where(business_members.c.business_id == b.business_id))
    if b.members:
        await s.execute(insert(business_members).values([
            dict(business_id=b.business_id, participant_id=m.participant_id, position=m.position)
            for m in {m.participant_id: m for m in b.members}.values()]))
