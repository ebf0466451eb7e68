"""Event consumers: AttendanceConfirmed -> a bed, EnrollmentCancelled/Rejected -> free it, and the
participants' usernames for the board's search.

One IdempotentConsumer (inbox name "lodging") subscribed to both topics; other types are ignored."""
from __future__ import annotations

from functools import partial

from faststream.kafka import KafkaBroker

from balai_contracts.identity import ParticipantRegisteredV1, ParticipantUpdatedV1
from balai_contracts.topics import IDENTITY_PARTICIPANT, TRAINING_ENROLLMENT
from balai_contracts.training import AttendanceConfirmedV1, EnrollmentCancelledV1, EnrollmentRejectedV1
from balai_platform.consumer import IdempotentConsumer, fetch_waits, subscribe
from balai_platform.inbox import Inbox

from ..adapters.tables import inbox
from ..service import reactions
from ..service.context import LodgingContext

# compacted state topics this service keeps copies of (`python -m lodging replay`)
REPLAY_TOPICS = (IDENTITY_PARTICIPANT,)


def register_copies(consumer: IdempotentConsumer) -> None:
    """The copy handlers only (upsert_if_newer, no side effect): the live consumer and replay."""
    consumer.handle(ParticipantRegisteredV1, reactions.on_participant_changed)
    consumer.handle(ParticipantUpdatedV1, reactions.on_participant_changed)


def build_consumer(ctx: LodgingContext, broker: KafkaBroker) -> IdempotentConsumer:
    consumer = IdempotentConsumer(ctx.sessionmaker, Inbox(inbox), ctx.settings.consumer_group,
                                  max_retries=ctx.settings.consumer_max_retries)
    register_copies(consumer)
    consumer.handle(AttendanceConfirmedV1, partial(reactions.on_attendance_confirmed, ctx))
    consumer.handle(EnrollmentCancelledV1, partial(reactions.on_enrollment_cancelled, ctx))
    consumer.handle(EnrollmentRejectedV1, partial(reactions.on_enrollment_rejected, ctx))
    subscribe(broker, lambda: broker, (IDENTITY_PARTICIPANT, TRAINING_ENROLLMENT), consumer, **fetch_waits(ctx.settings))
    return consumer
