"""Idempotent, at-least-once event consumption with bounded retries and a dead-letter topic.

A service registers one handler per contract class (`consumer.on(ParticipantUpdatedV1)`); the
consumer decodes the envelope's payload once into that class and calls
`handler(session, event, meta)`; other types, and other versions of a handled type, are ignored.
The offset of a message is committed only after the handler's transaction (inbox row + effect)
committed, and not for every message: `OffsetCommits` commits the processed offsets at most every
`commit_interval` seconds, and the tail of a burst that long after it (one commit per message cost
the broker and the service more CPU than most handlers). A crash or rebalance in between
redelivers what was processed since the last commit; a redelivered event finds its inbox row and
changes nothing. A
message that cannot be decoded (malformed envelope, payload not matching its contract) goes to
`<topic>.dlq` at once: retrying cannot fix it. A failure of the infrastructure (the database
restarting or unreachable) is not the message's fault: the consumer waits for it, without using up
the message's retries, for up to `transient_limit` seconds (then it dead-letters as usual).
"""
from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
import weakref
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import orjson
from aiokafka import TopicPartition
from faststream import AckPolicy
from faststream.kafka import KafkaBroker, KafkaRouter
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from balai_contracts.envelope import Envelope, EventData
from balai_contracts.topics import dlq

from . import metrics
from .inbox import Inbox
from .logging import correlation_id, get_logger

log = get_logger("consumer")
E = TypeVar("E", bound=EventData)
DeadLetter = Callable[[str, bytes, str, dict[str, str]], Awaitable[None]]


@dataclass(frozen=True)
class EventMeta:
    """What a handler may need from the envelope besides the typed payload."""

    event_id: uuid.UUID
    occurred_at: datetime
    correlation_id: str
    subject: str

    @classmethod
    def of(cls, env: Envelope) -> EventMeta:
        return cls(event_id=env.id, occurred_at=env.occurred_at, correlation_id=env.correlation_id,
                   subject=env.subject)


Handler = Callable[[AsyncSession, E, EventMeta], Awaitable[None]]


def _where(exc: ValidationError) -> str:
    """Field locations and error kinds only: the rejected values may be personal data."""
    return ", ".join(f"{'.'.join(map(str, e['loc']))}:{e['type']}" for e in exc.errors()[:5])


# SQLSTATE classes of a database that is away, not of a bad event: connection exception,
# operator intervention (shutting down, starting up), insufficient resources
TRANSIENT_SQLSTATES = ("08", "57P", "53")


def is_transient(exc: BaseException) -> bool:
    """True for errors of an unreachable or restarting database (or socket), seen anywhere in the
    exception's chain (SQLAlchemy wraps asyncpg's errors, which wrap OS errors)."""
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, (OSError, TimeoutError)) or getattr(e, "connection_invalidated", False):
            return True
        code = getattr(e, "sqlstate", None) or getattr(e, "pgcode", None)
        if code and str(code).startswith(TRANSIENT_SQLSTATES):
            return True
        if type(e).__name__ in ("ConnectionDoesNotExistError", "InternalClientError"):
            return True
        e = getattr(e, "orig", None) or e.__cause__ or e.__context__
    return False


class InvalidPayload(Exception):
    """The envelope is fine but its data does not fit the registered contract."""


@dataclass(frozen=True)
class Decoded:
    handler: Handler[Any]
    event: EventData
    meta: EventMeta


@contextlib.contextmanager
def _correlated(env: Envelope):
    """Logs (and events a handler writes) carry the correlation id of the event being applied."""
    token = correlation_id.set(env.correlation_id)
    try:
        yield
    finally:
        correlation_id.reset(token)


@dataclass(frozen=True)
class _Ready:
    """A message parsed and decoded, to be applied."""
    env: Envelope
    decoded: Decoded
    body: bytes
    topic: str


