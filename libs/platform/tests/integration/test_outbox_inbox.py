"""Outbox relay and inbox on the real broker and PostgreSQL: nothing lost, nothing twice."""
from __future__ import annotations

import asyncio
import uuid
from typing import ClassVar

import pytest
from faststream.kafka import KafkaBroker
from sqlalchemy import Column, Integer, String, Table, func, select
from sqlalchemy.dialects.postgresql import UUID

from balai_contracts.envelope import Envelope, EventData
from balai_devstack.infra import create_database, create_topics
from balai_platform.consumer import EventMeta, IdempotentConsumer, subscribe
from balai_platform.db import make_engine, make_metadata, make_sessionmaker
from balai_platform.inbox import Inbox, inbox_table
from balai_platform.outbox import Outbox, outbox_table
from balai_platform.relay import OutboxRelay

pytestmark = pytest.mark.integration
TOPIC = f"test.platform.{uuid.uuid4().hex[:8]}"
metadata = make_metadata()
outbox_t = outbox_table(metadata)
inbox_t = inbox_table(metadata)
effects = Table("effects", metadata, Column("id", Integer, primary_key=True),
                Column("event_id", UUID(as_uuid=True), nullable=False),
                Column("subject", String(100), nullable=False), Column("seq", Integer, nullable=False))


class ThingHappenedV1(EventData):
    event_type: ClassVar[str] = "ThingHappened"
    topic: ClassVar[str] = TOPIC
    seq: int


@pytest.fixture(scope="module")
async def env(balai_stack):
    name = f"{balai_stack.prefix}_platform"
    await create_database(balai_stack.pg, name, fresh=True)
    url = balai_stack.pg.database_url(name)
    engine = make_engine(url)
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    await create_topics(balai_stack.kafka_bootstrap, [TOPIC, TOPIC + ".dlq"], 6)
    sessionmaker = make_sessionmaker(engine)
    consumer = IdempotentConsumer(sessionmaker, Inbox(inbox_t), "platform-test", max_retries=3,
                                  base_backoff=0.01)
    outcomes: list[str] = []

    @consumer.on(ThingHappenedV1)
    async def apply(session, e: ThingHappenedV1, meta: EventMeta) -> None:
        if e.seq < 0:
            raise RuntimeError("poison")
        await session.execute(effects.insert().values(event_id=meta.event_id, subject=meta.subject, seq=e.seq))

    broker = KafkaBroker(balai_stack.kafka_bootstrap)
    original = consumer.process

    async def recording(*a, **kw):
        outcome = await original(*a, **kw)
        outcomes.append(outcome)
        return outcome

    original_many = consumer.process_many

    async def recording_many(*a, **kw):  # events fetched together (process_many) are recorded too
        batch = await original_many(*a, **kw)
        outcomes.extend(batch)
        return batch

    consumer.process = recording
    consumer.process_many = recording_many
    subscribe(broker, lambda: broker, TOPIC, consumer)
    await broker.start()
    yield dict(engine=engine, sessionmaker=sessionmaker, url=url, broker=broker, outcomes=outcomes,
               consumer=consumer, bootstrap=balai_stack.kafka_bootstrap)
    await broker.stop()
    await engine.dispose()


async def _count(sessionmaker, table, *where) -> int:
    async with sessionmaker() as s:
        return await s.scalar(select(func.count()).select_from(table).where(*where))


async def _wait_for(predicate, timeout: float = 60.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await predicate():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.1)


async def test_redelivered_event_has_one_effect(env):
    e = Envelope.wrap(ThingHappenedV1(seq=1), source="test", subject=f"s-{uuid.uuid4()}")
    body = e.model_dump_json().encode()
    for _ in range(3):
        await env["broker"].publish(body, topic=TOPIC, key=e.subject.encode())
    await _wait_for(lambda: _count(env["sessionmaker"], inbox_t, inbox_t.c.event_id == e.id))
    await _wait_for(lambda: asyncio.sleep(0, env["outcomes"].count("duplicate") >= 2))
    assert await _count(env["sessionmaker"], effects, effects.c.event_id == e.id) == 1


async def test_apply_twice_directly_is_one_effect(env):
    e = Envelope.wrap(ThingHappenedV1(seq=7), source="test", subject="direct")
    assert await env["consumer"].apply(e) == "applied"
    assert await env["consumer"].apply(e) == "duplicate"
    assert await _count(env["sessionmaker"], effects, effects.c.event_id == e.id) == 1


class CrashAfterPublish(OutboxRelay):
    """A relay that dies after the broker took the batch and before marking it sent."""

    async def _publish_batch(self, conn):
        producer = await self._ensure_producer()
        pending = await conn.fetch("SELECT topic, key, payload::text AS payload FROM outbox "
                                   "WHERE published_at IS NULL ORDER BY id")
        for r in pending:
            await producer.send_and_wait(r["topic"], value=r["payload"].encode(), key=r["key"].encode())
        raise SystemExit("killed between publish and mark-sent")


