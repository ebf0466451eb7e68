"""The fault scenarios of issue 14 and the table they print.

Each scenario runs load (tests/chaos/load.py) through the gateway while its fault runs, then
waits for the system to settle and checks every effect (tests/chaos/checks.py). Sizes come from a
`Sizes` (the full run of `make chaos`, or the CI subset inside `make test`).
"""
from __future__ import annotations

import asyncio
import json
import re
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx
from aiokafka import AIOKafkaProducer

from balai_platform.dlq import read_dead_letters

from .checks import SUBSCRIBERS, Tally, db_now, settle
from .load import Load, Results
from .stack import PRIVATE_PG_SERVICE, ChaosStack

CONSUMERS = ("identity", "ukm", "training", "lodging", "certificate", "survey")


@dataclass(frozen=True)
class Sizes:
    journeys: int = 1000  # scenario 1: registrations and enrollments
    pause_seconds: float = 60
    kills: int = 10  # scenario 2: SIGKILLs of each consumer service
    down_seconds: float = 120  # scenario 6
    pg_restarts: int = 3  # scenario 4
    background: int = 40  # journeys at least, while another fault runs
    concurrency: int = 6
    wave_size: int = 25
    settle_seconds: float = 240


FULL = Sizes()
CI = Sizes(journeys=24, pause_seconds=10, kills=1, down_seconds=10, pg_restarts=1, background=6,
           concurrency=4, wave_size=8, settle_seconds=150)


@dataclass
class Row:
    scenario: str
    requests: int
    events: int
    lost: int
    duplicates: int
    max_delay: float
    errors_5xx: int
    errors_5xx_faulted: int
    seconds: float
    notes: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.lost == 0 and self.duplicates == 0 and self.errors_5xx == 0 and not self.details


HEADER = ("scenario", "requests", "events", "lost", "dup effects", "max event delay", "5xx seen",
          "5xx (faulted svc)", "time")


def table(rows: list[Row]) -> str:
    cells = [HEADER] + [(r.scenario, str(r.requests), str(r.events), str(r.lost), str(r.duplicates),
                         f"{r.max_delay:.1f} s", str(r.errors_5xx), str(r.errors_5xx_faulted),
                         f"{r.seconds:.0f} s") for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(HEADER))]
    line = "| " + " | ".join("-" * w for w in widths) + " |"
    out = ["| " + " | ".join(c.ljust(w) for c, w in zip(cells[0], widths, strict=True)) + " |", line]
    out += ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in cells[1:]]
    return "\n".join(out)


Fault = Callable[[ChaosStack, Load], Awaitable[list[str]]]


async def run_scenario(stack: ChaosStack, name: str, sizes: Sizes, fault: Fault, *, journeys: int,
                       faulted: set[str] = frozenset(), until_fault_done: bool = True) -> Row:
    """Load and fault at once; then settle and tally. `faulted`: services whose 5xx are expected."""
    started = time.monotonic()
    since = await db_now(stack)
    load = Load(stack.gateway_url, stack.admin_password, wave_size=sizes.wave_size,
                concurrency=sizes.concurrency)
    load_task = asyncio.create_task(load.run(journeys, until_stopped=until_fault_done))
    notes: list[str] = []
    try:
        notes = await fault(stack, load)
    finally:
        load.stop.set()
    results = await load_task
    tally = await settle(stack, results, since, sizes.settle_seconds)
    return _row(name, results, tally, faulted, notes, time.monotonic() - started)


def _row(name: str, results: Results, tally: Tally, faulted: set[str], notes: list[str],
         seconds: float) -> Row:
    five = sum(n for (svc, cls), n in results.status.items() if cls == "5xx" and svc not in faulted)
    five += results.status.get(("gateway", "no-answer"), 0)
    five_faulted = sum(n for (svc, cls), n in results.status.items() if cls == "5xx" and svc in faulted)
    details = [d for d in notes if d.startswith("FAIL")]
    details += tally.lost_events[:5] + tally.missing_effects[:5] + tally.duplicate_effects[:5]
    notes.append(f"{len(results.participants)} registered, {len(results.confirmed)} confirmed, "
                 f"{len(results.completed)} completed; {tally.applications} event applications")
    if results.abandoned:
        notes.append(f"{results.abandoned} journeys abandoned")
    return Row(name, results.requests, tally.events, tally.lost, len(tally.duplicate_effects), tally.max_delay,
               five, five_faulted, seconds, notes + results.errors[:5], details)


async def blocking(fn, *args):
    return await asyncio.to_thread(fn, *args)


