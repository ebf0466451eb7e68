"""Which organisations a participant applied to, learnt from training's EnrollmentSubmitted."""
from __future__ import annotations

import uuid

from sqlalchemy import bindparam, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from balai_contracts.training import EnrollmentSubmittedV1
from balai_platform.consumer import EventMeta
from balai_platform.logging import get_logger

from ..adapters.tables import participant_orgs

log = get_logger("participant_orgs")


def _record_statement():
    stmt = insert(participant_orgs).values(participant_id=bindparam("participant_id"), org_id=bindparam("org_id"),
                                           first_at=bindparam("first_at"))
    # an earlier submission (arriving late) keeps the earliest time; a repeat changes nothing
    return stmt.on_conflict_do_update(
        index_elements=[participant_orgs.c.participant_id, participant_orgs.c.org_id],
        set_={"first_at": stmt.excluded.first_at}, where=participant_orgs.c.first_at > stmt.excluded.first_at)


_RECORD = _record_statement()  # built once (every EnrollmentSubmitted runs it)


async def on_enrollment_submitted(session: AsyncSession, event: EnrollmentSubmittedV1, meta: EventMeta) -> None:
    """Remember that the participant applied to the training's organisation (first time wins)."""
    await session.execute(_RECORD, {"participant_id": event.participant_id, "org_id": event.org_id,
                                    "first_at": event.submitted_at})
    log.info("participant_org_recorded", participant_id=str(event.participant_id), org_id=str(event.org_id))


async def orgs_of(session: AsyncSession, participant_id: uuid.UUID) -> set[str]:
    rows = await session.scalars(select(participant_orgs.c.org_id)
                                 .where(participant_orgs.c.participant_id == participant_id))
    return {str(org) for org in rows}
