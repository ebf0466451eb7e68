"""The bare baselines every figure of `make bench` is compared with, measured in the same run.

- ASGI hello: a raw ASGI app under uvicorn (one process), loaded with wrk;
- asyncpg query -> JSON: a raw ASGI app running a 20-row indexed SELECT on asyncpg, answered with
  orjson, under uvicorn, loaded with wrk;
- raw INSERT: single-row INSERT transactions per second on one asyncpg connection;
- bare aiokafka round trip: produce -> consume on the dev broker (Tansu, fetch_max_wait 20 ms).
Each is reported as a row (bench/benchlib.py). Run: .venv/bin/python bench/baselines.py
Env: BENCH_QUICK=1 (shorter), WRK_DURATION (default 8s; 4s quick).
"""
from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.benchlib import Row, parse_wrk, pct, report  # noqa: E402

QUICK = os.environ.get("BENCH_QUICK") == "1"
DURATION = os.environ.get("WRK_DURATION", "4s" if QUICK else "8s")
ROWS_SQL = "SELECT id, name, price, created_at FROM bench_items ORDER BY created_at DESC, id DESC LIMIT 20"


async def hello_app(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain"), (b"content-length", b"5")]})
    await send({"type": "http.response.body", "body": b"hello"})


def query_app(dsn: str, sql: str = ROWS_SQL, extra: dict | None = None):
    """A raw ASGI app answering `sql`'s rows as {"items": [...], **extra} with orjson (the asyncpg baseline;
    web_bench serves the gallery's own first-page query with it)."""
    import asyncpg
    import orjson

    state: dict = {}

    async def app(scope, receive, send):
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    state["pool"] = await asyncpg.create_pool(dsn, min_size=10, max_size=10)
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await state["pool"].close()
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        async with state["pool"].acquire() as conn:
            rows = await conn.fetch(sql)
        body = orjson.dumps({"items": [dict(r) for r in rows], **(extra or {})}, default=str)
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    return app


def _serve(kind: str, port: int, dsn: str) -> None:
    import uvicorn

    app = hello_app if kind == "hello" else query_app(dsn)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False,
                lifespan="on" if kind == "query" else "off")


def _wrk(url: str) -> tuple[float, float, float]:
    """(req/s, p50 ms, p99 ms) from `wrk --latency`."""
    out = subprocess.run(["wrk", "-t2", "-c32", f"-d{DURATION}", "--latency", url],
                         capture_output=True, text=True, check=True).stdout

    r = parse_wrk(out)
    return r.rps, r.p50, r.p99


def _under_wrk(kind: str, dsn: str = "") -> tuple[float, float, float]:
    from balai_devstack.infra import free_port

    port = free_port()
    proc = subprocess.Popen([sys.executable, __file__, "serve", kind, str(port), dsn], cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError(f"baseline {kind} did not start") from None
                time.sleep(0.1)
        return _wrk(f"http://127.0.0.1:{port}/")
    finally:
        proc.terminate()
        proc.wait(10)


async def _prepare_db(admin_dsn: str, name: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(admin_dsn)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


async def _fill(dsn: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute("CREATE TABLE bench_items (id uuid PRIMARY KEY, name text NOT NULL, price bigint, "
                           "created_at timestamptz NOT NULL)")
        await conn.execute("CREATE INDEX ON bench_items (created_at DESC, id DESC)")
        await conn.execute("INSERT INTO bench_items SELECT gen_random_uuid(), 'Produk ' || i, i * 1000, "
                           "now() - i * interval '1 minute' FROM generate_series(1, 10000) i")
        await conn.execute("ANALYZE bench_items")
    finally:
        await conn.close()


async def raw_inserts(dsn: str, n: int) -> float:
    """Single-row INSERT transactions per second, one connection (what one enrollment must at least cost)."""
    import asyncpg

    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute("CREATE TABLE bench_rows (id uuid PRIMARY KEY, owner uuid NOT NULL, at timestamptz)")
        t = time.perf_counter()
        for _ in range(n):
            async with conn.transaction():
                await conn.execute("INSERT INTO bench_rows VALUES ($1, $2, now())", uuid.uuid4(), uuid.uuid4())
        return n / (time.perf_counter() - t)
    finally:
        await conn.close()


async def kafka_round_trip(n: int) -> list[float]:
    from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

    from balai_devstack.infra import create_topics, free_port, start_broker

    port = free_port()
    log = ROOT / ".state" / "bench" / "logs" / "baseline-broker.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    broker = start_broker(port, log)
    bootstrap = f"127.0.0.1:{port}"
    try:
        await create_topics(bootstrap, ["bench.baseline"], 1)
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=0)
        consumer = AIOKafkaConsumer("bench.baseline", bootstrap_servers=bootstrap, group_id="bench-baseline",
                                    auto_offset_reset="earliest", fetch_max_wait_ms=20)
        await producer.start()
        await consumer.start()
        try:
            await producer.send_and_wait("bench.baseline", b"warmup")
            await consumer.getone()
            lat = []
            for _ in range(n):
                t = time.perf_counter()
                await producer.send_and_wait("bench.baseline", b"x")
                await consumer.getone()
                lat.append((time.perf_counter() - t) * 1000)
            return lat
        finally:
            await producer.stop()
            await consumer.stop()
    finally:
        broker.terminate()
        broker.wait(10)


def main() -> None:
    from balai_devstack.infra import drop_databases, resolve_postgres

    pg = resolve_postgres(ROOT / ".state" / "bench")
    name = f"balai_baseline_{os.getpid()}"
    rows: list[Row] = []
    try:
        asyncio.run(_prepare_db(pg.asyncpg_dsn("postgres"), name))
        dsn = pg.asyncpg_dsn(name)
        asyncio.run(_fill(dsn))
        if shutil.which("wrk"):
            rps, p50, p99 = _under_wrk("hello")
            rows.append(Row(f"baseline: bare ASGI hello (uvicorn, wrk -c32), req/s (p50 {p50:.0f} ms, p99 {p99:.0f} ms)",
                            round(rps), "req/s"))
            rps, p50, p99 = _under_wrk("query", dsn)
            rows.append(Row(f"baseline: bare asyncpg 20 rows -> orjson (wrk -c32), req/s (p50 {p50:.0f} ms, "
                            f"p99 {p99:.0f} ms)", round(rps), "req/s"))
        else:
            print("wrk not found (scripts/setup.sh installs it): no HTTP baselines", flush=True)
        rate = asyncio.run(raw_inserts(dsn, 500 if QUICK else 2000))
        rows.append(Row("baseline: raw single-row INSERT transactions, /s", round(rate), "/s"))
        lat = asyncio.run(kafka_round_trip(100 if QUICK else 300))
        rows.append(Row("baseline: bare aiokafka round trip p50 (Tansu, fetch wait 20 ms)", round(pct(lat, 50), 1), "ms"))
        rows.append(Row("baseline: bare aiokafka round trip p99", round(pct(lat, 99), 1), "ms"))
    finally:
        report(*rows)
        asyncio.run(drop_databases(pg, name))
        if pg.handle is not None:
            pg.handle.cleanup()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "serve":
        _serve(sys.argv[2], int(sys.argv[3]), sys.argv[4] if len(sys.argv) > 4 else "")
    else:
        main()
