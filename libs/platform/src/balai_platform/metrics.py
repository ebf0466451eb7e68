"""Operational metrics every service exports on /metrics: consumer lag, outbox backlog, DLQ counts.

Nothing here polls: the gauges are computed when Prometheus scrapes (every 15-30 s in
production), at most once per `min_interval` seconds however many scrapers ask, and each
source has a short timeout so a broker or database outage never hangs /metrics (the gauges
then keep their last values and `balai_metrics_refresh_errors_total` counts the failure).

- `balai_consumer_lag{group,topic,partition}`: end offset minus the group's committed offset
  (minus the beginning offset when the group has not committed yet). Every replica of a
  service reports the same group's lag: aggregate with `max by (group, topic, partition)`.
- `balai_outbox_backlog` / `balai_outbox_oldest_age_seconds`: outbox rows not yet published and
  the age of the oldest one (0 when none); the partial index `ix_outbox_unpublished` makes
  the count cheap.
- `balai_dlq_messages_total{topic,group}`: messages this process dead-lettered (counter,
  incremented by the consumer); `balai_dlq_records{topic}`: records held in the `<topic>.dlq`
  topics of the topics this service consumes (end minus beginning offset).
"""
from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterable

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from prometheus_client import Counter, Gauge
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from balai_contracts.topics import dlq

from .logging import get_logger

log = get_logger("metrics")

CONSUMER_LAG = Gauge("balai_consumer_lag", "Records not yet consumed by the service's group",
                     ["group", "topic", "partition"])
OUTBOX_BACKLOG = Gauge("balai_outbox_backlog", "Outbox rows not yet published to the broker")
OUTBOX_OLDEST_AGE = Gauge("balai_outbox_oldest_age_seconds",
                          "Age of the oldest outbox row not yet published (0 when none)")
DLQ_MESSAGES = Counter("balai_dlq_messages", "Messages this process sent to a dead-letter topic",
                       ["topic", "group"])
DLQ_RECORDS = Gauge("balai_dlq_records", "Records held in a dead-letter topic", ["topic"])
REFRESH_ERRORS = Counter("balai_metrics_refresh_errors", "Metric sources that failed to answer on scrape",
                         ["source"])

_BACKLOG_SQL = text("SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) "
                    "FROM outbox WHERE published_at IS NULL")


def dead_lettered(dlq_topic: str, group: str) -> None:
    """Count one message sent to `dlq_topic` by consumer group `group`."""
    DLQ_MESSAGES.labels(dlq_topic, group).inc()


def subscriptions_of(broker) -> list[tuple[str, str]]:
    """(group, topic) of every subscriber registered on a FastStream Kafka broker."""
    out: list[tuple[str, str]] = []
    for sub in getattr(broker, "subscribers", ()):
        group = getattr(sub, "group_id", None)
        for topic in getattr(sub, "topics", ()) or ():
            name = getattr(topic, "name", topic)
            if group and isinstance(name, str):
                out.append((group, name))
    return out


class ServiceMetrics:
    """Refreshes the gauges of one service on scrape (see the module docstring)."""

    def __init__(self, *, engine: AsyncEngine | None, bootstrap: str,
                 subscriptions: Iterable[tuple[str, str]], min_interval: float = 2.0,
                 timeout: float = 3.0) -> None:
        self.engine = engine
        self.bootstrap = bootstrap
        self.subscriptions = sorted(set(subscriptions))
        self.min_interval = min_interval
        self.timeout = timeout
        self._last = 0.0
        self._lock = asyncio.Lock()
        self._consumer: AIOKafkaConsumer | None = None
        self._admin: AIOKafkaAdminClient | None = None
        for group, topic in self.subscriptions:  # the family shows 0 before the first dead letter
            DLQ_MESSAGES.labels(dlq(topic), group)

    async def refresh(self) -> None:
        async with self._lock:
            if time.monotonic() - self._last < self.min_interval:
                return
            await asyncio.gather(self._guarded("outbox", self._refresh_outbox),
                                 self._guarded("kafka", self._refresh_kafka))
            self._last = time.monotonic()

    async def close(self) -> None:
        await self._close_clients()

    async def _guarded(self, source: str, fn) -> None:
        try:
            async with asyncio.timeout(self.timeout):
                await fn()
        except Exception as exc:
            REFRESH_ERRORS.labels(source).inc()
            log.warning("metrics_refresh_failed", source=source, error=type(exc).__name__)
            if source == "kafka":
                await self._close_clients()

    async def _refresh_outbox(self) -> None:
        if self.engine is None:
            return
        async with self.engine.connect() as conn:
            count, age = (await conn.execute(_BACKLOG_SQL)).one()
        OUTBOX_BACKLOG.set(count)
        OUTBOX_OLDEST_AGE.set(float(age or 0))

    async def _clients(self) -> tuple[AIOKafkaConsumer, AIOKafkaAdminClient]:
        if self._consumer is None or self._admin is None:
            await self._close_clients()
            # partition counts come from the client's metadata, refreshed once a minute: a
            # partition added to a topic shows in the lag within a minute
            consumer = AIOKafkaConsumer(bootstrap_servers=self.bootstrap, enable_auto_commit=False,
                                        client_id="balai-metrics", metadata_max_age_ms=60_000)
            admin = AIOKafkaAdminClient(bootstrap_servers=self.bootstrap, client_id="balai-metrics")
            try:
                await consumer.start()
                await admin.start()
            except BaseException:
                with contextlib.suppress(Exception):
                    await consumer.stop()
                with contextlib.suppress(Exception):
                    await admin.close()
                raise
            self._consumer, self._admin = consumer, admin
        return self._consumer, self._admin

    async def _close_clients(self) -> None:
        consumer, admin, self._consumer, self._admin = self._consumer, self._admin, None, None
        if consumer is not None:
            with contextlib.suppress(Exception):
                await consumer.stop()
        if admin is not None:
            with contextlib.suppress(Exception):
                await admin.close()

    async def _refresh_kafka(self) -> None:
        if not self.subscriptions:
            return
        consumer, admin = await self._clients()
        existing = await consumer.topics()  # one metadata request
        topics = sorted({t for _, t in self.subscriptions} | {dlq(t) for _, t in self.subscriptions})
        tps = [TopicPartition(t, p) for t in topics if t in existing
               for p in sorted(consumer.partitions_for_topic(t) or ())]
        if not tps:
            return
        begin = await consumer.beginning_offsets(tps)
        end = await consumer.end_offsets(tps)
        lags: dict[tuple[str, str, int], int] = {}
        for group, topic in self.subscriptions:
            mine = [tp for tp in tps if tp.topic == topic]
            if not mine:
                continue
            # explicit partitions: Tansu answers "all partitions" in a form aiokafka cannot decode
            committed = await admin.list_consumer_group_offsets(group, partitions=mine)
            for tp in mine:
                meta = committed.get(tp)
                offset = meta.offset if meta is not None and meta.offset >= 0 else begin[tp]
                lags[(group, topic, tp.partition)] = max(end[tp] - offset, 0)
        dlq_records: dict[str, int] = {}
        for tp in tps:
            if tp.topic.endswith(".dlq"):
                dlq_records[tp.topic] = dlq_records.get(tp.topic, 0) + max(end[tp] - begin[tp], 0)
        # no await between clear and set: a scrape never sees a half-filled family
        CONSUMER_LAG.clear()
        for (group, topic, partition), lag in lags.items():
            CONSUMER_LAG.labels(group, topic, str(partition)).set(lag)
        for topic in (dlq(t) for _, t in self.subscriptions):
            DLQ_RECORDS.labels(topic).set(dlq_records.get(topic, 0))