class IdempotentConsumer:
    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], inbox: Inbox, name: str,
                 *, max_retries: int = 5, base_backoff: float = 0.2, transient_limit: float = 300.0,
                 transient_pause: float = 1.0) -> None:
        self.sessionmaker = sessionmaker
        self.inbox = inbox
        self.name = name
        self.max_retries = max_retries
        self.base_backoff = base_backoff
        self.transient_limit = transient_limit
        self.transient_pause = transient_pause
        self.contracts: dict[str, tuple[type[EventData], Handler[Any]]] = {}

    def handle(self, contract: type[E], handler: Handler[E]) -> None:
        """Call `handler(session, event, meta)` for every event of `contract`'s type."""
        if contract.event_type in self.contracts:
            raise ValueError(f"{self.name}: a handler for {contract.event_type} is already registered")
        self.contracts[contract.event_type] = (contract, handler)

    def on(self, contract: type[E]) -> Callable[[Handler[E]], Handler[E]]:
        """Decorator form of `handle`."""
        def register(fn: Handler[E]) -> Handler[E]:
            self.handle(contract, fn)
            return fn
        return register

    def decode(self, env: Envelope) -> Decoded | None:
        """The handler and typed event for `env`; None for types and versions this consumer ignores."""
        entry = self.contracts.get(env.type)
        if entry is None:
            return None
        contract, handler = entry
        if env.version != contract.event_version:
            # during a deprecation period both versions travel side by side (docs/events.md,
            # Versioning): handling both would apply the same fact twice
            return None
        try:
            event = contract.from_wire(env.data)
        except ValidationError as exc:
            raise InvalidPayload(f"invalid {env.type} payload ({_where(exc)})") from None
        return Decoded(handler, event, EventMeta.of(env))

    async def apply(self, env: Envelope) -> str:
        """Apply one event exactly once in effect: 'applied', 'duplicate' or 'ignored'."""
        decoded = self.decode(env)
        return "ignored" if decoded is None else await self._run(env, decoded)

    async def _run(self, env: Envelope, decoded: Decoded) -> str:
        async with self.sessionmaker() as session, session.begin():
            if not await self.inbox.claim(session, env.id, self.name, env.type):
                return "duplicate"
            await decoded.handler(session, decoded.event, decoded.meta)
        return "applied"

    async def process(self, raw: bytes | dict[str, Any], *, topic: str, dead_letter: DeadLetter,
                      event_type: str | None = None) -> str:
        """Parse, apply with bounded retries, else dead-letter; never raises for a bad message.

        `event_type` is the message's `event-type` header (the relay sets it): a type this consumer
        has no handler for is ignored without parsing the body (most events on a topic are such)."""
        outcome, ready = await self._prepare(raw, topic, dead_letter, event_type)
        if ready is None:
            return outcome
        with _correlated(ready.env):
            return await self._run_with_retries(ready.env, ready.decoded, ready.body, topic, dead_letter)

    async def process_many(self, messages: Sequence[tuple[bytes, str, str | None]], *,
                           dead_letter: DeadLetter) -> list[str]:
        """`process` for messages fetched together ((body, topic, event-type header) each, in the
        order of their partitions): the events to apply are applied in ONE transaction (one
        session, BEGIN and COMMIT instead of one each; an event's inbox row and effect still
        commit together). If anything in it fails, it is rolled back and every event runs on its
        own as `process` runs it, with its retries and dead letter; their inbox rows keep that
        from applying anything twice."""
        outcomes: list[str] = ["ignored"] * len(messages)
        ready: list[tuple[int, _Ready]] = []
        for i, (raw, topic, event_type) in enumerate(messages):
            outcome, one = await self._prepare(raw, topic, dead_letter, event_type)
            if one is None:
                outcomes[i] = outcome
            else:
                ready.append((i, one))
        if len(ready) > 1:
            try:
                applied = await self._run_together([one for _, one in ready])
            except Exception as exc:
                log.info("event_batch_failed", events=len(ready), error=type(exc).__name__)
            else:
                for (i, one), outcome in zip(ready, applied, strict=True):
                    outcomes[i] = outcome
                    log.info("event_consumed", event_type=one.env.type, event_id=str(one.env.id), outcome=outcome)
                return outcomes
        for i, one in ready:
            with _correlated(one.env):
                outcomes[i] = await self._run_with_retries(one.env, one.decoded, one.body, one.topic, dead_letter)
        return outcomes

    async def _run_together(self, ready: list[_Ready]) -> list[str]:
        outcomes = []
        async with self.sessionmaker() as session, session.begin():
            for one in ready:
                with _correlated(one.env):
                    if await self.inbox.claim(session, one.env.id, self.name, one.env.type):
                        await one.decoded.handler(session, one.decoded.event, one.decoded.meta)
                        outcomes.append("applied")
                    else:
                        outcomes.append("duplicate")
        return outcomes

    async def _prepare(self, raw: bytes | dict[str, Any], topic: str, dead_letter: DeadLetter,
                       event_type: str | None) -> tuple[str, _Ready | None]:
        """The parsed event to apply, or the outcome when there is none (ignored, dead-lettered)."""
        if event_type is not None and event_type not in self.contracts:
            return "ignored", None
        body = raw if isinstance(raw, (bytes, bytearray)) else orjson.dumps(raw)
        try:
            env = Envelope.model_validate_json(body)
        except ValidationError as exc:
            log.error("event_malformed", topic=topic, error=_where(exc))
            await dead_letter(dlq(topic), bytes(body), "malformed",
                              {"x-consumer": self.name, "x-error": "malformed envelope"})
            return "dead_lettered", None
        try:
            decoded = self.decode(env)
        except InvalidPayload as exc:
            log.error("event_invalid", event_type=env.type, event_id=str(env.id), error=str(exc)[:300])
            await dead_letter(dlq(topic), bytes(body), env.subject,
                              {"x-consumer": self.name, "x-error": str(exc)[:300], "x-attempts": "0"})
            return "dead_lettered", None
        if decoded is None:
            return "ignored", None
        return "", _Ready(env, decoded, bytes(body), topic)

    async def _run_with_retries(self, env: Envelope, decoded: Decoded, body: bytes, topic: str,
                                dead_letter: DeadLetter) -> str:
        last_error = ""
        attempt, waited_since = 0, time.monotonic()
        while attempt < self.max_retries:
            try:
                outcome = await self._run(env, decoded)
                log.info("event_consumed", event_type=env.type, event_id=str(env.id), outcome=outcome)
                return outcome
            except Exception as exc:
                last_error = type(exc).__name__
                if is_transient(exc) and time.monotonic() - waited_since < self.transient_limit:
                    log.warning("event_waiting_for_database", event_type=env.type, event_id=str(env.id),
                                error=type(exc).__name__, detail=str(exc)[:200])
                    await asyncio.sleep(self.transient_pause)
                    continue
                attempt += 1
                log.warning("event_failed", event_type=env.type, event_id=str(env.id),
                            attempt=attempt, error=type(exc).__name__, detail=str(exc)[:200])
                if attempt < self.max_retries:
                    await asyncio.sleep(self.base_backoff * 2 ** (attempt - 1))
        await dead_letter(dlq(topic), body, env.subject,
                          {"x-consumer": self.name, "x-error": last_error, "x-attempts": str(self.max_retries)})
        log.error("event_dead_lettered", event_type=env.type, event_id=str(env.id))
        return "dead_lettered"


