"""Rebuild a service's local copies from the beginning of the compacted state topics.

`python -m <service> replay [--topics ...]` reads each topic from offset 0 to its end as it was
when reading began (`_read_to_end`), with a group-less consumer (manual partition assignment: no consumer group
joins, no offset is committed, the live groups `<service>.<topic>` are untouched), and applies
every event through the service's copy handlers: the SAME typed handlers the live consumer
registers, decoded by the same `IdempotentConsumer.decode` (same contract, same version rule).

Why no double effect:
- only copy handlers are registered for a replay (`register_copies` in each service's
  `entrypoints/consumers.py`); reactions with side effects (a product showcased, a bed
  assigned, a certificate issued) are not, so their event types are ignored here even when their
  topic is named in `--topics`;
- copy handlers write with `balai_platform.copies.upsert_if_newer`: applying an event again, or
  an older one after a newer, leaves the row as it was. Replay therefore does NOT consult the
  inbox (an inbox row says an event was applied once; after copies were wiped that would skip
  exactly the events we need) and writes no inbox rows (the live consumer may still apply the
  same event later: the upsert makes that a no-op).
Replay may run beside the live consumer of the same service.
"""
from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

from aiokafka import AIOKafkaConsumer, TopicPartition
from pydantic import ValidationError

from balai_contracts.envelope import Envelope

from .consumer import IdempotentConsumer, InvalidPayload
from .logging import get_logger

log = get_logger("replay")


@dataclass
class ReplayReport:
    """What one replay read and applied, per topic."""

    read: dict[str, int] = field(default_factory=dict)
    applied: dict[str, int] = field(default_factory=dict)
    ignored: dict[str, int] = field(default_factory=dict)
    invalid: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def count(self, bucket: dict[str, int], topic: str) -> None:
        bucket[topic] = bucket.get(topic, 0) + 1

    def as_dict(self) -> dict[str, object]:
        return {"read": self.read, "applied": self.applied, "ignored": self.ignored,
                "invalid": self.invalid, "seconds": round(self.seconds, 2)}


async def _partitions(consumer: AIOKafkaConsumer, topic: str, timeout: float) -> list[TopicPartition]:
    deadline = time.monotonic() + timeout
    while True:
        await consumer.topics()  # refreshes the cluster metadata
        parts = consumer.partitions_for_topic(topic)
        if parts:
            return [TopicPartition(topic, p) for p in sorted(parts)]
        if time.monotonic() > deadline:
            raise RuntimeError(f"topic {topic} not found on the broker")
        await asyncio.sleep(0.2)


async def replay(bootstrap: str, topics: Sequence[str], consumer: IdempotentConsumer, *,
                 batch_size: int = 500, metadata_timeout: float = 15.0) -> ReplayReport:
    """Apply every event of `topics` (beginning to the end when reading began) through the copy
    handlers registered on `consumer`; one database transaction per fetched batch."""
    report = ReplayReport()
    started = time.monotonic()
    kafka = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
                             auto_offset_reset="earliest", fetch_max_wait_ms=100,
                             max_partition_fetch_bytes=4 * 1024 * 1024)
    await kafka.start()
    try:
        tps = [tp for topic in topics for tp in await _partitions(kafka, topic, metadata_timeout)]
        kafka.assign(tps)
        await kafka.seek_to_beginning(*tps)
        for tp in tps:
            report.read.setdefault(tp.topic, 0)
        await _read_to_end(kafka, tps, batch_size, lambda records: _apply(consumer, records, report))
    finally:
        await kafka.stop()
    report.seconds = time.monotonic() - started
    log.info("replay_done", topics=list(topics), **report.as_dict())
    return report


async def _read_to_end(kafka: AIOKafkaConsumer, tps: list[TopicPartition], batch_size: int,
                       apply: Callable[[list], Awaitable[None]], *, idle_rounds: int = 6) -> None:
    """Hand every record from the current position up to the partition's end, as it was when
    reading began, to `apply` in batches.

    The end of a partition is the larger of ListOffsets' answer and the high watermark of the
    first fetch response: the embedded broker (Tansu) was seen to under-report ListOffsets(latest)
    by about a producer batch per partition, while its fetch high watermark is right. A partition
    whose fetches never report a high watermark counts as done once at its ListOffsets end and
    idle for `idle_rounds` polls."""
    ends = await kafka.end_offsets(tps)
    targets: dict[TopicPartition, int] = {}
    pending, idle = set(tps), 0
    while pending:
        batch = await kafka.getmany(*pending, timeout_ms=500, max_records=batch_size)
        records = [(tp, r) for tp, rs in batch.items() for r in rs]
        if records:
            await apply(records)
        idle = 0 if records else idle + 1
        for tp in list(pending):
            high = kafka.highwater(tp)
            if high is not None and tp not in targets:
                targets[tp] = max(high, ends[tp])
            position = await kafka.position(tp)
            if position >= targets.get(tp, ends[tp]) and (tp in targets or idle >= idle_rounds):
                pending.discard(tp)


async def _apply(consumer: IdempotentConsumer, records: list, report: ReplayReport) -> None:
    async with consumer.sessionmaker() as session, session.begin():
        for tp, record in records:
            report.count(report.read, tp.topic)
            if record.value is None:  # a tombstone: nothing to copy
                report.count(report.ignored, tp.topic)
                continue
            try:
                env = Envelope.model_validate_json(record.value)
                decoded = consumer.decode(env)
            except (ValidationError, InvalidPayload):
                # the live consumer dead-lettered it already; replay only counts it
                report.count(report.invalid, tp.topic)
                continue
            if decoded is None:
                report.count(report.ignored, tp.topic)
                continue
            await decoded.handler(session, decoded.event, decoded.meta)
            report.count(report.applied, tp.topic)
