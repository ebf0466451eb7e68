"""Reactions to other services' events, each inside the consumer's inbox transaction."""
from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from balai_contracts.identity import ParticipantRegisteredV1, ParticipantUpdatedV1
from balai_contracts.training import AttendanceConfirmedV1, EnrollmentCancelledV1, EnrollmentRejectedV1
from balai_platform.consumer import EventMeta
from balai_platform.copies import upsert_if_newer
from balai_platform.logging import get_logger

from ..adapters.tables import participants
from ..domain.stay import Guest, Stay, nights_of
from .context import LodgingContext
from .placing import place_or_wait, serve_waiting_list

log = get_logger("reactions")


async def on_participant_changed(s: AsyncSession, p: ParticipantRegisteredV1 | ParticipantUpdatedV1,
                                 meta: EventMeta) -> None:
    """Keep the username the admin board searches by; an older event never overwrites a newer one."""
    changed_at = getattr(p, "updated_at", None) or getattr(p, "registered_at")  # noqa: B009
    await upsert_if_newer(s, participants, dict(participant_id=p.participant_id, username=p.username,
                                                changed_at=changed_at), key="participant_id")


async def on_attendance_confirmed(ctx: LodgingContext, s: AsyncSession, e: AttendanceConfirmedV1,
                                  meta: EventMeta) -> None:
    """A confirmed participant of a residential training gets a bed, or waits for one."""
    if not e.residential:
        return
    now = ctx.clock.now()
    async with ctx.uow(session=s) as uow:
        first, last = nights_of(e.start_date, e.end_date,
                                arrive_evening_before=await uow.dormitory.arrive_evening_before(e.org_id))
        guest = Guest(enrollment_id=e.enrollment_id, org_id=e.org_id, training_id=e.training_id,
                      training_title=e.training_title, participant_id=e.participant_id,
                      participant_name=e.participant_name, sex=e.sex, business_id=e.business_id,
                      first_night=first, last_night=last)
        stay = Stay.start(guest, now)
        if not await uow.stays.add(stay):
            log.info("stay_exists", enrollment_id=str(e.enrollment_id))
            return
        placed = await place_or_wait(uow, stay, now, max_attempts=ctx.settings.max_bed_attempts)
        await uow.commit()
    log.info("stay_started", stay_id=str(stay.id), placed=placed)


async def _release(ctx: LodgingContext, s: AsyncSession, enrollment_id, org_id, reason: str) -> None:
    now = ctx.clock.now()
    async with ctx.uow(session=s) as uow:
        await uow.lock_waiting_list(org_id)
        stay = await uow.stays.by_enrollment(enrollment_id, lock=True)
        if stay is None:
            return
        had_bed = stay.bed is not None
        if not stay.release(reason, now):
            return
        await uow.stays.save(stay)
        if had_bed:
            await serve_waiting_list(uow, org_id, now, batch=ctx.settings.waiting_batch)
        await uow.commit()
    log.info("stay_released", stay_id=str(stay.id), reason=reason)


async def on_enrollment_cancelled(ctx: LodgingContext, s: AsyncSession, e: EnrollmentCancelledV1,
                                  meta: EventMeta) -> None:
    """A cancelled participant frees the bed; the oldest waiting guest whose nights fit gets it."""
    await _release(ctx, s, e.enrollment_id, e.org_id, "cancelled")


async def on_enrollment_rejected(ctx: LodgingContext, s: AsyncSession, e: EnrollmentRejectedV1,
                                 meta: EventMeta) -> None:
    """A rejected participant frees the bed, like a cancellation."""
    await _release(ctx, s, e.enrollment_id, e.org_id, "rejected")
