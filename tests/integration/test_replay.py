"""History for a consumer deployed later (issue 14), on the real broker, PostgreSQL and services.

1,000 participants registered (real ParticipantRegistered envelopes on identity.participant,
50 of them updated afterwards); then a lodging deployed afterwards (its own database, a
brand-new consumer group) ends with all 1,000 copies, each at its latest state. Its copies wiped,
`python -m lodging replay` rebuilds them; a second replay changes nothing, and replay leaves the
consumer group's committed offsets alone. `python -m ukm replay` over training.enrollment too
applies no reaction (AttendanceConfirmed would showcase a business): only copy handlers run.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import subprocess
import sys
import uuid
from datetime import UTC, date, datetime, timedelta

import asyncpg
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from balai_contracts.envelope import Envelope
from balai_contracts.identity import ParticipantRegisteredV1, ParticipantUpdatedV1
from balai_contracts.topics import IDENTITY_PARTICIPANT, TRAINING_ENROLLMENT
from balai_contracts.training import AttendanceConfirmedV1
from balai_devstack.infra import create_database, free_port
from balai_devstack.stack import ROOT, SERVICES
from services.training.tests.support import wait_for

pytestmark = pytest.mark.integration
N = 1000
UPDATED = 50


def participant(pid: uuid.UUID, username: str, at: datetime, *, updated: bool = False) -> Envelope:
    fields = dict(participant_id=pid, username=username, full_name="Peserta Uji", birth_date=date(1990, 1, 1),
                  sex="P", province_code="33", regency_code="33.74", district_code="33.74.01",
                  village_code="33.74.01.1001", regency_name="Kota Semarang", phone_wa="6281200000000")
    event = ParticipantUpdatedV1(**fields, updated_at=at) if updated else ParticipantRegisteredV1(
        **fields, registered_at=at)
    return Envelope.wrap(event, source="identity", subject=str(pid))


async def publish(bootstrap: str, topic: str, envs: list[Envelope]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5)
    await producer.start()
    try:
        futures = [await producer.send(topic, env.model_dump_json().encode(), key=env.subject.encode())
                   for env in envs]
        await asyncio.gather(*futures)
    finally:
        await producer.stop()


async def copies(dsn: str, ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[str, datetime]]:
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch("SELECT participant_id, username, changed_at FROM participants "
                                "WHERE participant_id = ANY($1::uuid[])", ids)
    finally:
        await conn.close()
    return {r["participant_id"]: (r["username"], r["changed_at"]) for r in rows}


async def group_offsets(bootstrap: str, group: str, topic: str) -> dict[int, int | None]:
    """The committed offsets of `group` on `topic` (read without joining the group)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    await consumer.start()
    try:
        await consumer.topics()
        tps = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        consumer.assign(tps)
        return {tp.partition: await consumer.committed(tp) for tp in tps}
    finally:
        await consumer.stop()


def replay(service: str, env: dict[str, str], *topics: str) -> dict:
    args = [sys.executable, "-m", service, "replay", *(["--topics", *topics] if topics else [])]
    done = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@contextlib.contextmanager
def late_service(stack, name: str, env: dict[str, str]):
    """A second deployment of `name` beside the stack's one: own database and consumer group."""
    port = free_port()
    log = open(stack.log_path(f"{name}-late"), "ab")  # noqa: SIM115 - the child writes to it
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", next(s for s in SERVICES if s.name == name).app, "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--no-access-log"],
        env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        stack.procs[f"{name}-late"] = proc
        stack.wait_healthy(f"{name}-late", f"http://127.0.0.1:{port}")
        yield proc
    finally:
        stack.procs.pop(f"{name}-late", None)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)
        log.close()


