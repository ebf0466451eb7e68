"""The operator's DLQ command against the real stack: list, show, replay (safe to repeat)."""
from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import uuid

import asyncpg
import pytest
from aiokafka import AIOKafkaProducer

from balai_contracts.topics import IDENTITY_PARTICIPANT, dlq
from services.training.tests.support import participant_event

pytestmark = pytest.mark.integration
DLQ = dlq(IDENTITY_PARTICIPANT)


def cli(stack, *args: str) -> str:
    r = subprocess.run([sys.executable, "-m", "balai_platform.dlq", *args, "--bootstrap", stack.kafka_bootstrap,
                        "--topic", DLQ], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    return r.stdout


async def wait_rows(check, timeout: float = 60):
    for _ in range(int(timeout * 2)):
        value = await check()
        if value:
            return value
        await asyncio.sleep(0.5)
    raise AssertionError("timed out")


async def rows_of(stack) -> list[dict]:
    return [json.loads(line) for line in (await asyncio.to_thread(cli, stack, "list", "--json")).splitlines()]


async def test_dlq_list_show_and_replay(balai_stack):
    before = {(r["partition"], r["offset"]) for r in await rows_of(balai_stack)}
    pid = uuid.uuid4()
    env = participant_event(pid)
    marker = uuid.uuid4().hex
    producer = AIOKafkaProducer(bootstrap_servers=balai_stack.kafka_bootstrap, acks="all")
    await producer.start()
    try:  # a poison message: the consumers dead-letter it and go on
        await producer.send_and_wait(IDENTITY_PARTICIPANT, f"not json {marker}".encode(), key=marker.encode())
        # a valid event a consumer gave up on (retries exhausted while its database was down)
        await producer.send_and_wait(DLQ, env.model_dump_json().encode(), key=str(pid).encode(), headers=[
            ("x-consumer", b"training"), ("x-error", b"OperationalError"), ("x-attempts", b"5")])
    finally:
        await producer.stop()

    async def listed():
        mine = [r for r in await rows_of(balai_stack) if (r["partition"], r["offset"]) not in before]
        return mine if len(mine) >= 4 else None  # the poison from training, ukm and lodging + the event

    mine = await wait_rows(listed)
    poison = [r for r in mine if r["key"] == "malformed"]
    assert sorted(r["consumer"] for r in poison) == ["lodging", "training", "ukm"]
    assert all(r["error"] == "malformed envelope" and not r["valid_envelope"] for r in poison)
    given_up = next(r for r in mine if r["key"] == str(pid))
    assert given_up["event_type"] == "ParticipantRegistered" and given_up["event_id"] == str(env.id)
    assert "Siti" not in json.dumps(mine), "the listing shows no payload"
    text = await asyncio.to_thread(cli, balai_stack, "list")
    assert "dead letter(s) in identity.participant.dlq" in text and str(env.id) in text

    shown = json.loads(await asyncio.to_thread(cli, balai_stack, "show", "--partition", str(given_up["partition"]),
                                               "--offset", str(given_up["offset"])))
    assert json.loads(shown["value"])["id"] == str(env.id)

    dsn = balai_stack.pg.asyncpg_dsn(f"{balai_stack.prefix}_training")

    async def copies() -> int:
        conn = await asyncpg.connect(dsn)
        try:
            return await conn.fetchval("SELECT count(*) FROM participants WHERE participant_id = $1", pid)
        finally:
            await conn.close()

    assert await copies() == 0
    out = await asyncio.to_thread(cli, balai_stack, "replay", "--partition", str(given_up["partition"]),
                                  "--offset", str(given_up["offset"]))
    assert "replayed 1 to identity.participant" in out
    await wait_rows(copies)
    out = await asyncio.to_thread(cli, balai_stack, "replay", "--all")  # again, with the poison: safe
    assert "replayed" in out and "skipped" in out
    await asyncio.sleep(3)
    assert await copies() == 1

    async def inbox_once() -> bool:
        conn = await asyncpg.connect(dsn)
        try:
            return await conn.fetchval("SELECT count(*) FROM inbox WHERE event_id = $1", env.id) == 1
        finally:
            await conn.close()

    assert await inbox_once()


def test_dlq_refuses_a_topic_that_is_not_a_dlq():
    r = subprocess.run([sys.executable, "-m", "balai_platform.dlq", "list", "--bootstrap", "127.0.0.1:1",
                        "--topic", IDENTITY_PARTICIPANT], capture_output=True, text=True, timeout=30)
    assert r.returncode == 2 and "not a dead-letter topic" in r.stderr
