"""Event consumers: local copies of participants (identity) and businesses (ukm).

One IdempotentConsumer (inbox name and consumer group "training") on both topics; other event
types on them are ignored."""
from __future__ import annotations

from faststream.kafka import KafkaBroker

from balai_contracts.identity import ParticipantRegisteredV1, ParticipantUpdatedV1
from balai_contracts.topics import IDENTITY_PARTICIPANT, UKM_BUSINESS
from balai_contracts.ukm import BusinessRegisteredV1, BusinessUpdatedV1
from balai_platform.consumer import IdempotentConsumer, fetch_waits, subscribe
from balai_platform.inbox import Inbox

from ..adapters.tables import inbox
from ..service import copies
from ..service.context import TrainingContext

# compacted state topics this service keeps copies of (`python -m training replay`)
REPLAY_TOPICS = (IDENTITY_PARTICIPANT, UKM_BUSINESS)


def register_copies(consumer: IdempotentConsumer) -> None:
    """The copy handlers (upsert_if_newer, no side effect): the live consumer and replay."""
    consumer.handle(ParticipantRegisteredV1, copies.on_participant_registered)
    consumer.handle(ParticipantUpdatedV1, copies.on_participant_updated)
    consumer.handle(BusinessRegisteredV1, copies.on_business_registered)
    consumer.handle(BusinessUpdatedV1, copies.on_business_updated)


def build_consumer(ctx: TrainingContext, broker: KafkaBroker) -> IdempotentConsumer:
    consumer = IdempotentConsumer(ctx.sessionmaker, Inbox(inbox), ctx.settings.consumer_group,
                                  max_retries=ctx.settings.consumer_max_retries)
    register_copies(consumer)
    subscribe(broker, lambda: broker, (IDENTITY_PARTICIPANT, UKM_BUSINESS), consumer, **fetch_waits(ctx.settings))
    return consumer
