"""TrainingCompleted -> the participant is invited to the SKM of the organisation's current period."""
from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from balai_contracts.training import TrainingCompletedV1
from balai_platform.clock import WIB
from balai_platform.consumer import EventMeta
from balai_platform.logging import get_logger

from ..domain.invitation import Invitation
from .context import SurveyContext

log = get_logger("survey.invitations")


async def on_training_completed(ctx: SurveyContext, s: AsyncSession, event: TrainingCompletedV1,
                                meta: EventMeta) -> None:
    """Invite once per participant, organisation and period (the period of the completion day, WIB)."""
    day = event.completed_at.astimezone(WIB).date()
    async with ctx.uow(session=s) as uow:
        period = await uow.periods.current(event.org_id, day)
        inv = Invitation.invite(
            org_id=event.org_id, period_id=period.id, period_name=period.name,
            participant_id=event.participant_id, training_id=event.training_id,
            enrollment_id=event.enrollment_id, training_title=event.training_title, at=ctx.clock.now())
        created = await uow.invitations.add(inv)
        await uow.commit()
    log.info("survey_invitation", created=created, period_id=str(period.id), enrollment_id=str(event.enrollment_id))
