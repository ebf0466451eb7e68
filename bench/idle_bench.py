"""The idle stack: CPU with no traffic, memory, time to ready, and event latency (not a test).

Starts the whole stack like `make run` does (every service, the broker, migrations, demo data) on
free ports with fresh per-run databases, then reports:
- ready time: from start to the gateway answering with demo data seeded (what `make run` prints
  its URL after);
- idle CPU: the sum of utime+stime (/proc/<pid>/stat) of the stack's own processes (the services,
  their worker processes, the broker) over IDLE_SECONDS with no traffic, in % of one core; the
  PostgreSQL backends serving the stack's databases are shown beside it. Counting the stack's own
  ticks keeps the figure honest on a shared machine;
- memory: PSS of services + broker + those PostgreSQL backends (smaps_rollup);
- event latency: outbox commit -> consumer effect, i.e. an identity ParticipantRegistered's
  occurred_at (set in the committing transaction) to the inbox row's processed_at written by the
  training, ukm and lodging consumers (their effect's transaction), for registrations sent at
  random gaps so that both busy and idle-after-a-pause fetches are sampled.
Run: bench/run_all.py, or alone: .venv/bin/python bench/idle_bench.py [--quick]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import time
from pathlib import Path

import aiohttp
import asyncpg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from balai_devstack.infra import free_port  # noqa: E402
from balai_devstack.stack import Stack  # noqa: E402
from bench.benchlib import Row, pct, report  # noqa: E402
from tests.factories import participant_form, png_photo  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")
CONSUMERS_OF_PARTICIPANT = ("training", "ukm", "lodging")
PHOTO = png_photo()
BUSY_SECONDS = float(os.environ.get("BALAI_BENCH_BUSY_SECONDS", "10"))  # the services' kafka_fetch_busy_seconds


def _stat(pid: int) -> tuple[int, int] | None:
    """(session id, utime+stime ticks) of a process, None when it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()
    return int(fields[3]), int(fields[11]) + int(fields[12])


def stack_pids(stack: Stack) -> dict[int, str]:
    """Every process of the stack's sessions (services, their workers, broker) -> its owner's name."""
    sessions = {p.pid: name for name, p in stack.procs.items()}
    if stack.broker is not None:
        sessions[stack.broker.pid] = "broker"
    out = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            st = _stat(int(entry.name))
            if st and st[0] in sessions:
                out[int(entry.name)] = sessions[st[0]]
    return out


async def pg_backends(stack: Stack) -> list[int]:
    conn = await asyncpg.connect(stack.pg.asyncpg_dsn("postgres"))
    try:
        rows = await conn.fetch("SELECT pid FROM pg_stat_activity WHERE starts_with(datname, $1)",
                                stack.prefix + "_")
    finally:
        await conn.close()
    return [r["pid"] for r in rows]


def ticks(pids) -> dict[int, int]:
    return {pid: st[1] for pid in pids if (st := _stat(pid))}


def pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


async def idle_cpu(stack: Stack, seconds: float) -> tuple[dict[str, float], float]:
    """% of one core per owner over `seconds` of no traffic, and the PostgreSQL backends' share."""
    pids = stack_pids(stack)
    backends = await pg_backends(stack)
    before, pg_before = ticks(pids), ticks(backends)
    t0 = time.monotonic()
    await asyncio.sleep(seconds)
    elapsed = time.monotonic() - t0
    pids.update({p: o for p, o in stack_pids(stack).items() if p not in pids})
    after, pg_after = ticks(pids), ticks(backends)
    per_owner: dict[str, float] = {}
    for pid, owner in pids.items():
        used = after.get(pid, before.get(pid, 0)) - before.get(pid, 0)
        per_owner[owner] = per_owner.get(owner, 0) + used / TICK / elapsed * 100
    pg = sum(pg_after.get(p, pg_before[p]) - pg_before[p] for p in pg_before) / TICK / elapsed * 100
    return per_owner, pg


async def memory(stack: Stack) -> tuple[dict[str, float], float]:
    per_owner: dict[str, float] = {}
    for pid, owner in stack_pids(stack).items():
        per_owner[owner] = per_owner.get(owner, 0) + pss_kib(pid) / 1024
    pg = sum(pss_kib(p) for p in await pg_backends(stack)) / 1024
    return per_owner, pg


async def _last_outbox_id(stack: Stack) -> int:
    conn = await asyncpg.connect(stack.pg.asyncpg_dsn(f"{stack.prefix}_identity"))
    try:
        return await conn.fetchval("SELECT coalesce(max(id), 0) FROM outbox")
    finally:
        await conn.close()


async def _register(session: aiohttp.ClientSession, stack: Stack) -> None:
    fd = aiohttp.FormData()
    for k, v in participant_form().items():
        fd.add_field(k, v)
    fd.add_field("photo", PHOTO, filename="foto.png", content_type="image/png")
    async with session.post(stack.service_url("identity") + "/participants", data=fd) as r:
        assert r.status == 201, await r.text()


