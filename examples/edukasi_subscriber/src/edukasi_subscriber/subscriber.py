"""Consume `ukm.product` in our own consumer group and keep the showcase.

The offset is committed only after the showcase committed the event (at-least-once on our side
too); a redelivered event is recognised by its id. A new group starts from the earliest
retained event: `ukm.product` is compacted, so the latest event of every product is there."""
from __future__ import annotations

import asyncio
import logging

from aiokafka import AIOKafkaConsumer
from pydantic import ValidationError

from .models import Envelope
from .showcase import Showcase

TOPIC = "ukm.product"
log = logging.getLogger("edukasi_subscriber")


async def run(bootstrap: str, showcase: Showcase, *, group: str = "edukasi-showcase",
              stop: asyncio.Event | None = None) -> None:
    consumer = AIOKafkaConsumer(TOPIC, bootstrap_servers=bootstrap, group_id=group,
                                enable_auto_commit=False, auto_offset_reset="earliest")
    await consumer.start()
    stop = stop or asyncio.Event()
    try:
        while not stop.is_set():
            batch = await consumer.getmany(timeout_ms=500, max_records=200)
            for records in batch.values():
                for record in records:
                    outcome = apply_record(showcase, record.value)
                    log.info("event %s offset %s: %s", record.partition, record.offset, outcome)
            if batch:
                await consumer.commit()
    finally:
        await consumer.stop()


def apply_record(showcase: Showcase, value: bytes | None) -> str:
    """Apply one Kafka record; a record we cannot read is skipped (logged), never retried for ever."""
    if value is None:
        return "ignored"
    try:
        return showcase.apply(Envelope.model_validate_json(value))
    except ValidationError as exc:
        log.warning("unreadable event skipped: %s", exc.errors()[0]["type"] if exc.errors() else "invalid")
        return "invalid"
