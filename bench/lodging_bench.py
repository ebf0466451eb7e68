"""Benchmark of the lodging service (not a test). Prints:
- assignments/s for a burst of 1,000 AttendanceConfirmed (residential) committed to training's outbox
  at once, until every guest holds a bed (10 trainings, 1,200 beds),
- latency from AttendanceConfirmed committed (training's outbox transaction) to the room visible to
  the participant (GET /api/lodging/me/stays through the gateway), p50/p99 over 100 sequential events,
- next to bare baselines measured in the same run: an aiokafka produce→consume round trip on the
  same broker, and raw single-row INSERTs (one transaction each) into a table with the same
  exclusion constraint on the same database.
Run: .venv/bin/python bench/lodging_bench.py   (starts its own stack with fresh bench databases)
"""
from __future__ import annotations

import asyncio
import os
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import aiohttp
import asyncpg
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from balai_contracts.training import AttendanceConfirmedV1  # noqa: E402
from balai_devstack.infra import create_topics, free_port  # noqa: E402
from balai_devstack.stack import Stack  # noqa: E402
from balai_platform.auth import TokenSigner  # noqa: E402
from balai_platform.clock import WIB  # noqa: E402
from balai_platform.db import make_engine  # noqa: E402
from balai_platform.outbox import Outbox  # noqa: E402
from bench.benchlib import Row, pct, report  # noqa: E402
from training.adapters.tables import outbox as training_outbox  # noqa: E402

BURST = 300 if os.environ.get("BENCH_QUICK") == "1" else 1_000
ROOMS, BEDS = 300, 4
TRAININGS = 10


