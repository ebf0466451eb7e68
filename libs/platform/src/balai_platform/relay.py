"""Outbox relay: publishes outbox rows to Kafka in order, marks them sent, survives outages.

One relay per database is active at a time (a PostgreSQL advisory lock elects it), so several
replicas may run without double publishing; the others stand by and take over if it dies.
"""
from __future__ import annotations

import asyncio
import contextlib
import hashlib

import asyncpg
import orjson
from aiokafka import AIOKafkaProducer

from .logging import get_logger

log = get_logger("outbox_relay")


def _lock_key(name: str) -> int:
    return int.from_bytes(hashlib.sha256(f"outbox:{name}".encode()).digest()[:8], "big", signed=True)


class OutboxRelay:
    def __init__(self, dsn: str, bootstrap: str, *, name: str, channel: str = "balai_outbox",
                 batch_size: int = 200, poll_seconds: float = 1.0, max_backoff: float = 5.0) -> None:
        self.dsn = dsn
        self.bootstrap = bootstrap
        self.name = name
        self.channel = channel
        self.batch_size = batch_size
        self.poll_seconds = poll_seconds
        self.max_backoff = max_backoff
        self.is_leader = False
        self.published = 0
        self._stopping = False
        self._wake = asyncio.Event()
        self._task: asyncio.Task | None = None
        self._producer: AIOKafkaProducer | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name=f"outbox-relay-{self.name}")

    async def stop(self, drain_seconds: float = 0.0) -> None:
        """Stop; with `drain_seconds`, first let the leader publish what is pending (rows the
        last requests and consumed events wrote) and mark it sent, so no batch is cut between
        publish and mark (which would publish it again after the restart)."""
        self._stopping = True
        self._wake.set()
        if self._task:
            if drain_seconds > 0 and self.is_leader:
                with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError, Exception):
                    await asyncio.wait_for(asyncio.shield(self._task), drain_seconds)
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        await self._close_producer()

    async def _close_producer(self) -> None:
        if self._producer is not None:
            with contextlib.suppress(Exception):
                await self._producer.stop()
            self._producer = None

    async def _ensure_producer(self) -> AIOKafkaProducer:
        if self._producer is None:
            producer = AIOKafkaProducer(
                bootstrap_servers=self.bootstrap, acks="all", linger_ms=0,
                request_timeout_ms=10_000, retry_backoff_ms=200,
            )
            try:
                await producer.start()
            except BaseException:
                with contextlib.suppress(Exception):
                    await producer.stop()
                raise
            self._producer = producer
        return self._producer

    async def _run(self) -> None:
        backoff = 0.2
        while not self._stopping:
            try:
                await self._lead()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # connection lost, broker down...: retry with backoff
                self.is_leader = False
                log.warning("outbox_relay_error", error=type(exc).__name__, detail=str(exc)[:200],
                            retry_in=backoff)
                await self._close_producer()
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, self.max_backoff)

    async def _lead(self) -> None:
        conn: asyncpg.Connection = await asyncpg.connect(self.dsn)
        try:
            while not await conn.fetchval("SELECT pg_try_advisory_lock($1)", _lock_key(self.name)):
                self.is_leader = False
                if self._stopping:
                    return
                await asyncio.sleep(self.poll_seconds)
            self.is_leader = True
            log.info("outbox_relay_leading")
            await conn.add_listener(self.channel, lambda *_: self._wake.set())
            while True:
                self._wake.clear()
                sent = await self._publish_batch(conn)
                if self._stopping:
                    if sent < self.batch_size:
                        return  # drained
                    continue
                if sent < self.batch_size:
                    with contextlib.suppress(asyncio.TimeoutError):
                        await asyncio.wait_for(self._wake.wait(), self.poll_seconds)
        finally:
            self.is_leader = False
            with contextlib.suppress(Exception):
                await asyncio.wait_for(conn.close(), 2)

    async def _publish_batch(self, conn: asyncpg.Connection) -> int:
        rows = await conn.fetch(
            "SELECT id, topic, key, event_type, payload::text AS payload FROM outbox "
            "WHERE published_at IS NULL ORDER BY id LIMIT $1", self.batch_size)
        if not rows:
            return 0
        producer = await self._ensure_producer()
        try:
            futures = []
            for row in rows:
                cid = orjson.loads(row["payload"]).get("correlation_id", "")
                futures.append(await producer.send(
                    row["topic"], value=row["payload"].encode(), key=row["key"].encode(),
                    headers=[("content-type", b"application/json"),
                             ("event-type", row["event_type"].encode()),
                             ("correlation-id", cid.encode())],
                ))
            await asyncio.gather(*futures)
        except Exception:
            await conn.execute("UPDATE outbox SET attempts = attempts + 1 WHERE id = ANY($1::bigint[])",
                               [r["id"] for r in rows])
            raise
        await conn.execute("UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])",
                           [r["id"] for r in rows])
        self.published += len(rows)
        log.info("outbox_published", count=len(rows), last_id=rows[-1]["id"])
        return len(rows)