async def test_relay_killed_before_mark_sent_duplicates_absorbed(env):
    outbox = Outbox(outbox_t, source="test")
    base = len(env["outcomes"])
    subject = f"agg-{uuid.uuid4()}"
    async with env["sessionmaker"]() as s, s.begin():
        for seq in range(20):
            await outbox.add(s, ThingHappenedV1(seq=seq), subject=subject)
    dsn = env["url"].replace("postgresql+asyncpg://", "postgresql://")
    crashing = CrashAfterPublish(dsn, env["bootstrap"], name="platform-test-crash")
    with pytest.raises(SystemExit):
        await crashing._lead()
    await crashing._close_producer()
    assert await _count(env["sessionmaker"], outbox_t, outbox_t.c.published_at.is_(None)) >= 20
    relay = OutboxRelay(dsn, env["bootstrap"], name="platform-test")
    relay.start()
    try:
        await _wait_for(lambda: _unpublished_zero(env))
        await _wait_for(lambda: _effects_for(env, subject, 20))
        # 20 copies from the killed relay + 20 from its successor reach the consumer
        await _wait_for(lambda: asyncio.sleep(0, len(env["outcomes"]) - base >= 40))
        assert env["outcomes"][base:].count("duplicate") == 20
    finally:
        await relay.stop()
    async with env["sessionmaker"]() as s:
        seqs = (await s.execute(select(effects.c.seq).where(effects.c.subject == subject)
                                .order_by(effects.c.id))).scalars().all()
    assert seqs == list(range(20)), "each event applied once, in order per key"


async def _unpublished_zero(env) -> bool:
    return await _count(env["sessionmaker"], outbox_t, outbox_t.c.published_at.is_(None)) == 0


async def _effects_for(env, subject: str, n: int) -> bool:
    return await _count(env["sessionmaker"], effects, effects.c.subject == subject) >= n


async def test_poison_and_malformed_messages_go_to_dlq_without_blocking(env):
    from tests.kafka_helpers import read_topic

    subject = f"poison-{uuid.uuid4()}"
    poison = Envelope.wrap(ThingHappenedV1(seq=-1), source="test", subject=subject)
    after = Envelope.wrap(ThingHappenedV1(seq=5), source="test", subject=subject)
    for e in (poison, after):
        await env["broker"].publish(e.model_dump_json().encode(), topic=TOPIC, key=subject.encode())
    await env["broker"].publish(b"{definitely not an envelope", topic=TOPIC, key=subject.encode())
    await _wait_for(lambda: _effects_for(env, subject, 1))
    dead = await read_topic(env["bootstrap"], TOPIC + ".dlq", until=lambda out: len(out) >= 2, timeout=30,
                            raw=True)
    assert any(m.get("id") == str(poison.id) for m in dead)
    assert any(m.get("_malformed") for m in dead)
    assert await _count(env["sessionmaker"], inbox_t, inbox_t.c.event_id == poison.id) == 0


async def test_two_relays_one_leader_no_double_publish_and_failover(env):
    from tests.kafka_helpers import read_topic

    dsn = env["url"].replace("postgresql+asyncpg://", "postgresql://")
    a = OutboxRelay(dsn, env["bootstrap"], name="platform-ha", poll_seconds=0.2)
    b = OutboxRelay(dsn, env["bootstrap"], name="platform-ha", poll_seconds=0.2)
    a.start()
    b.start()
    outbox = Outbox(outbox_t, source="test")
    subject = f"ha-{uuid.uuid4()}"
    try:
        await _wait_for(lambda: asyncio.sleep(0, a.is_leader or b.is_leader), timeout=10)
        await asyncio.sleep(0.5)
        assert a.is_leader != b.is_leader, "exactly one relay leads"
        async with env["sessionmaker"]() as s, s.begin():
            for seq in range(10):
                await outbox.add(s, ThingHappenedV1(seq=seq), subject=subject)
        await _wait_for(lambda: _unpublished_zero(env))
        leader, standby = (a, b) if a.is_leader else (b, a)
        await leader.stop()
        await _wait_for(lambda: asyncio.sleep(0, standby.is_leader), timeout=10)
        async with env["sessionmaker"]() as s, s.begin():
            for seq in range(10, 15):
                await outbox.add(s, ThingHappenedV1(seq=seq), subject=subject)
        await _wait_for(lambda: _unpublished_zero(env))
    finally:
        await a.stop()
        await b.stop()
    msgs = await read_topic(env["bootstrap"], TOPIC, timeout=20,
                            until=lambda out: sum(m.get("subject") == subject for m in out) >= 15, raw=True)
    mine = [m for m in msgs if m.get("subject") == subject]
    assert sorted(m["data"]["seq"] for m in mine) == list(range(15)), "each event published exactly once"


async def test_payload_not_matching_its_contract_goes_to_dlq_without_blocking(env):
    from tests.kafka_helpers import read_topic

    subject = f"invalid-{uuid.uuid4()}"
    invalid = Envelope(type=ThingHappenedV1.event_type, source="test", subject=subject, data={"seq": "seven"})
    after = Envelope.wrap(ThingHappenedV1(seq=8), source="test", subject=subject)
    for e in (invalid, after):
        await env["broker"].publish(e.model_dump_json().encode(), topic=TOPIC, key=subject.encode())
    await _wait_for(lambda: _effects_for(env, subject, 1))
    dead = await read_topic(env["bootstrap"], TOPIC + ".dlq", timeout=30, raw=True,
                            until=lambda out: any(m.get("id") == str(invalid.id) for m in out))
    assert any(m.get("id") == str(invalid.id) for m in dead)
    assert await _count(env["sessionmaker"], inbox_t, inbox_t.c.event_id == invalid.id) == 0