async def dormitory(conn, org: uuid.UUID) -> None:
    building = uuid.uuid4()
    await conn.execute("INSERT INTO buildings (id, org_id, name) VALUES ($1, $2, 'Wisma Bench')", building, org)
    rooms = [(uuid.uuid4(), org, building, f"B{i:03d}", 1 + i // 50, BEDS, "L") for i in range(ROOMS)]
    await conn.executemany("INSERT INTO rooms (id, org_id, building_id, code, floor, beds, sex) "
                           "VALUES ($1, $2, $3, $4, $5, $6, $7)", rooms)
    await conn.executemany("INSERT INTO beds (id, room_id, label) VALUES ($1, $2, $3)",
                           [(uuid.uuid4(), r[0], chr(65 + b)) for r in rooms for b in range(BEDS)])


def confirmation(org: uuid.UUID, training: uuid.UUID, start: date, participant: uuid.UUID | None = None,
                 business: uuid.UUID | None = None) -> AttendanceConfirmedV1:
    return AttendanceConfirmedV1(
        enrollment_id=uuid.uuid4(), org_id=org, training_id=training, training_title="Bench Angkatan 1",
        start_date=start, end_date=start + timedelta(days=3), mode="residential", residential=True,
        participant_id=participant or uuid.uuid4(), participant_name="Peserta Bench", sex="L",
        business_id=business or uuid.uuid4(), business_name="Usaha Bench", confirmed_at=datetime.now(UTC))


async def commit(engine, outbox: Outbox, events: list[AttendanceConfirmedV1]) -> None:
    """Commit the events in training's outbox, as training's confirm handler does."""
    async with engine.begin() as conn:
        for e in events:
            await outbox.add(conn, e, subject=str(e.enrollment_id))


async def burst(stack: Stack, engine, outbox: Outbox, lodging_dsn: str) -> tuple[float, dict]:
    org = uuid.uuid4()
    conn = await asyncpg.connect(lodging_dsn)
    try:
        await dormitory(conn, org)
        start = datetime.now(WIB).date() + timedelta(days=60)
        trainings = [uuid.uuid4() for _ in range(TRAININGS)]
        businesses = [uuid.uuid4() for _ in range(BURST // 3)]
        events = [confirmation(org, trainings[i % TRAININGS], start, business=businesses[i % len(businesses)])
                  for i in range(BURST)]
        t0 = time.perf_counter()
        for i in range(0, BURST, 100):
            await commit(engine, outbox, events[i:i + 100])
        while True:
            done = await conn.fetchval("SELECT count(*) FROM stays WHERE org_id = $1 AND status = 'assigned'", org)
            if done >= BURST:
                break
            if time.perf_counter() - t0 > 600:
                raise TimeoutError(f"only {done} assigned")
            await asyncio.sleep(0.05)
        elapsed = time.perf_counter() - t0
        facts = dict(await conn.fetchrow(
            "SELECT count(*) FILTER (WHERE status = 'waiting') AS waiting, "
            "(SELECT count(*) FROM stays a JOIN stays b ON a.bed_id = b.bed_id AND a.id < b.id "
            " AND a.held && b.held WHERE a.org_id = $1) AS double_booked, "
            "count(DISTINCT r.id) AS rooms_used FROM stays s JOIN beds bd ON bd.id = s.bed_id "
            "JOIN rooms r ON r.id = bd.room_id WHERE s.org_id = $1", org))
        return BURST / elapsed, facts
    finally:
        await conn.close()


async def visibility(stack: Stack, engine, outbox: Outbox, n: int) -> list[float]:
    """Committed in training's outbox -> the participant's GET /me/stays (via the gateway) shows the room."""
    org = uuid.uuid4()
    conn = await asyncpg.connect(stack.database_url("lodging").replace("postgresql+asyncpg://", "postgresql://", 1))
    try:
        await dormitory(conn, org)
    finally:
        await conn.close()
    signer = TokenSigner(stack.keys["jwt_private"], 3600)
    start = datetime.now(WIB).date() + timedelta(days=90)
    url = stack.gateway_url + "/api/lodging/me/stays"
    lat = []
    async with aiohttp.ClientSession() as session:
        for i in range(n + 3):  # the first 3 warm up
            participant = uuid.uuid4()
            headers = {"Authorization": "Bearer " + signer.sign(sub=str(participant), role="peserta",
                                                                 username="bench", org=None)}
            await commit(engine, outbox, [confirmation(org, uuid.uuid4(), start + timedelta(days=i % 20),
                                                       participant=participant)])
            t = time.perf_counter()
            while True:
                async with session.get(url, headers=headers) as r:
                    body = await r.json()
                if body["items"] and body["items"][0]["room_code"]:
                    break
                if time.perf_counter() - t > 30:
                    raise TimeoutError("room never visible")
                await asyncio.sleep(0.002)
            if i >= 3:
                lat.append((time.perf_counter() - t) * 1000)
            await asyncio.sleep(0.02)
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


async def bare_inserts(dsn: str, n: int) -> float:
    """Raw single-row INSERT transactions into a table with the same exclusion constraint."""
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute("CREATE TEMP TABLE bench_stays (id uuid PRIMARY KEY, bed_id uuid, held daterange, "
                           "EXCLUDE USING gist (bed_id WITH =, held WITH &&))")
        beds = [uuid.uuid4() for _ in range(n)]
        t = time.perf_counter()
        for bed in beds:
            async with conn.transaction():
                await conn.execute("INSERT INTO bench_stays VALUES ($1, $2, daterange('2027-01-01', '2027-01-05'))",
                                   uuid.uuid4(), bed)
        return n / (time.perf_counter() - t)
    finally:
        await conn.close()


async def run(stack: Stack) -> None:
    lodging_dsn = stack.database_url("lodging").replace("postgresql+asyncpg://", "postgresql://", 1)
    engine = make_engine(stack.database_url("training"), 4)
    outbox = Outbox(training_outbox, source="training")
    lat_vis = await visibility(stack, engine, outbox, 100)
    rate, facts = await burst(stack, engine, outbox, lodging_dsn)
    await engine.dispose()
    lat_bare = await bare_round_trip(stack.kafka_bootstrap, 200)
    insert_rate = await bare_inserts(lodging_dsn, BURST)
    print("\n== Balai lodging benchmark (2 cores, shared machine) ==")
    print(f"burst of {BURST} confirmations ({TRAININGS} trainings, {ROOMS * BEDS} beds): {rate:7.1f} assignments/s "
          f"(waiting {facts['waiting']}, double-booked {facts['double_booked']}, rooms used {facts['rooms_used']})")
    print(f"AttendanceConfirmed committed -> room visible to the participant (gateway): "
          f"p50 {pct(lat_vis, 50):6.1f} ms  p99 {pct(lat_vis, 99):6.1f} ms  (100 sequential, polled every 2 ms)")
    print(f"baseline: bare aiokafka round trip : p50 {pct(lat_bare, 50):6.1f} ms  p99 {pct(lat_bare, 99):6.1f} ms")
    print(f"baseline: raw INSERT with the exclusion constraint, 1 per transaction: {insert_rate:7.1f} /s")
    report(
        Row(f"lodging burst: room assignments ({BURST} confirmations; double-booked {facts['double_booked']})",
            round(rate, 1), "/s", f"raw INSERT with the exclusion constraint {insert_rate:,.0f}/s",
            rate / insert_rate, "never double-booked", facts["double_booked"] == 0),
        Row("lodging AttendanceConfirmed -> room visible (gateway) p99", round(pct(lat_vis, 99), 1), "ms",
            f"bare aiokafka round trip p99 {pct(lat_bare, 99):.1f} ms", pct(lat_vis, 99) / pct(lat_bare, 99)),
    )


def main() -> None:
    stack = Stack(prefix=f"balai_bench_lodging_{os.getpid()}", drop_databases_on_exit=True, gateway_port=free_port(),
                  kafka_port=free_port(), fresh_databases=True, state_dir=ROOT / ".state" / "bench", seed=False,
                  extra_env={"GATEWAY_RATE_LIMIT_PER_MINUTE": "10000000",
                             "GATEWAY_LOGIN_RATE_LIMIT_PER_MINUTE": "10000000"})
    with stack:
        asyncio.run(run(stack))


if __name__ == "__main__":
    main()
