"""Event consumers: training's EnrollmentSubmitted -> the organisations a participant applied to.

One IdempotentConsumer (inbox name and consumer group "identity"); other event types on the
topic are ignored. The platform decodes the envelope once and calls the typed handler."""
from __future__ import annotations

from faststream.kafka import KafkaBroker

from balai_contracts.topics import TRAINING_ENROLLMENT
from balai_contracts.training import EnrollmentSubmittedV1
from balai_platform.consumer import IdempotentConsumer, fetch_waits, subscribe
from balai_platform.inbox import Inbox

from ..adapters.tables import inbox
from ..service import participant_orgs
from ..service.context import IdentityContext


def build_consumer(ctx: IdentityContext, broker: KafkaBroker) -> IdempotentConsumer:
    consumer = IdempotentConsumer(ctx.sessionmaker, Inbox(inbox), ctx.settings.consumer_group,
                                  max_retries=ctx.settings.consumer_max_retries)
    consumer.handle(EnrollmentSubmittedV1, participant_orgs.on_enrollment_submitted)
    subscribe(broker, lambda: broker, (TRAINING_ENROLLMENT,), consumer, **fetch_waits(ctx.settings))
    return consumer
