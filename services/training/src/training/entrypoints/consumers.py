"""Event consumers: local copies of participants (identity) and businesses (ukm).

One IdempotentConsumer (inbox name and consumer group "training") on both topics; other event
types on them are ignored."""
from __future__ import annotations

from faststream.kafka import KafkaBroker

from balai_contracts.envelope import Envelope
from balai_contracts.topics import IDENTITY_PARTICIPANT, UKM_BUSINESS
from balai_platform.consumer import IdempotentConsumer, subscribe
from balai_platform.inbox import Inbox

from ..adapters.tables import inbox
from ..service import copies
from ..service.context import TrainingContext


def build_consumer(ctx: TrainingContext, broker: KafkaBroker) -> IdempotentConsumer:
    consumer = IdempotentConsumer(ctx.sessionmaker, Inbox(inbox), ctx.settings.consumer_group,
                                  max_retries=ctx.settings.consumer_max_retries)

    @consumer.on("ParticipantRegistered")
    async def on_participant_registered(session, env: Envelope) -> None:
        await copies.on_participant_changed(session, env)

    @consumer.on("ParticipantUpdated")
    async def on_participant_updated(session, env: Envelope) -> None:
        await copies.on_participant_changed(session, env)

    @consumer.on("BusinessRegistered")
    async def on_business_registered(session, env: Envelope) -> None:
        await copies.on_business_changed(session, env)

    @consumer.on("BusinessUpdated")
    async def on_business_updated(session, env: Envelope) -> None:
        await copies.on_business_changed(session, env)

    for topic in (IDENTITY_PARTICIPANT, UKM_BUSINESS):
        subscribe(broker, lambda: broker, topic, consumer, fetch_max_wait_ms=ctx.settings.kafka_fetch_max_wait_ms)
    return consumer