class AdaptiveFetchWait:
    """How long the broker may hold an empty fetch: short while events flow, long when idle.

    The dev broker (Tansu) answers an empty fetch only when `fetch_max_wait_ms` runs out and
    checks every assigned partition's log again on every fetch, so an idle consumer with a 20 ms
    wait costs the broker and the service CPU fifty times a second for nothing. After a message,
    the consumer fetches with `busy_ms` (events of a flow follow each other within milliseconds)
    for `busy_seconds`; then with `idle_ms`. The first event after a quiet spell waits for the
    broker's next look at the log: Tansu looks again after half the remaining wait while that is
    250 ms or more, so at most about idle_ms / 2 (Apache Kafka answers a fetch as soon as data
    arrives, so a long wait costs no latency there: docs/operations.md).

    aiokafka reads the wait from its fetcher for every fetch request it builds; FastStream does
    not expose it, so it is set on the fetcher of the subscriber's consumer when present.
    """

    def __init__(self, busy_ms: int = 20, idle_ms: int = 990, busy_seconds: float = 10.0) -> None:
        self.busy_ms = busy_ms
        self.idle_ms = max(idle_ms, busy_ms)
        self.busy_seconds = busy_seconds
        self.subscriber: Any = None
        self.last = 0.0
        self._timer: asyncio.TimerHandle | None = None

    @property
    def busy(self) -> bool:
        return self._timer is not None

    def _fetcher(self) -> Any:
        fetcher = getattr(getattr(self.subscriber, "consumer", None), "_fetcher", None)
        return fetcher if hasattr(fetcher, "_fetch_max_wait_ms") else None

    def touch(self) -> None:
        """A message arrived: fetch with the short wait until `busy_seconds` without one."""
        fetcher = self._fetcher()
        if fetcher is None:
            return
        loop = asyncio.get_running_loop()
        self.last = loop.time()
        # checked on every message: a consumer restarted after a broker outage starts idle
        fetcher._fetch_max_wait_ms = self.busy_ms
        if self._timer is None:
            self._timer = loop.call_later(self.busy_seconds, self._maybe_idle)

    def _maybe_idle(self) -> None:
        loop = asyncio.get_running_loop()
        quiet = loop.time() - self.last
        if quiet < self.busy_seconds:
            self._timer = loop.call_later(self.busy_seconds - quiet, self._maybe_idle)
            return
        self._timer = None
        fetcher = self._fetcher()
        if fetcher is not None:
            fetcher._fetch_max_wait_ms = self.idle_ms


