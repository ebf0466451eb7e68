"""Event consumers: training's EnrollmentSubmitted -> the organisations a participant applied to.

One IdempotentConsumer (inbox name and consumer group "identity"); other event types on the
topic are ignored. Handlers take the typed contract event: registration is the one place to
change when the platform registers handlers by contract class."""
from __future__ import annotations

from collections.abc import Awaitable, Callable

from faststream.kafka import KafkaBroker
from sqlalchemy.ext.asyncio import AsyncSession

from balai_contracts.envelope import Envelope, EventData
from balai_contracts.topics import TRAINING_ENROLLMENT
from balai_contracts.training import EnrollmentSubmittedV1
from balai_platform.consumer import IdempotentConsumer, subscribe
from balai_platform.inbox import Inbox

from ..adapters.tables import inbox
from ..service import participant_orgs
from ..service.context import IdentityContext


def _typed(contract: type[EventData], handler: Callable[[AsyncSession, EventData], Awaitable[None]]):
    """Adapt a typed handler to today's envelope handlers (decode the contract once)."""

    async def on_envelope(session: AsyncSession, env: Envelope) -> None:
        await handler(session, contract.from_wire(env.data))

    return on_envelope


def build_consumer(ctx: IdentityContext, broker: KafkaBroker) -> IdempotentConsumer:
    consumer = IdempotentConsumer(ctx.sessionmaker, Inbox(inbox), ctx.settings.consumer_group,
                                  max_retries=ctx.settings.consumer_max_retries)
    consumer.on(EnrollmentSubmittedV1.event_type)(
        _typed(EnrollmentSubmittedV1, participant_orgs.on_enrollment_submitted))
    subscribe(broker, lambda: broker, TRAINING_ENROLLMENT, consumer,
              fetch_max_wait_ms=ctx.settings.kafka_fetch_max_wait_ms)
    return consumer
