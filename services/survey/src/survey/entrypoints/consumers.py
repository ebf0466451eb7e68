"""Event consumers: training's TrainingCompleted -> an SKM invitation; identity's ServiceStandardsPublished ->
the local copy of the complaint deadlines (other types on the topics are ignored).

One IdempotentConsumer (inbox name and consumer group "survey")."""
from __future__ import annotations

from functools import partial

from faststream.kafka import KafkaBroker

from balai_contracts.identity import ServiceStandardsPublishedV1
from balai_contracts.topics import IDENTITY_ORGANISATION, TRAINING_ENROLLMENT
from balai_contracts.training import TrainingCompletedV1
from balai_platform.consumer import IdempotentConsumer, fetch_waits, subscribe
from balai_platform.inbox import Inbox

from ..adapters.tables import inbox
from ..service import complaints, invitations
from ..service.context import SurveyContext

# compacted state topics this service keeps copies of (`python -m survey replay`)
REPLAY_TOPICS = (IDENTITY_ORGANISATION,)


def register_copies(consumer: IdempotentConsumer) -> None:
    """The copy handlers (upsert_if_newer, no side effect): the live consumer and replay."""
    consumer.handle(ServiceStandardsPublishedV1, complaints.on_service_standards_published)


def build_consumer(ctx: SurveyContext, broker: KafkaBroker) -> IdempotentConsumer:
    consumer = IdempotentConsumer(ctx.sessionmaker, Inbox(inbox), ctx.settings.consumer_group,
                                  max_retries=ctx.settings.consumer_max_retries)
    consumer.handle(TrainingCompletedV1, partial(invitations.on_training_completed, ctx))
    register_copies(consumer)
    subscribe(broker, lambda: broker, (TRAINING_ENROLLMENT, IDENTITY_ORGANISATION), consumer, **fetch_waits(ctx.settings))
    return consumer
