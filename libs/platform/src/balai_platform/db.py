"""Async SQLAlchemy 2 engine and sessions on asyncpg."""
from __future__ import annotations

import asyncio
from collections import deque
from typing import Any

from sqlalchemy import MetaData, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import AsyncAdaptedQueuePool
from sqlalchemy.util.concurrency import await_
from sqlalchemy.util.queue import AsyncAdaptedQueue, Empty, Full

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def make_metadata() -> MetaData:
    return MetaData(naming_convention=NAMING_CONVENTION)


def make_engine(url: str, pool_size: int = 10, pool_timeout: float = 30.0) -> AsyncEngine:
    # No pool_pre_ping: on asyncpg it costs BEGIN, a ping and ROLLBACK (three round trips) on every
    # checkout, i.e. on every request. A connection PostgreSQL closed (restart, terminated backend)
    # is seen by asyncpg as soon as the socket closes; the checkout listener below refuses it and the
    # pool opens a fresh one, so a restart still costs no failed request.
    #
    # No overflow: SQLAlchemy closes an overflow connection as soon as it is returned, so with more
    # concurrent requests than the pool every extra request paid a fresh connection (TCP, the SSL
    # attempt, asyncpg's type introspection, re-preparing its statements) and its close: under load
    # up to a third of a service's CPU (py-spy, ukm gallery and training rush). The ceiling stays
    # what it was (2 x DB_POOL_SIZE, the old pool + overflow), now all kept; the pool opens them
    # only when needed, so an idle service holds no more than before. A burst above it waits for a
    # free connection; `pool_timeout` bounds the wait.
    engine = create_async_engine(url, pool_size=2 * pool_size, max_overflow=0, pool_timeout=pool_timeout,
                                 poolclass=FairPool)
    event.listen(engine.sync_engine.pool, "checkout", _refuse_closed_connection)
    return engine


class FairQueue(AsyncAdaptedQueue):
    """The pool's queue, first come first served: a connection given back goes straight to the
    request that has waited longest for one.

    SQLAlchemy's asyncio queue lets a request that has just arrived take a connection that was
    given back while another waited (the waiter was woken, but had not run yet); the waiter then
    finds the queue empty and queues again at the back. With more requests in flight than
    connections, a few requests lost that race over and over: the rush's and the verification's
    p99 were 3-5 times their p50 (bench/training_bench.py).
    """

    def __init__(self, maxsize: int = 0, use_lifo: bool = False) -> None:
        super().__init__(maxsize, use_lifo)
        self._items: deque[Any] = deque()
        self._waiters: deque[asyncio.Future] = deque()

    def empty(self) -> bool:
        return not self._items

    def full(self) -> bool:
        return 0 < self.maxsize <= len(self._items)

    def qsize(self) -> int:
        return len(self._items)

    def put_nowait(self, item: Any) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(item)
                return
        if self.full():
            raise Full()
        self._items.append(item)

    def put(self, item: Any, block: bool = True, timeout: float | None = None) -> None:
        self.put_nowait(item)  # the pool never gives back more than it holds: this never waits

    def get_nowait(self) -> Any:
        if not self._items:
            raise Empty()
        return self._items.pop() if self.use_lifo else self._items.popleft()

    def get(self, block: bool = True, timeout: float | None = None) -> Any:
        if self._items:
            return self.get_nowait()
        if not block:
            raise Empty()
        return await_(self._wait(timeout))

    async def _wait(self, timeout: float | None) -> Any:
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await asyncio.wait({waiter}, timeout=timeout)
        except BaseException:  # the request was cancelled while it waited
            if waiter.done() and not waiter.cancelled():
                self.put_nowait(waiter.result())  # handed over meanwhile: on to the next one
            else:
                waiter.cancel()
            raise
        if waiter.done():
            return waiter.result()
        waiter.cancel()  # put_nowait skips it
        raise Empty()


class FairPool(AsyncAdaptedQueuePool):
    """AsyncAdaptedQueuePool with the FairQueue."""

    _queue_class = FairQueue


def _refuse_closed_connection(dbapi_connection, connection_record, connection_proxy) -> None:
    driver = getattr(dbapi_connection, "driver_connection", None)
    if driver is not None and driver.is_closed():
        raise DisconnectionError("connection closed by the server")  # the pool retries with a new one


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)
