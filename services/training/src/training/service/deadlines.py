"""Training's copy of the organisations' service-standard time limits (Standar Pelayanan).

Identity publishes ServiceStandardsPublished on identity.organisation (compacted: the latest event is
the whole state); the copy is written with `upsert_if_newer`, so a replayed older event changes
nothing. Lookups fall back to the standard's defaults for an organisation that published none."""
from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from balai_contracts.identity import ServiceStandardsPublishedV1
from balai_platform.consumer import EventMeta
from balai_platform.copies import upsert_if_newer
from balai_platform.logging import get_logger

from ..adapters.consultations import stored_deadlines
from ..adapters.tables_consultation import service_deadlines
from ..domain.deadlines import DEADLINE_ENROLLMENT_VERIFICATION, Limit, limit_of, stored_form, verification_working_days

log = get_logger("deadlines")


async def on_service_standards_published(s: AsyncSession, e: ServiceStandardsPublishedV1, meta: EventMeta) -> None:
    """ServiceStandardsPublished -> the organisation's time limits (verification, consultation answer...)."""
    written = await upsert_if_newer(s, service_deadlines, dict(
        org_id=e.org_id, deadlines=stored_form(e.deadlines), changed_at=e.published_at), key="org_id")
    log.info("service_deadlines_kept" if written else "service_deadlines_stale", org_id=str(e.org_id))


async def limit_for(s: AsyncSession, org_id: uuid.UUID | None, key: str, default: Limit | None = None) -> Limit:
    """The organisation's limit for `key` (`default`, else the standard's, when it published none, or for
    no organisation)."""
    stored = None
    if org_id is not None:
        stored = await stored_deadlines(s, org_id)
    return limit_of(stored, key, default)


async def verification_days(s: AsyncSession, org_id: uuid.UUID | None, fallback_days: int) -> int:
    """The organisation's enrollment-verification limit in whole working days (`fallback_days` when it
    published none)."""
    limit = await limit_for(s, org_id, DEADLINE_ENROLLMENT_VERIFICATION, Limit(fallback_days, "working_days"))
    return verification_working_days(limit)
