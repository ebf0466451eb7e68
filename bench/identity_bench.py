"""Benchmark of the walking skeleton (not a test). Prints:
- registrations/s through the gateway vs direct to the identity service,
- login latency p50/p99,
- outbox commit -> consumer received latency p50/p99, next to a bare aiokafka
  produce -> consume round trip measured in the same run on the same broker.
Run: make bench   (starts its own stack with fresh bench databases)
"""
from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from balai_contracts.topics import IDENTITY_PARTICIPANT  # noqa: E402
from balai_devstack.infra import create_topics, free_port  # noqa: E402
from balai_devstack.stack import Stack  # noqa: E402
from bench.benchlib import Row, pct, report  # noqa: E402
from tests.factories import participant_form, png_photo  # noqa: E402

QUICK = os.environ.get("BENCH_QUICK") == "1"
N_REG = 80 if QUICK else 200
N_LOGIN = 100 if QUICK else 300
N_EVENTS = 50 if QUICK else 100

PHOTO = png_photo()


def form_data(form: dict) -> aiohttp.FormData:
    fd = aiohttp.FormData()
    for k, v in form.items():
        fd.add_field(k, v)
    fd.add_field("photo", PHOTO, filename="foto.png", content_type="image/png")
    return fd


async def registrations(session, url: str, n: int, concurrency: int) -> tuple[float, list[dict]]:
    forms = [participant_form() for _ in range(n)]
    queue = list(forms)
    done: list[dict] = []

    async def worker():
        while queue:
            form = queue.pop()
            async with session.post(url, data=form_data(form)) as r:
                assert r.status == 201, await r.text()
                done.append(form)

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return n / (time.perf_counter() - start), done


async def logins(session, url: str, forms: list[dict], n: int) -> list[float]:
    lat = []
    for i in range(n):
        form = forms[i % len(forms)]
        t = time.perf_counter()
        async with session.post(url, json={"login": form["username"], "password": form["password"]}) as r:
            assert r.status == 200
            await r.read()
        lat.append((time.perf_counter() - t) * 1000)
    return lat


async def outbox_latency(session, stack: Stack, n: int) -> list[float]:
    """Sequential registrations; latency from the event's occurred_at (set in the committing transaction)."""
    # no consumer group: a rebalance could move the position and skip events
    consumer = AIOKafkaConsumer(bootstrap_servers=stack.kafka_bootstrap, enable_auto_commit=False,
                                fetch_max_wait_ms=20)
    await consumer.start()
    parts = await consumer._client.fetch_all_metadata()
    tps = [TopicPartition(IDENTITY_PARTICIPANT, p) for p in parts.partitions_for_topic(IDENTITY_PARTICIPANT)]
    consumer.assign(tps)
    await consumer.seek_to_end(*tps)
    for tp in tps:
        await consumer.position(tp)
    lat: list[float] = []
    split: list[tuple[float, float]] = []
    url = stack.gateway_url + "/api/identity/participants"

    async def consume():
        while len(lat) < n:
            batch = await consumer.getmany(timeout_ms=200)
            now = datetime.now(UTC)
            for msgs in batch.values():
                for m in msgs:
                    env = json.loads(m.value)
                    if env["type"] == "ParticipantRegistered":
                        occurred = datetime.fromisoformat(env["occurred_at"])
                        lat.append((now - occurred).total_seconds() * 1000)
                        # the record's CreateTime is stamped by the relay's producer at send time
                        produced = datetime.fromtimestamp(m.timestamp / 1000, UTC)
                        split.append(((produced - occurred).total_seconds() * 1000,
                                      (now - produced).total_seconds() * 1000))

    task = asyncio.create_task(consume())
    # warm-up: the first events after the consumer's seek were seen to wait ~12 s in the
    # measuring consumer's first fetches (produce time was on time), so they are not counted
    warm = 5
    n += warm
    for _ in range(n):
        async with session.post(url, data=form_data(participant_form())) as r:
            assert r.status == 201
        await asyncio.sleep(0.05)
    await asyncio.wait_for(task, 60)
    await consumer.stop()
    lat, split = lat[warm:], split[warm:]
    worst = sorted(split, key=sum)[-3:]
    print("slowest outbox samples (commit->produced, produced->consumed) ms:",
          [(round(a), round(b)) for a, b in worst])
    return lat


