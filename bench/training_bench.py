"""Benchmark of the training service (not a test). Prints:
- enrollment submissions/s in a registration rush (1,000 participants on one training), through
  the gateway and direct to the service,
- verification throughput (1,000 concurrent approvals on a quota of 100) and an overbooking check,
- a raw single-row INSERT rate on the same PostgreSQL, measured in the same run.
Run: .venv/bin/python bench/training_bench.py   (starts its own stack with fresh bench databases)
"""
from __future__ import annotations

import asyncio
import os
import sys
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import aiohttp
import asyncpg
import orjson

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from balai_devstack.infra import free_port  # noqa: E402
from balai_devstack.stack import Stack  # noqa: E402
from bench.benchlib import Row, pct, report  # noqa: E402
from services.training.tests.support import ORG1, token, training_body  # noqa: E402

N = 1000
QUOTA = 100
CONCURRENCY = 64


async def seed_copies(dsn: str, n: int) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """Local copies straight into the training database (as if the events had arrived)."""
    people = [(uuid.uuid4(), uuid.uuid4()) for _ in range(n)]
    now = datetime.now(UTC)
    conn = await asyncpg.connect(dsn)
    try:
        await conn.executemany(
            "INSERT INTO participants VALUES ($1, $2, $3, $4, 'P', '33.74', 'Kota Semarang', $5)",
            [(p, f"b{i}", f"Peserta Bench {i}", date(1990, 1, 1), now) for i, (p, _) in enumerate(people)])
        await conn.executemany(
            "INSERT INTO businesses VALUES ($1, 'ukm', $2, 'Merk', 100000000, 100000000, 2, '[\"nib\"]'::jsonb, "
            "'mikro', '33.74', 'Kota Semarang', $3)", [(b, f"Usaha {i}", now) for i, (_, b) in enumerate(people)])
        await conn.executemany("INSERT INTO business_members VALUES ($1, $2, 'pemilik')",
                               [(b, p) for p, b in people])
    finally:
        await conn.close()
    return people


async def run_pool(jobs, concurrency: int) -> tuple[float, list[float], list]:
    queue = list(enumerate(jobs))
    lat: list[float] = []
    results: list = [None] * len(jobs)

    async def worker():
        while queue:
            i, job = queue.pop(0)
            t = time.perf_counter()
            results[i] = await job()
            lat.append((time.perf_counter() - t) * 1000)

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return len(jobs) / (time.perf_counter() - start), lat, results


async def rush(session, base: str, training_id: str, people, stack) -> tuple[float, list[float]]:
    def job(p, b):
        async def go():
            data = aiohttp.FormData({"business_id": str(b), "ticks": "0,1"})
            async with session.post(f"{base}/trainings/{training_id}/enrollments", data=data,
                                    headers=token(stack, sub=str(p))) as r:
                body = await r.read()
                assert r.status == 201, body[:300]
                return orjson.loads(body)["id"]
        return go
    rate, lat, _ = await run_pool([job(p, b) for p, b in people], CONCURRENCY)
    return rate, lat


async def verify_all(session, base: str, ids: list[str], admins) -> tuple[float, list[float], list[str]]:
    def job(i, eid):
        async def go():
            async with session.post(f"{base}/admin/enrollments/{eid}/verify", headers=admins[i % len(admins)]) as r:
                assert r.status == 200, await r.text()
                return (await r.json())["status"]
        return go
    return await run_pool([job(i, e) for i, e in enumerate(ids)], CONCURRENCY)


async def raw_inserts(dsn: str, n: int) -> float:
    """One-row INSERT transactions, same concurrency, same database: the floor under every request."""
    pool = await asyncpg.create_pool(dsn, min_size=16, max_size=16)
    await pool.execute("CREATE TABLE IF NOT EXISTS bench_raw (id uuid PRIMARY KEY, training_id uuid, "
                       "participant_id uuid, status varchar(20), submitted_at timestamptz)")
    tid = uuid.uuid4()

    def job():
        async def go():
            await pool.execute("INSERT INTO bench_raw VALUES ($1, $2, $3, 'submitted', now())",
                               uuid.uuid4(), tid, uuid.uuid4())
        return go
    rate, _, _ = await run_pool([job() for _ in range(n)], CONCURRENCY)
    await pool.execute("DROP TABLE bench_raw")
    await pool.close()
    return rate