# -- 1 broker paused --------------------------------------------------------------------------
def broker_pause(sizes: Sizes) -> Fault:
    async def fault(stack: ChaosStack, load: Load) -> list[str]:
        await load.wait_progress(max(2, sizes.journeys // 10))
        stack.pause_broker()
        try:
            await asyncio.sleep(sizes.pause_seconds)
        finally:
            stack.resume_broker()
        return [f"broker frozen {sizes.pause_seconds:.0f} s"]
    return fault


# -- 2 SIGKILL each consumer service, n times --------------------------------------------------
def kill_each(sizes: Sizes) -> Fault:
    async def fault(stack: ChaosStack, load: Load) -> list[str]:
        await load.wait_progress(1)
        for name in CONSUMERS:
            for _ in range(sizes.kills):
                await asyncio.sleep(1.5)  # events are flowing: kill it mid-batch
                stack.kill(name)
                # a crashed process restarted: nothing waits for its readiness, and its group
                # still holds the killed member until the session times out
                await asyncio.to_thread(stack.start_and_wait, name, ready=False)
        return [f"{sizes.kills} SIGKILLs x {len(CONSUMERS)} services"]
    return fault


# -- 3 two instances of each consumer service, one killed ---------------------------------------
def two_instances(sizes: Sizes) -> Fault:
    async def fault(stack: ChaosStack, load: Load) -> list[str]:
        # each replica shares its service's address and consumer groups
        await blocking(stack.start_many, [(name, f"{name}-2") for name in CONSUMERS])
        await load.wait_progress(2)
        for name in CONSUMERS:
            await asyncio.sleep(2)
            stack.kill(name)  # the other takes over its partitions (and its HTTP share)
            stack.promote(f"{name}-2", name)
        await load.wait_progress(load.progress + 2)
        return ["2 instances each; one SIGKILLed mid-flow"]
    return fault


# -- 4 PostgreSQL of one service restarted --------------------------------------------------------
def postgres_restart(sizes: Sizes) -> Fault:
    async def fault(stack: ChaosStack, load: Load) -> list[str]:
        await load.wait_progress(1)
        for _ in range(sizes.pg_restarts):
            await asyncio.sleep(3)
            await blocking(stack.private_pg.restart, 3.0)
        await asyncio.sleep(3)
        return [f"{PRIVATE_PG_SERVICE}'s PostgreSQL restarted {sizes.pg_restarts}x (3 s down)"]
    return fault


# -- 5 rolling restart ----------------------------------------------------------------------------
def rolling_restart(sizes: Sizes) -> Fault:
    async def fault(stack: ChaosStack, load: Load) -> list[str]:
        await load.wait_progress(1)
        notes, stopping = [], []
        for name in (*CONSUMERS, "gateway"):
            await asyncio.sleep(1.5)
            # new process ready, old one SIGTERMed; as in a rollout, the next service's restart
            # does not wait for the old process's drain and shutdown
            old = await blocking(stack.replace, name)
            stopping.append((name, asyncio.create_task(blocking(stack.wait_stopped, old))))
        for name, graceful in stopping:
            if not await graceful:
                notes.append(f"FAIL {name} did not finish its shutdown after SIGTERM")
        return notes + ["new process ready, then SIGTERM to the old one: each service and the gateway"]
    return fault


# -- 6 one service down for a while ---------------------------------------------------------------
DOWN = "lodging"


async def web_login(client: httpx.AsyncClient, username: str, password: str) -> None:
    landing = await client.get("/")
    token = re.search(r'name="csrf_token" value="([^"]+)"', landing.text).group(1)
    r = await client.post("/masuk", data={"login": username, "password": password, "csrf_token": token})
    assert r.status_code == 303, r.text[:200]


async def probe_while_down(stack: ChaosStack, seconds: float) -> list[str]:
    """Its pages and API give the 503 page/answer; the rest of the site answers as usual."""
    fails: list[str] = []
    async with httpx.AsyncClient(base_url=stack.gateway_url, timeout=30) as admin, \
            httpx.AsyncClient(base_url=stack.gateway_url, timeout=30) as api:
        await web_login(admin, "admin.jateng", stack.admin_password)
        deadline = time.monotonic() + seconds
        probes = 0
        while True:
            probes += 1
            r = await admin.get("/admin/asrama")
            if r.status_code != 503 or "Layanan sedang tidak tersedia" not in r.text:
                fails.append(f"FAIL /admin/asrama answered {r.status_code} while {DOWN} is down")
            r = await api.get("/api/lodging/admin/dormitory")
            if r.status_code != 503:
                fails.append(f"FAIL /api/lodging answered {r.status_code} while {DOWN} is down")
            for client, path in ((admin, "/admin"), (admin, "/admin/pelatihan"), (api, "/"), (api, "/galeri")):
                r = await client.get(path)  # (an admin's "/" redirects to /admin: ask anonymously)
                if r.status_code != 200:
                    fails.append(f"FAIL {path} answered {r.status_code} while only {DOWN} is down")
            r = await api.get("/api/ukm/gallery")
            if r.status_code != 200:
                fails.append(f"FAIL /api/ukm/gallery answered {r.status_code} while only {DOWN} is down")
            if time.monotonic() > deadline:
                break
            await asyncio.sleep(2)
    return sorted(set(fails)) + [f"{probes} probe rounds while down"]


def service_down(sizes: Sizes) -> Fault:
    async def fault(stack: ChaosStack, load: Load) -> list[str]:
        await load.wait_progress(1)
        stack.stop_service(DOWN)
        stack.close_address(DOWN)  # refused, as a Service with no ready endpoint
        try:
            notes = await probe_while_down(stack, sizes.down_seconds)
        finally:
            await blocking(stack.start_and_wait, DOWN)
        return notes + [f"{DOWN} down {sizes.down_seconds:.0f} s"]
    return fault


# -- 7 poison messages ----------------------------------------------------------------------------
def poison_messages(sizes: Sizes) -> Fault:
    async def fault(stack: ChaosStack, load: Load) -> list[str]:
        await load.wait_progress(1)
        before = {t: len(await read_dead_letters(stack.kafka_bootstrap, f"{t}.dlq")) for t in SUBSCRIBERS}
        marker = uuid.uuid4().hex
        producer = AIOKafkaProducer(bootstrap_servers=stack.kafka_bootstrap, acks="all")
        await producer.start()
        try:
            for topic in SUBSCRIBERS:
                for p in range(6):  # one per partition: every partition must keep flowing
                    await producer.send_and_wait(topic, f"poison {marker} not json".encode(),
                                                 key=f"poison-{marker}".encode(), partition=p)
            # a well-formed envelope whose payload breaks its contract (type of a handled event)
            bad = {"id": str(uuid.uuid4()), "type": "ParticipantRegistered", "version": 1, "source": "chaos",
                   "subject": f"poison-{marker}", "occurred_at": "2026-01-01T00:00:00Z",
                   "correlation_id": marker, "data": {"participant_id": "not-a-uuid"}}
            await producer.send_and_wait("identity.participant", json.dumps(bad).encode(), key=marker.encode())
        finally:
            await producer.stop()
        notes, fails = [], []
        expected = {t: 6 * len(s) + (len(s) if t == "identity.participant" else 0) for t, s in SUBSCRIBERS.items()}
        deadline = time.monotonic() + 120
        while True:
            got = {t: len(await read_dead_letters(stack.kafka_bootstrap, f"{t}.dlq")) - before[t] for t in SUBSCRIBERS}
            if got == expected or time.monotonic() > deadline:
                break
            await asyncio.sleep(2)
        for t in SUBSCRIBERS:
            if got[t] != expected[t]:
                fails.append(f"FAIL {t}.dlq got {got[t]} dead letters, expected {expected[t]}")
        await load.wait_progress(load.progress + 2)
        notes.append(f"{sum(got.values())} dead letters on {len(SUBSCRIBERS)} topics")
        return fails + notes
    return fault


def scenarios(sizes: Sizes) -> list[tuple[str, Fault, dict]]:
    return [
        ("1 broker paused", broker_pause(sizes), dict(journeys=sizes.journeys, until_fault_done=False)),
        ("2 SIGKILL each consumer", kill_each(sizes),
         dict(journeys=sizes.background, faulted=set(CONSUMERS))),
        ("3 two instances, one killed", two_instances(sizes), dict(journeys=sizes.background, faulted=set(CONSUMERS))),
        (f"4 PostgreSQL of {PRIVATE_PG_SERVICE} restarted", postgres_restart(sizes),
         dict(journeys=sizes.background, faulted={PRIVATE_PG_SERVICE})),
        ("5 rolling restart (SIGTERM)", rolling_restart(sizes), dict(journeys=sizes.background)),
        (f"6 {DOWN} down", service_down(sizes), dict(journeys=sizes.background, faulted={DOWN})),
        ("7 poison message per topic", poison_messages(sizes), dict(journeys=sizes.background)),
    ]


async def run_all(stack: ChaosStack, sizes: Sizes, only: set[str] | None = None, echo=print) -> list[Row]:
    rows = []
    for name, fault, kw in scenarios(sizes):
        if only and name.split()[0] not in only:
            continue
        echo(f"== {name}")
        started = time.monotonic()
        try:
            row = await run_scenario(stack, name, sizes, fault, **kw)
        except Exception as exc:  # one broken scenario must not hide the others' rows
            row = Row(name, 0, 0, -1, -1, 0.0, -1, -1, time.monotonic() - started,
                      details=[f"FAIL scenario crashed: {type(exc).__name__}: {str(exc)[:300]}"])
        echo(table([row]))
        for note in row.notes + [d for d in row.details if d not in row.notes]:
            echo(f"   {note}")
        rows.append(row)
    return rows