async def test_a_consumer_deployed_later_gets_all_1000_copies_and_replay_rebuilds_them(balai_stack):
    stack = balai_stack
    tag = uuid.uuid4().hex[:6]
    ids = [uuid.uuid4() for _ in range(N)]
    t0 = datetime.now(UTC) - timedelta(hours=1)
    events = [participant(pid, f"r{tag}{i:04d}", t0) for i, pid in enumerate(ids)]
    events += [participant(pid, f"u{tag}{i:04d}", t0 + timedelta(minutes=5), updated=True)
               for i, pid in enumerate(ids[:UPDATED])]
    await publish(stack.kafka_bootstrap, IDENTITY_PARTICIPANT, events)
    expected = {pid: (f"{'u' if i < UPDATED else 'r'}{tag}{i:04d}") for i, pid in enumerate(ids)}

    # lodging deployed afterwards: a fresh database, a consumer group that never existed
    database = f"{stack.prefix}_lodging_late"
    await create_database(stack.pg, database, fresh=True)
    group = f"lodging_late_{tag}"
    env = {**stack.env_for(next(s for s in SERVICES if s.name == "lodging")),
           "LODGING_DATABASE_URL": stack.pg.database_url(database), "LODGING_CONSUMER_GROUP": group}
    subprocess.run([sys.executable, "-m", "lodging", "migrate"], env=env, cwd=ROOT, check=True,
                   capture_output=True)
    dsn = stack.pg.asyncpg_dsn(database)
    with late_service(stack, "lodging", env):
        async def all_copied():
            got = await copies(dsn, ids)
            return got if len(got) == N and all(got[p][0] == u for p, u in expected.items()) else None
        await wait_for(all_copied, timeout=180, interval=1.0)
    live_offsets = await group_offsets(stack.kafka_bootstrap, group, IDENTITY_PARTICIPANT)  # one group per service
    assert sum(o or 0 for o in live_offsets.values()) >= N + UPDATED

    # its copies wiped: replay rebuilds every one, each at its latest state
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute("DELETE FROM participants")
    finally:
        await conn.close()
    report = replay("lodging", env)
    print(f"lodging replay: {json.dumps(report, sort_keys=True)}")
    assert report["applied"][IDENTITY_PARTICIPANT] >= N + UPDATED
    first = await copies(dsn, ids)
    assert {pid: username for pid, (username, _) in first.items()} == expected

    # replaying again changes nothing; the live group's offsets were never touched
    again = replay("lodging", env)
    assert again["applied"][IDENTITY_PARTICIPANT] >= N + UPDATED
    assert await copies(dsn, ids) == first
    assert await group_offsets(stack.kafka_bootstrap, group,
                               IDENTITY_PARTICIPANT) == live_offsets


async def test_replay_runs_copy_handlers_only_never_a_reaction(balai_stack):
    stack = balai_stack
    spec = next(s for s in SERVICES if s.name == "ukm")
    env = stack.env_for(spec)
    confirmed = AttendanceConfirmedV1(
        enrollment_id=uuid.uuid4(), org_id=uuid.uuid4(), training_id=uuid.uuid4(), training_title="Pelatihan Uji",
        start_date=date.today(), end_date=date.today(), mode="regional", residential=False,
        participant_id=uuid.uuid4(), participant_name="Peserta Uji", sex="L", business_id=uuid.uuid4(),
        business_name="Usaha Uji", confirmed_at=datetime.now(UTC))
    await publish(stack.kafka_bootstrap, TRAINING_ENROLLMENT,
                  [Envelope.wrap(confirmed, source="training", subject=str(confirmed.enrollment_id))])
    conn = await asyncpg.connect(stack.pg.asyncpg_dsn(f"{stack.prefix}_ukm"))
    try:
        count = "SELECT (SELECT count(*) FROM outbox), (SELECT count(*) FROM business_trainings)"
        before = tuple(await conn.fetchrow(count))
        report = replay("ukm", env, IDENTITY_PARTICIPANT, TRAINING_ENROLLMENT)
        after = tuple(await conn.fetchrow(count))
    finally:
        await conn.close()
    # every training.enrollment event (AttendanceConfirmed among them) was read and ignored
    assert report["read"][TRAINING_ENROLLMENT] >= 1
    assert report["applied"].get(TRAINING_ENROLLMENT, 0) == 0
    assert report["ignored"][TRAINING_ENROLLMENT] == report["read"][TRAINING_ENROLLMENT]
    assert after == before
