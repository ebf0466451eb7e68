"""Benchmark of the survey service (not a test). Prints, each next to a bare baseline of the same run:
- the live recap of a period with 100,000 answers (goal ≤ 200 ms): the whole recap API answer
  (sums, demographics, channels, suggestions, trend) and the sums alone, vs a bare count(*);
- the report PDF of that period through the service vs the recap alone (the PDF's own cost);
- paper-form submissions/s (validation, INSERT, outbox row) direct and via the gateway, vs a raw
  single-row INSERT into the same table.
Run: .venv/bin/python bench/survey_bench.py   (starts its own stack with fresh bench databases)
"""
from __future__ import annotations

import asyncio
import os
import random
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import asyncpg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from balai_devstack.infra import free_port  # noqa: E402
from balai_devstack.stack import Stack  # noqa: E402
from bench.benchlib import Row, pct  # noqa: E402
from bench.benchlib import report as bench_report  # noqa: E402
from services.training.tests.support import token  # noqa: E402

QUICK = os.environ.get("BENCH_QUICK") == "1"
N_RESPONSES = 20_000 if QUICK else 100_000
N_SUBMIT = 200 if QUICK else 600
CONCURRENCY = 32
ORG = "0b0a1a10-0000-4000-8000-000000000001"
EDU = ["SMA/SMK", "Diploma", "S1", "S2"]
JOBS = ["Wirausaha/Pelaku UMKM", "Pengurus Koperasi", "Pegawai Swasta", "Lainnya"]


async def fill(dsn: str, period_id: uuid.UUID, n: int) -> None:
    """100,000 answers straight into the table with COPY (as if they had been submitted)."""
    rng = random.Random(7)
    now = datetime.now(UTC)
    rows = []
    for i in range(n):
        perf = [rng.choice((2, 3, 3, 4, 4)) for _ in range(9)]
        imp = [rng.choice((3, 4, 4)) for _ in range(9)]
        anon = i % 3 == 0
        rows.append((uuid.uuid4(), uuid.UUID(ORG), period_id, rng.choice(("online", "link", "paper")), None, None,
                     *perf, *imp, anon, None if anon else "Responden", None, None,
                     None if anon else rng.randint(18, 70), None if anon else rng.choice("LP"), None,
                     None if anon else rng.choice(EDU), None if anon else rng.choice(JOBS),
                     "Pelayanan baik" if i % 50 == 0 else "", now))
    cols = ["id", "org_id", "period_id", "channel", "participant_id", "training_id",
            *[f"p{i}" for i in range(1, 10)], *[f"i{i}" for i in range(1, 10)], "anonymous", "name", "email",
            "phone", "age", "sex", "address", "education", "occupation", "suggestion", "submitted_at"]
    conn = await asyncpg.connect(dsn)
    try:
        await conn.copy_records_to_table("responses", records=rows, columns=cols)
        await conn.execute("ANALYZE responses")
    finally:
        await conn.close()


async def timed_get(session, url: str, headers: dict, repeat: int) -> list[float]:
    lat = []
    for _ in range(repeat + 2):
        t = time.perf_counter()
        async with session.get(url, headers=headers) as r:
            await r.read()
            assert r.status == 200, (url, r.status)
        lat.append((time.perf_counter() - t) * 1000)
    return lat[2:]  # warm-up


async def sql_times(dsn: str, period_id: uuid.UUID, sql: str, repeat: int = 20) -> list[float]:
    conn = await asyncpg.connect(dsn)
    try:
        lat = []
        for _ in range(repeat + 2):
            t = time.perf_counter()
            await conn.fetch(sql, period_id)
            lat.append((time.perf_counter() - t) * 1000)
        return lat[2:]
    finally:
        await conn.close()


async def submissions(session, url: str, headers: dict, n: int) -> tuple[float, list[float]]:
    body = {"anonymous": "1", **{f"p{i}": "3" for i in range(1, 10)}, **{f"i{i}": "4" for i in range(1, 10)}}
    lat: list[float] = []
    left = list(range(n))

    async def worker():
        while left:
            left.pop()
            t = time.perf_counter()
            async with session.post(url, data=body, headers=headers) as r:
                await r.read()
                assert r.status == 201, r.status
            lat.append((time.perf_counter() - t) * 1000)

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return n / (time.perf_counter() - start), lat


