"""Benchmark of the training service (not a test). Prints:
- enrollment submissions/s in a registration rush (64 connections, every request another
  participant), through the gateway and direct to the service, driven by wrk (a C load generator:
  a Python client would spend a tenth of the machine's CPU the services need);
- how long the other services take to absorb the rush's events (every consumer group's lag and
  training's outbox back to 0): the next phase starts only then, so one phase's catch-up does not
  count against the next one;
- verification throughput and p99 (64 connections, every request another enrollment of a training
  with a quota of 100) and an overbooking check;
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

from balai_platform.auth import TokenSigner

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from balai_devstack.infra import free_port  # noqa: E402
from balai_devstack.stack import Stack  # noqa: E402
from bench.benchlib import Row, Wrk, report, wrk_requests  # noqa: E402
from services.training.tests.support import ORG1, token, training_body  # noqa: E402

QUICK = bool(os.environ.get("BENCH_QUICK"))
N = 1000            # raw INSERTs
QUOTA = 100
CONCURRENCY = 64
DURATION = "3s" if QUICK else "6s"
VERIFY_DURATION = "3s"  # fewer approvals than the rush made enrollments (2 s gave too few samples for a p99)
PEOPLE = 3500 if QUICK else 6000   # more than one rush can take in DURATION (each submits once)
WARM = 100         # the Python warm-up rush
WARM_WRK = 800     # people for the 1 s wrk warm-ups (connections of the gateway's upstream pool)


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
    """A Python-driven rush (the warm-up before wrk: connections, caches)."""
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


def wrk_rush(url: str, prefix: str, training_id: str, people, stack, duration: str = DURATION) -> Wrk:
    """The rush as wrk sends it: one POST per participant, each with its own token."""
    signer = TokenSigner(stack.keys["jwt_private"], 900)
    lines = [("POST", f"{prefix}/trainings/{training_id}/enrollments",
              "Bearer " + signer.sign(sub=str(p), role="peserta", username="uji", org=None),
              f"business_id={b}&ticks=0%2C1") for p, b in people]
    return wrk_requests(url, lines, threads=2, connections=CONCURRENCY, duration=duration)


def wrk_verify(url: str, prefix: str, ids: list[uuid.UUID], admins: list[dict[str, str]],
               duration: str = VERIFY_DURATION) -> Wrk:
    lines = [("POST", f"{prefix}/admin/enrollments/{eid}/verify", admins[i % len(admins)]["Authorization"], "")
             for i, eid in enumerate(ids)]
    return wrk_requests(url, lines, threads=2, connections=CONCURRENCY, duration=duration)


async def settle(session, stack, timeout: float = 300.0) -> float:
    """Seconds until training's outbox is empty and every consumer group has caught up (lag 0)."""
    from balai_devstack.stack import SERVICES
    start = time.perf_counter()
    while True:
        backlog = 0.0
        for spec in SERVICES:
            async with session.get(f"{stack.service_url(spec.name)}/metrics") as r:
                for line in (await r.text()).splitlines():
                    if line.startswith(("balai_consumer_lag{", "balai_outbox_backlog")):
                        backlog += float(line.rsplit(" ", 1)[1])
        if backlog == 0:
            return time.perf_counter() - start
        assert time.perf_counter() - start < timeout, f"backlog {backlog} after {timeout} s"
        await asyncio.sleep(0.2)


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
        for name in ("gw", "direct", "warm", "warm-direct"):
            async with session.post(f"{gw}/admin/trainings", json=training_body(quota=QUOTA, title=f"Bench {name}"),
                                    headers=admins[0]) as r:
                assert r.status == 201, await r.text()
                ids[name] = (await r.json())["id"]
        people = await seed_copies(dsn, WARM + WARM_WRK + PEOPLE)
        warm_people, rushers = people[WARM:WARM + WARM_WRK], people[WARM + WARM_WRK:]
        await settle(session, stack)
        await rush(session, gw, ids["warm"], people[:WARM], stack)
        await settle(session, stack)
        # each measured run follows a 1 s warm-up with the same 64 connections (the gateway keeps
        # idle upstream connections 3 s: after a settle they are gone, and a run would measure
        # opening them); the warm-up's events are absorbed during the run, as in a real rush
        wrk_rush(stack.gateway_url, "/api/training", ids["warm"], warm_people, stack, "1s")
        started = time.perf_counter()
        rush_gw = wrk_rush(stack.gateway_url, "/api/training", ids["gw"], rushers, stack)
        rush_seconds = time.perf_counter() - started
        catch_up = await settle(session, stack)
        wrk_rush(direct, "", ids["warm-direct"], warm_people, stack, "1s")
        rush_direct = wrk_rush(direct, "", ids["direct"], rushers, stack)
        await settle(session, stack)
        conn = await asyncpg.connect(dsn)
        enrollment_ids = {name: [r["id"] for r in await conn.fetch(
            "SELECT id FROM enrollments WHERE training_id = $1 ORDER BY submitted_at", uuid.UUID(ids[name]))]
            for name in ("gw", "direct", "warm")}
        await conn.close()
        wrk_verify(stack.gateway_url, "/api/training", enrollment_ids["warm"], admins, "1s")
        # the gateway rush's enrollments first, then the direct rush's (so the run never runs out)
        verify = wrk_verify(stack.gateway_url, "/api/training", enrollment_ids["gw"] + enrollment_ids["direct"],
                            admins)
        async with session.get(f"{gw}/admin/trainings/{ids['gw']}", headers=admins[0]) as r:
            t = await r.json()
    conn = await asyncpg.connect(dsn)
    db_verified = max([await conn.fetchval(
        "SELECT count(*) FROM enrollments WHERE training_id = $1 AND status = 'verified'", uuid.UUID(ids[name]))
        for name in ("gw", "direct")])
    await conn.close()
    rate_raw = await raw_inserts(dsn, N)
    over = max(0, db_verified - QUOTA)
    events = rush_gw.requests
    print("\n== Balai training benchmark (shared machine; wrk -t2 -c64 -d" + DURATION + ") ==")
    print(f"registration rush via gateway : {rush_gw.line()}  ({events} submissions)")
    print(f"  its {events} events absorbed by every consumer {catch_up:.1f} s after the rush "
          f"(rush {rush_seconds:.1f} s)")
    print(f"registration rush direct      : {rush_direct.line()}")
    print(f"verification via gateway      : {verify.line()}  ({verify.requests} approvals on quota {QUOTA})")
    print(f"outcome                       : seats_taken {t['seats_taken']}/{t['quota']}; verified rows in DB "
          f"{db_verified}; overbooked {over}")
    print(f"raw single-row INSERT         : {rate_raw:7.1f} inserts/s       (asyncpg, 16 connections, same DB)")
    raw = f"raw single-row INSERT {rate_raw:,.0f}/s"
    report(
        Row(f"training: registration rush via gateway (wrk -c64), submissions/s (p99 {rush_gw.p99:.0f} ms)",
            rush_gw.rps, "/s", raw, rush_gw.rps / rate_raw, ">= 25 % of baseline", rush_gw.rps / rate_raw >= 0.25),
        Row(f"training: registration rush direct (wrk -c64), submissions/s (p99 {rush_direct.p99:.0f} ms)",
            rush_direct.rps, "/s", raw, rush_direct.rps / rate_raw),
        Row(f"training: the rush's {events:,} events absorbed by every consumer, seconds after the rush",
            catch_up, "s"),
        Row("training: verification via gateway (wrk -c64), approvals/s", verify.rps, "/s", raw, verify.rps / rate_raw),
        Row("training: verification via gateway, p99", verify.p99, "ms", goal="p99 <= 250 ms", met=verify.p99 <= 250),
        Row("training: overbooked seats (quota 100)", over, "", goal="0", met=over == 0),
    )
    assert rush_gw.errors == rush_direct.errors == verify.errors == 0, "non-2xx answers: see the lines above"
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
