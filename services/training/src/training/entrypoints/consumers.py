"""Event consumers: local copies of participants (identity), businesses (ukm) and the organisations'
service-standard deadlines (identity.organisation).

One IdempotentConsumer (inbox name and consumer group "training") on the three topics; other event
types on them are ignored."""
from __future__ import annotations

from faststream.kafka import KafkaBroker

from balai_contracts.identity import ParticipantRegisteredV1, ParticipantUpdatedV1, ServiceStandardsPublishedV1
from balai_contracts.topics import IDENTITY_ORGANISATION, IDENTITY_PARTICIPANT, UKM_BUSINESS
from balai_contracts.ukm import BusinessRegisteredV1, BusinessUpdatedV1
from balai_platform.consumer import IdempotentConsumer, fetch_waits, subscribe
from balai_platform.inbox import Inbox

from ..adapters.tables import inbox
from ..service import copies, deadlines
from ..service.context import TrainingContext

# compacted state topics this service keeps copies of (`python -m training replay`)
REPLAY_TOPICS = (IDENTITY_PARTICIPANT, UKM_BUSINESS, IDENTITY_ORGANISATION)


def register_copies(consumer: IdempotentConsumer) -> None:
    """The copy handlers (upsert_if_newer, no side effect): the live consumer and replay."""
    consumer.handle(ParticipantRegisteredV1, copies.on_participant_registered)
    consumer.handle(ParticipantUpdatedV1, copies.on_participant_updated)
    consumer.handle(BusinessRegisteredV1, copies.on_business_registered)
    consumer.handle(BusinessUpdatedV1, copies.on_business_updated)
    consumer.handle(ServiceStandardsPublishedV1, deadlines.on_service_standards_published)


def build_consumer(ctx: TrainingContext, broker: KafkaBroker) -> IdempotentConsumer:
    consumer = IdempotentConsumer(ctx.sessionmaker, Inbox(inbox), ctx.settings.consumer_group,
                                  max_retries=ctx.settings.consumer_max_retries)
    register_copies(consumer)
    subscribe(broker, lambda: broker, (IDENTITY_PARTICIPANT, UKM_BUSINESS, IDENTITY_ORGANISATION), consumer,
              **fetch_waits(ctx.settings))
    return consumer