async def raw_inserts(dsn: str, period_id: uuid.UUID, n: int) -> float:
    pool = await asyncpg.create_pool(dsn, min_size=CONCURRENCY // 4, max_size=CONCURRENCY // 4)
    sql = ("INSERT INTO responses (id, org_id, period_id, channel, " + ", ".join(
        [f"p{i}" for i in range(1, 10)] + [f"i{i}" for i in range(1, 10)]) +
        ", anonymous, suggestion, submitted_at) VALUES ($1, $2, $3, 'paper', " + ", ".join(["3"] * 9 + ["4"] * 9) +
        ", true, '', now())")
    left = list(range(n))

    async def worker():
        while left:
            left.pop()
            async with pool.acquire() as c:
                await c.execute(sql, uuid.uuid4(), uuid.UUID(ORG), period_id)

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    rate = n / (time.perf_counter() - start)
    await pool.close()
    return rate


def line(name: str, lat: list[float]) -> str:
    return f"{name:<58} p50 {statistics.median(lat):7.1f} ms  p95 {pct(lat, 95):7.1f} ms"


async def run(stack: Stack) -> None:
    dsn = stack.database_url("survey").replace("postgresql+asyncpg://", "postgresql://")
    admin = token(stack, role="admin", org=ORG)
    direct, gw = stack.service_url("survey"), stack.gateway_url + "/api/survey"
    async with aiohttp.ClientSession() as s:
        async with s.get(f"{direct}/admin/periods", headers=admin) as r:
            period_id = uuid.UUID((await r.json())["current_id"])
        await fill(dsn, period_id, N_RESPONSES)
        print(f"survey bench: {N_RESPONSES:,} answers in one period\n")
        recap = await timed_get(s, f"{direct}/admin/periods/{period_id}/recap", admin, 20)
        sums = await sql_times(dsn, period_id, "SELECT count(*), " + ", ".join(
            f"sum({c}{i})" for c in "pi" for i in range(1, 10)) + " FROM responses WHERE period_id = $1")
        count = await sql_times(dsn, period_id, "SELECT count(*) FROM responses WHERE period_id = $1")
        print(line("recap API, whole answer (direct to the service)", recap))
        print(line("  the sums alone (one SQL aggregate, 19 columns)", sums))
        print(line("  baseline: bare count(*) of the period", count))
        report = await timed_get(s, f"{direct}/admin/periods/{period_id}/report.pdf", admin, 5)
        print(line("report PDF (recap + render), direct", report))
        print(line("  baseline: the recap alone, same run", recap))
        rate_d, lat_d = await submissions(s, f"{direct}/admin/periods/{period_id}/paper", admin, N_SUBMIT)
        rate_g, lat_g = await submissions(s, f"{gw}/admin/periods/{period_id}/paper", admin, N_SUBMIT)
        raw = await raw_inserts(dsn, period_id, N_SUBMIT * 2)
        print(f"\npaper submissions, {N_SUBMIT} x {CONCURRENCY} concurrent:")
        print(f"  direct   {rate_d:7.0f} /s  p50 {statistics.median(lat_d):6.1f} ms  p99 {pct(lat_d, 99):6.1f} ms")
        print(f"  gateway  {rate_g:7.0f} /s  p50 {statistics.median(lat_g):6.1f} ms  p99 {pct(lat_g, 99):6.1f} ms")
        print(f"  baseline: raw single-row INSERT, same table  {raw:7.0f} /s")
    raw_s = f"raw INSERT same table {raw:,.0f}/s"
    bench_report(
        Row(f"survey recap API p50 ({N_RESPONSES:,} answers)", round(statistics.median(recap), 1), "ms",
            f"bare count(*) p50 {statistics.median(count):.1f} ms"),
        Row("survey recap, the SQL sums alone p50", round(statistics.median(sums), 1), "ms"),
        Row("survey report PDF p50", round(statistics.median(report), 1), "ms",
            f"recap alone p50 {statistics.median(recap):.1f} ms", statistics.median(report) / statistics.median(recap)),
        Row(f"survey paper submissions direct ({CONCURRENCY} concurrent), p99 {pct(lat_d, 99):.0f} ms", round(rate_d),
            "/s", raw_s, rate_d / raw),
        Row(f"survey paper submissions via gateway, p99 {pct(lat_g, 99):.0f} ms", round(rate_g), "/s", raw_s,
            rate_g / raw),
    )


def main() -> None:
    stack = Stack(prefix=f"balai_bench_survey_{os.getpid()}", drop_databases_on_exit=True,
                  gateway_port=free_port(), kafka_port=free_port(), fresh_databases=True,
                  state_dir=ROOT / ".state" / "bench", seed=False,
                  extra_env={"GATEWAY_RATE_LIMIT_PER_MINUTE": "100000"})
    with stack:
        asyncio.run(run(stack))


if __name__ == "__main__":
    main()
