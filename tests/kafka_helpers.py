"""Read a topic from the beginning with a plain aiokafka consumer (no group)."""
from __future__ import annotations

import asyncio
import json
import time

from aiokafka import AIOKafkaConsumer, TopicPartition


async def read_topic(bootstrap: str, topic: str, until, timeout: float = 30.0, raw: bool = False) -> list[dict]:
    """Collect envelopes (with partition/offset) until `until(envelopes)` is true or timeout."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False,
                                fetch_max_wait_ms=20, auto_offset_reset="earliest")
    await consumer.start()
    try:
        parts = consumer.partitions_for_topic(topic)
        for _ in range(50):
            if parts:
                break
            await asyncio.sleep(0.1)
            parts = await consumer._client.fetch_all_metadata() and consumer.partitions_for_topic(topic)
        tps = [TopicPartition(topic, p) for p in sorted(parts or [])]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        out: list[dict] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not until(out):
            batch = await consumer.getmany(timeout_ms=200)
            for tp, msgs in batch.items():
                for m in msgs:
                    try:
                        env = json.loads(m.value)
                    except (TypeError, ValueError):
                        if not raw:
                            # a poison record another test put on the shared topic (the DLQ and
                            # metrics tests do): never one of ours, so not an envelope to return
                            continue
                        env = {"_malformed": True}
                    env["_partition"], env["_offset"], env["_key"] = tp.partition, m.offset, m.key
                    env["_raw"] = m.value
                    out.append(env)
        return out
    finally:
        await consumer.stop()