async def run(stack: Stack) -> None:
    dsn = stack.database_url("training").replace("postgresql+asyncpg://", "postgresql://")
    gw, direct = stack.gateway_url + "/api/training", stack.service_url("training")
    admins = [token(stack, role="admin", org=ORG1) for _ in range(3)] + [token(stack, role="superadmin")]
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=CONCURRENCY)) as session:
        ids = {}
        for name in ("gw", "direct", "warm"):
            async with session.post(f"{gw}/admin/trainings", json=training_body(quota=QUOTA, title=f"Bench {name}"),
                                    headers=admins[0]) as r:
                assert r.status == 201, await r.text()
                ids[name] = (await r.json())["id"]
        people = await seed_copies(dsn, N)
        await rush(session, gw, ids["warm"], people[:100], stack)
        rate_gw, lat_gw = await rush(session, gw, ids["gw"], people, stack)
        rate_direct, _ = await rush(session, direct, ids["direct"], people, stack)
        async with session.get(f"{gw}/admin/trainings/{ids['gw']}/enrollments", params={"per_page": 500},
                               headers=admins[0]) as r:
            first = [i["id"] for i in (await r.json())["items"]]
        async with session.get(f"{gw}/admin/trainings/{ids['gw']}/enrollments",
                               params={"per_page": 500, "page": 2}, headers=admins[0]) as r:
            enrollment_ids = first + [i["id"] for i in (await r.json())["items"]]
        rate_verify, lat_verify, statuses = await verify_all(session, gw, enrollment_ids, admins)
        async with session.get(f"{gw}/admin/trainings/{ids['gw']}", headers=admins[0]) as r:
            t = await r.json()
    conn = await asyncpg.connect(dsn)
    db_verified = await conn.fetchval("SELECT count(*) FROM enrollments WHERE training_id = $1 AND status = 'verified'",
                                      uuid.UUID(ids["gw"]))
    await conn.close()
    rate_raw = await raw_inserts(dsn, N)
    over = max(0, db_verified - QUOTA)
    print("\n== Balai training benchmark (shared machine) ==")
    print(f"registration rush via gateway : {rate_gw:7.1f} submissions/s  ({N} participants, {CONCURRENCY} concurrent; "
          f"p50 {pct(lat_gw, 50):.0f} ms, p99 {pct(lat_gw, 99):.0f} ms)")
    print(f"registration rush direct      : {rate_direct:7.1f} submissions/s")
    print(f"verification via gateway      : {rate_verify:7.1f} approvals/s    ({N} on quota {QUOTA}, {len(admins)} "
          f"admin tokens; p50 {pct(lat_verify, 50):.0f} ms, p99 {pct(lat_verify, 99):.0f} ms)")
    print(f"outcome                       : {statuses.count('verified')} verified, {statuses.count('waitlisted')} "
          f"waitlisted; seats_taken {t['seats_taken']}/{t['quota']}; verified rows in DB {db_verified}; "
          f"overbooked {over}")
    print(f"raw single-row INSERT         : {rate_raw:7.1f} inserts/s       (asyncpg, 16 connections, same DB)")
    raw = f"raw single-row INSERT {rate_raw:,.0f}/s"
    report(
        Row("training: registration rush via gateway, submissions/s", rate_gw, "/s", raw, rate_gw / rate_raw,
            ">= 25 % of baseline", rate_gw / rate_raw >= 0.25),
        Row("training: registration rush direct, submissions/s", rate_direct, "/s", raw, rate_direct / rate_raw),
        Row("training: registration rush via gateway, p99", pct(lat_gw, 99), "ms"),
        Row("training: verification via gateway, approvals/s", rate_verify, "/s", raw, rate_verify / rate_raw),
        Row("training: verification via gateway, p99", pct(lat_verify, 99), "ms", goal="p99 <= 250 ms",
            met=pct(lat_verify, 99) <= 250),
        Row("training: overbooked seats (quota 100, 1,000 approvals)", over, "", goal="0", met=over == 0),
    )
    assert over == 0 and t["seats_taken"] == QUOTA


def main() -> None:
    stack = Stack(prefix=f"balai_bench_training_{os.getpid()}", drop_databases_on_exit=True, gateway_port=free_port(), kafka_port=free_port(),
                  fresh_databases=True, state_dir=ROOT / ".state" / "bench", seed=False,
                  extra_env={"GATEWAY_RATE_LIMIT_PER_MINUTE": "10000000",
                             "GATEWAY_LOGIN_RATE_LIMIT_PER_MINUTE": "10000000", "TRAINING_DB_POOL_SIZE": "20"})
    with stack:
        asyncio.run(run(stack))


if __name__ == "__main__":
    main()