async def bare_round_trip(bootstrap: str, n: int) -> list[float]:
    topic = f"bench.baseline.{uuid.uuid4().hex[:6]}"
    await create_topics(bootstrap, [topic], 1)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=0)
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=f"bench-{topic}",
                                auto_offset_reset="earliest", fetch_max_wait_ms=20)
    await producer.start()
    await consumer.start()
    await producer.send_and_wait(topic, b"warmup")
    await consumer.getone()
    lat = []
    for _ in range(n):
        t = time.perf_counter()
        await producer.send_and_wait(topic, b"x")
        await consumer.getone()
        lat.append((time.perf_counter() - t) * 1000)
    await producer.stop()
    await consumer.stop()
    return lat


async def run(stack: Stack) -> None:
    connector = aiohttp.TCPConnector(limit=64)
    async with aiohttp.ClientSession(connector=connector) as session:
        gw = stack.gateway_url + "/api/identity"
        direct = stack.service_url("identity")
        await registrations(session, gw + "/participants", 20, 8)  # warm-up
        rate_gw, forms = await registrations(session, gw + "/participants", N_REG, 16)
        rate_direct, _ = await registrations(session, direct + "/participants", N_REG, 16)
        lat_login = await logins(session, gw + "/auth/login", forms, N_LOGIN)
        lat_outbox = await outbox_latency(session, stack, N_EVENTS)
    lat_bare = await bare_round_trip(stack.kafka_bootstrap, 200)
    print("\n== Balai identity benchmark (2 cores, shared machine) ==")
    print(f"registrations/s via gateway : {rate_gw:7.1f}   (200 regs, 16 concurrent, argon2id hashing)")
    print(f"registrations/s direct      : {rate_direct:7.1f}")
    print(f"login latency via gateway   : p50 {pct(lat_login, 50):6.1f} ms  p99 {pct(lat_login, 99):6.1f} ms  (300 sequential)")
    print(f"outbox commit -> consumed   : p50 {pct(lat_outbox, 50):6.1f} ms  p95 {pct(lat_outbox, 95):6.1f} ms  "
          f"p99 {pct(lat_outbox, 99):6.1f} ms  (100 events)")
    print(f"bare aiokafka round trip    : p50 {pct(lat_bare, 50):6.1f} ms  p99 {pct(lat_bare, 99):6.1f} ms  (200 msgs, fetch_max_wait 20 ms)")
    print(f"(mean outbox {statistics.mean(lat_outbox):.1f} ms, mean bare {statistics.mean(lat_bare):.1f} ms; "
          f"slowest outbox samples {[round(x) for x in sorted(lat_outbox)[-3:]]} ms)")
    bare = f"bare aiokafka round trip p50 {pct(lat_bare, 50):.1f} / p99 {pct(lat_bare, 99):.1f} ms"
    report(
        Row(f"identity registrations via gateway (argon2id, 16 concurrent, {N_REG})", round(rate_gw, 1), "/s",
            f"direct {rate_direct:.1f}/s", rate_gw / rate_direct),
        Row("identity login via gateway p99 (sequential)", round(pct(lat_login, 99), 1), "ms"),
        Row(f"identity outbox commit -> consumed p50 ({N_EVENTS} events, 50 ms apart)", round(pct(lat_outbox, 50), 1),
            "ms", bare, pct(lat_outbox, 50) / pct(lat_bare, 50), "~ 11 ms"),
        Row("identity outbox commit -> consumed p99", round(pct(lat_outbox, 99), 1), "ms", bare,
            pct(lat_outbox, 99) / pct(lat_bare, 99), "<= 150 ms", pct(lat_outbox, 99) <= 150),
    )


def main() -> None:
    # a per-run prefix: concurrent runs on one machine never share (or drop) each other's databases
    stack = Stack(prefix=f"balai_bench_{os.getpid()}", drop_databases_on_exit=True,
                  gateway_port=free_port(), kafka_port=free_port(), fresh_databases=True,
                  state_dir=ROOT / ".state" / "bench", seed=False,
                  extra_env={"GATEWAY_RATE_LIMIT_PER_MINUTE": "10000000",
                             "GATEWAY_LOGIN_RATE_LIMIT_PER_MINUTE": "10000000"})
    with stack:
        asyncio.run(run(stack))


if __name__ == "__main__":
    main()
