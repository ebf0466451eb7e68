"""Event consumers: the local participant copy and AttendanceConfirmed -> gallery.

One IdempotentConsumer (inbox name and consumer group "ukm") subscribed to both topics; other
event types on those topics are ignored."""
from __future__ import annotations

from faststream.kafka import KafkaBroker

from balai_contracts.envelope import Envelope
from balai_contracts.topics import IDENTITY_PARTICIPANT, TRAINING_ENROLLMENT
from balai_platform.consumer import IdempotentConsumer, subscribe
from balai_platform.inbox import Inbox

from ..adapters.tables import inbox
from ..service import reactions
from ..service.context import UkmContext


def build_consumer(ctx: UkmContext, broker: KafkaBroker) -> IdempotentConsumer:
    consumer = IdempotentConsumer(ctx.sessionmaker, Inbox(inbox), ctx.settings.consumer_group,
                                  max_retries=ctx.settings.consumer_max_retries)

    @consumer.on("ParticipantRegistered")
    async def on_participant_registered(session, env: Envelope) -> None:
        await reactions.on_participant_changed(session, env)

    @consumer.on("ParticipantUpdated")
    async def on_participant_updated(session, env: Envelope) -> None:
        await reactions.on_participant_changed(session, env)

    @consumer.on("AttendanceConfirmed")
    async def on_attendance_confirmed(session, env: Envelope) -> None:
        await reactions.on_attendance_confirmed(ctx, session, env)

    for topic in (IDENTITY_PARTICIPANT, TRAINING_ENROLLMENT):
        subscribe(broker, lambda: broker, topic, consumer, fetch_max_wait_ms=ctx.settings.kafka_fetch_max_wait_ms)
    return consumer