class OffsetCommits:
    """Commits the offsets of processed messages in batches, never past a message not yet processed.

    A subscriber handles its messages one at a time, so after message N of a partition the offset
    N + 1 is safe to commit. `processed()` records it and commits when `interval` seconds have
    passed since the last commit; otherwise a timer commits the recorded offsets `interval`
    seconds later (the tail of a burst, and the last message before a quiet spell). The offsets
    are explicit, so a commit running while the next message is handled cannot cover it. A commit
    that fails (a rebalance took the partition, the broker is away) keeps the offsets of the
    partitions still assigned for the next try; what is never committed is redelivered, and the
    inbox makes that harmless.
    """

    def __init__(self, consumer_ref: Callable[[], Any], interval: float = 0.1) -> None:
        self.consumer_ref = consumer_ref
        self.interval = interval
        self.pending: dict[Any, int] = {}
        self.last = 0.0
        self.commits = 0
        self._timer: asyncio.TimerHandle | None = None
        self._lock = asyncio.Lock()

    async def processed(self, topic: str, partition: int, offset: int) -> None:
        self.pending[TopicPartition(topic, partition)] = offset + 1
        loop = asyncio.get_running_loop()
        if loop.time() - self.last >= self.interval:
            await self.flush()
        elif self._timer is None:
            self._timer = loop.call_later(self.interval, self._flush_later)

    def _flush_later(self) -> None:
        self._timer = None
        if self.pending:
            task = asyncio.ensure_future(self.flush())
            task.add_done_callback(lambda t: t.cancelled() or t.exception())

    async def flush(self) -> None:
        async with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            offsets, self.pending = self.pending, {}
            self.last = asyncio.get_running_loop().time()
            consumer = self.consumer_ref()
            if not offsets or consumer is None:
                return
            try:
                await consumer.commit(offsets)
                self.commits += 1
            except Exception as exc:  # redelivery covers what is not committed
                assigned = consumer.assignment()
                for tp, offset in offsets.items():
                    if tp in assigned and tp not in self.pending:
                        self.pending[tp] = offset
                log.warning("offset_commit_failed", error=type(exc).__name__, partitions=len(offsets))
                if self.pending and self._timer is None:
                    self._timer = asyncio.get_running_loop().call_later(self.interval, self._flush_later)


# the OffsetCommits of every subscription made on a broker (or router), for flush_commits()
_COMMITS: weakref.WeakKeyDictionary[Any, list[OffsetCommits]] = weakref.WeakKeyDictionary()


async def flush_commits(broker: Any) -> None:
    """Commit what the subscriptions on `broker` have processed (before it stops: a graceful stop
    redelivers nothing)."""
    for commits in _COMMITS.get(broker, ()):
        with contextlib.suppress(Exception):
            await commits.flush()


def _event_type(record: Any) -> str | None:
    """The `event-type` header the relay sets (None when absent: the body is parsed to know)."""
    return next((v.decode("utf-8", "replace") for k, v in record.headers or () if k == "event-type"), None)