async def _latencies(stack: Stack, after_id: int) -> list[float]:
    """ms from each ParticipantRegistered after `after_id` (occurred_at, set in the committing
    transaction) to the inbox row of each consumer (training, ukm, lodging) that applied it."""
    await asyncio.sleep(3)  # the last events reach every consumer
    ident = await asyncpg.connect(stack.pg.asyncpg_dsn(f"{stack.prefix}_identity"))
    try:
        rows = await ident.fetch(
            "SELECT event_id, (payload->>'occurred_at')::timestamptz AS at FROM outbox "
            "WHERE event_type = 'ParticipantRegistered' AND id > $1", after_id)
    finally:
        await ident.close()
    occurred = {r["event_id"]: r["at"] for r in rows}
    lat: list[float] = []
    for name in CONSUMERS_OF_PARTICIPANT:
        if name not in stack.ports:
            continue
        conn = await asyncpg.connect(stack.pg.asyncpg_dsn(f"{stack.prefix}_{name}"))
        try:
            for r in await conn.fetch("SELECT event_id, processed_at FROM inbox WHERE event_id = ANY($1::uuid[])",
                                      list(occurred)):
                lat.append((r["processed_at"] - occurred[r["event_id"]]).total_seconds() * 1000)
        finally:
            await conn.close()
    return lat


async def event_latency(stack: Stack, n: int, quiet: int) -> tuple[list[float], list[float]]:
    """(in a flow, after a quiet spell): n registrations 50-600 ms apart, then `quiet` ones each
    after BUSY_SECONDS + 1 s without events (the consumers fetch with their idle wait)."""
    async with aiohttp.ClientSession() as session:
        first = await _last_outbox_id(stack)
        for _ in range(n):
            await _register(session, stack)
            await asyncio.sleep(random.uniform(0.05, 0.6))
        flow = await _latencies(stack, first)
        first = await _last_outbox_id(stack)
        for _ in range(quiet):
            await asyncio.sleep(BUSY_SECONDS + 1 + random.uniform(0, 0.5))
            await _register(session, stack)
        return flow, await _latencies(stack, first)


async def measure(stack: Stack, ready_s: float, idle_s: float, events: int, quiet: int) -> None:
    await asyncio.sleep(BUSY_SECONDS + 5)  # demo-data events drain, consumers fall back to the idle wait
    cpu, pg_cpu = await idle_cpu(stack, idle_s)
    mem, pg_mem = await memory(stack)
    lat, after_quiet = await event_latency(stack, events, quiet)
    total_cpu = sum(cpu.values())
    total_mem = sum(mem.values()) + pg_mem
    print("idle CPU % of one core per process group:", {k: round(v, 2) for k, v in sorted(cpu.items())},
          f"postgres backends {pg_cpu:.2f}")
    print("PSS MiB:", {k: round(v) for k, v in sorted(mem.items())}, f"postgres backends {pg_mem:.0f}")
    services = len([k for k in stack.procs])
    report(
        Row(f"idle stack CPU ({services} services + broker, {idle_s:.0f} s no traffic)", round(total_cpu, 2),
            "% of a core", goal="<= 5 %", met=total_cpu <= 5),
        Row("idle PostgreSQL backends of the stack, CPU (info)", round(pg_cpu, 2), "% of a core"),
        Row("stack memory PSS (services + broker + PostgreSQL backends)", round(total_mem), "MiB",
            goal="<= 1536 MiB", met=total_mem <= 1536),
        Row("make run ready (migrate, start, seed; warm machine)", round(ready_s, 1), "s",
            goal="<= 30 s", met=ready_s <= 30),
        Row(f"event outbox commit -> consumer effect p50 ({len(lat)} samples)", round(pct(lat, 50), 1), "ms",
            goal="~ 11 ms (before)", met=None),
        Row("event outbox commit -> consumer effect p99", round(pct(lat, 99), 1), "ms",
            goal="<= 150 ms", met=pct(lat, 99) <= 150),
        Row(f"event latency, first event after {BUSY_SECONDS:.0f} s quiet, max of {len(after_quiet)} (idle fetch wait)",
            round(max(after_quiet), 1), "ms", goal="<= 150 ms", met=max(after_quiet) <= 150),
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    quick = args.quick or os.environ.get("BENCH_QUICK") == "1"
    stack = Stack(prefix=f"balai_idle_{os.getpid()}", drop_databases_on_exit=True,
                  gateway_port=free_port(), kafka_port=free_port(), fresh_databases=True,
                  state_dir=ROOT / ".state" / "bench")
    t0 = time.monotonic()
    with stack:
        ready = time.monotonic() - t0
        asyncio.run(measure(stack, ready, 60.0, 40 if quick else 100, 3 if quick else 8))


if __name__ == "__main__":
    main()
