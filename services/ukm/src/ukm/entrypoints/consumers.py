"""Event consumers: the local participant copy and AttendanceConfirmed -> gallery.

One IdempotentConsumer (inbox name and consumer group "ukm") subscribed to both topics; other
event types on those topics are ignored."""
from __future__ import annotations

from functools import partial

from faststream.kafka import KafkaBroker

from balai_contracts.identity import ParticipantRegisteredV1, ParticipantUpdatedV1
from balai_contracts.topics import IDENTITY_PARTICIPANT, TRAINING_ENROLLMENT
from balai_contracts.training import AttendanceConfirmedV1
from balai_platform.consumer import IdempotentConsumer, fetch_waits, subscribe
from balai_platform.inbox import Inbox

from ..adapters.tables import inbox
from ..service import reactions
from ..service.context import UkmContext

# compacted state topics this service keeps copies of (`python -m ukm replay`)
REPLAY_TOPICS = (IDENTITY_PARTICIPANT,)


def register_copies(consumer: IdempotentConsumer) -> None:
    """The copy handlers only (upsert_if_newer, no side effect): the live consumer and replay."""
    consumer.handle(ParticipantRegisteredV1, reactions.on_participant_registered)
    consumer.handle(ParticipantUpdatedV1, reactions.on_participant_updated)


def build_consumer(ctx: UkmContext, broker: KafkaBroker) -> IdempotentConsumer:
    consumer = IdempotentConsumer(ctx.sessionmaker, Inbox(inbox), ctx.settings.consumer_group,
                                  max_retries=ctx.settings.consumer_max_retries)
    register_copies(consumer)
    consumer.handle(AttendanceConfirmedV1, partial(reactions.on_attendance_confirmed, ctx))
    subscribe(broker, lambda: broker, (IDENTITY_PARTICIPANT, TRAINING_ENROLLMENT), consumer, **fetch_waits(ctx.settings))
    return consumer
