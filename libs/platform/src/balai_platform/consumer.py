"""Idempotent, at-least-once event consumption with bounded retries and a dead-letter topic.

The offset is committed only after the handler's transaction (inbox row + effect) committed
(FastStream AckPolicy.ACK); a redelivered event finds its inbox row and changes nothing.
"""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import orjson
from faststream import AckPolicy
from faststream.kafka import KafkaBroker, KafkaMessage, KafkaRouter
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from balai_contracts.envelope import Envelope
from balai_contracts.topics import dlq

from .inbox import Inbox
from .logging import correlation_id, get_logger

log = get_logger("consumer")
Handler = Callable[[AsyncSession, Envelope], Awaitable[None]]


class IdempotentConsumer:
    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], inbox: Inbox, name: str,
                 *, max_retries: int = 5, base_backoff: float = 0.2) -> None:
        self.sessionmaker = sessionmaker
        self.inbox = inbox
        self.name = name
        self.max_retries = max_retries
        self.base_backoff = base_backoff
        self.handlers: dict[str, Handler] = {}

    def on(self, event_type: str) -> Callable[[Handler], Handler]:
        def register(fn: Handler) -> Handler:
            self.handlers[event_type] = fn
            return fn
        return register

    async def apply(self, env: Envelope) -> str:
        """Apply one event exactly once in effect: 'applied', 'duplicate' or 'ignored'."""
        handler = self.handlers.get(env.type)
        if handler is None:
            return "ignored"
        async with self.sessionmaker() as session, session.begin():
            if not await self.inbox.claim(session, env.id, self.name, env.type):
                return "duplicate"
            await handler(session, env)
        return "applied"

    async def process(self, raw: bytes | dict[str, Any], *, topic: str,
                      dead_letter: Callable[[str, bytes, str, dict[str, str]], Awaitable[None]]) -> str:
        """Parse, apply with bounded retries, else dead-letter; never raises for a bad message."""
        body = raw if isinstance(raw, (bytes, bytearray)) else orjson.dumps(raw)
        try:
            env = Envelope.model_validate_json(body)
        except ValidationError as exc:
            log.error("event_malformed", topic=topic, error=str(exc)[:300])
            await dead_letter(dlq(topic), bytes(body), "malformed",
                              {"x-consumer": self.name, "x-error": "malformed envelope"})
            return "dead_lettered"
        token = correlation_id.set(env.correlation_id)
        last_error = ""
        try:
            for attempt in range(1, self.max_retries + 1):
                try:
                    outcome = await self.apply(env)
                    log.info("event_consumed", event_type=env.type, event_id=str(env.id), outcome=outcome)
                    return outcome
                except Exception as exc:
                    last_error = type(exc).__name__
                    log.warning("event_failed", event_type=env.type, event_id=str(env.id),
                                attempt=attempt, error=type(exc).__name__, detail=str(exc)[:200])
                    if attempt < self.max_retries:
                        await asyncio.sleep(self.base_backoff * 2 ** (attempt - 1))
            await dead_letter(dlq(topic), bytes(body), env.subject,
                              {"x-consumer": self.name, "x-error": last_error, "x-attempts": str(self.max_retries)})
            log.error("event_dead_lettered", event_type=env.type, event_id=str(env.id))
            return "dead_lettered"
        finally:
            correlation_id.reset(token)


def subscribe(router: KafkaRouter | KafkaBroker, broker_ref: Callable[[], KafkaBroker], topic: str,
              consumer: IdempotentConsumer, *, fetch_max_wait_ms: int = 20) -> None:
    """Attach `consumer` to `topic` in consumer group `<consumer.name>.<topic>`."""

    async def dead_letter(dlq_topic: str, body: bytes, key: str, headers: dict[str, str]) -> None:
        await broker_ref().publish(body, topic=dlq_topic, key=key.encode(), headers=headers)

    # One consumer group per (service, topic): every member of a group subscribes to the same
    # topic. A group mixing members of different subscriptions was seen on the dev broker to never
    # finish rebalancing after a replica restart. The inbox still de-duplicates per service.
    @router.subscriber(topic, group_id=f"{consumer.name}.{topic}", ack_policy=AckPolicy.ACK,
                       auto_offset_reset="earliest", fetch_max_wait_ms=fetch_max_wait_ms,
                       # short handlers; a short poll interval also bounds the rebalance
                       # timeout, so a restarted replica rejoins fast after an unclean stop
                       max_poll_interval_ms=30_000, session_timeout_ms=10_000,
                       heartbeat_interval_ms=3_000)
    async def _on_message(msg: KafkaMessage) -> None:
        await consumer.process(msg.body, topic=topic, dead_letter=dead_letter)