async def _message_itself(msg: Any) -> Any:
    """FastStream decoder: hand the handler the message itself. A handler parameter annotated
    with FastStream's KafkaMessage is a Context field, which FastDepends resolves in a worker
    thread for every message (a thread hop that cost more than an ignored event's handling)."""
    return msg


def fetch_waits(settings: Any) -> dict[str, Any]:
    """subscribe()'s fetch-wait arguments from a service's settings (ServiceSettings.kafka_fetch_*)."""
    return {"fetch_max_wait_ms": settings.kafka_fetch_max_wait_ms,
            "fetch_idle_wait_ms": getattr(settings, "kafka_fetch_idle_wait_ms", None),
            "busy_seconds": getattr(settings, "kafka_fetch_busy_seconds", 10.0)}


def subscribe(router: KafkaRouter | KafkaBroker, broker_ref: Callable[[], KafkaBroker],
              topics: str | Sequence[str], consumer: IdempotentConsumer, *, fetch_max_wait_ms: int = 20,
              fetch_idle_wait_ms: int | None = None, busy_seconds: float = 10.0,
              commit_interval: float = 0.1, batch_size: int = 50) -> AdaptiveFetchWait:
    """Attach `consumer` to `topics` with ONE Kafka consumer.

    The consumer group is `<consumer.name>` for a service's list of topics (one group, one fetch
    loop, one heartbeat per process however many topics) and `<consumer.name>.<topic>` for a
    single topic given as a string. Every member of a group subscribes to the same topics: a group
    mixing members of different subscriptions was seen on the dev broker to never finish
    rebalancing after a replica restart. The inbox de-duplicates per service.

    `fetch_max_wait_ms` is the wait while events flow, `fetch_idle_wait_ms` (default: the same,
    i.e. a fixed wait) after `busy_seconds` without a message (AdaptiveFetchWait). Offsets are
    committed every `commit_interval` seconds at most (OffsetCommits). Up to `batch_size` events
    already fetched are applied together (IdempotentConsumer.process_many).
    """
    names = [topics] if isinstance(topics, str) else list(topics)
    group = f"{consumer.name}.{topics}" if isinstance(topics, str) else consumer.name
    wait = AdaptiveFetchWait(fetch_max_wait_ms, fetch_idle_wait_ms or fetch_max_wait_ms, busy_seconds)

    async def dead_letter(dlq_topic: str, body: bytes, key: str, headers: dict[str, str]) -> None:
        await broker_ref().publish(body, topic=dlq_topic, key=key.encode(), headers=headers)
        metrics.dead_lettered(dlq_topic, group)

    subscriber = router.subscriber(
        *names, group_id=group, ack_policy=AckPolicy.MANUAL, auto_offset_reset="earliest",
        decoder=_message_itself,
        # the first fetch after start answers at once when there is a backlog
        fetch_max_wait_ms=wait.idle_ms,
        # short handlers; a short poll interval also bounds the rebalance
        # timeout, so a restarted replica rejoins fast after an unclean stop
        max_poll_interval_ms=30_000, session_timeout_ms=10_000, heartbeat_interval_ms=3_000)
    wait.subscriber = subscriber
    commits = OffsetCommits(lambda: getattr(subscriber, "consumer", None), commit_interval)
    _COMMITS.setdefault(router, []).append(commits)

    @subscriber
    async def _on_message(msg) -> None:  # the KafkaMessage itself (_message_itself), not a Context field
        wait.touch()
        records = [msg.raw_message]
        kafka = getattr(subscriber, "consumer", None)
        if batch_size > 1 and kafka is not None and subscriber.running:
            # what the last fetch brought besides this message, without waiting for more: under
            # load events arrive in batches and are applied in one transaction; a lone event
            # goes alone, as fast as before
            for more in (await kafka.getmany(timeout_ms=0, max_records=batch_size - 1)).values():
                records.extend(more)
        if len(records) == 1:
            await consumer.process(records[0].value or b"", topic=records[0].topic, dead_letter=dead_letter,
                                   event_type=_event_type(records[0]))
        else:
            await consumer.process_many([(r.value or b"", r.topic, _event_type(r)) for r in records],
                                        dead_letter=dead_letter)
        for record in records:
            await commits.processed(record.topic, record.partition, record.offset)
        if not subscriber.running:  # stopping: this was the message in hand, commit it now
            await commits.flush()

    return wait
