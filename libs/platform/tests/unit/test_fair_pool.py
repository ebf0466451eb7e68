"""FairQueue: the connection pool serves waiting requests first come, first served."""
from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.util.concurrency import greenlet_spawn
from sqlalchemy.util.queue import Empty

from balai_platform.db import FairQueue


async def _get(q: FairQueue, timeout: float | None = 5):
    return await greenlet_spawn(q.get, True, timeout)


async def test_a_given_back_connection_goes_to_the_longest_waiter_not_to_a_newcomer():
    q = FairQueue(maxsize=2)
    first = asyncio.create_task(_get(q))
    second = asyncio.create_task(_get(q))
    await asyncio.sleep(0.01)  # both wait, in that order
    q.put_nowait("c1")
    with pytest.raises(Empty):  # a request arriving now does not take it (the old queue let it)
        q.get_nowait()
    q.put_nowait("c2")
    assert await first == "c1" and await second == "c2"


async def test_a_free_connection_is_taken_at_once_and_lifo_is_kept():
    q = FairQueue(maxsize=3, use_lifo=True)
    for c in ("a", "b", "c"):
        q.put_nowait(c)
    assert q.full() and q.qsize() == 3
    assert await _get(q) == "c"


async def test_a_wait_that_times_out_leaves_no_trace():
    q = FairQueue(maxsize=1)
    with pytest.raises(Empty):
        await _get(q, timeout=0.02)
    q.put_nowait("c")  # nobody waits any more: it stays in the queue
    assert q.qsize() == 1 and q.get_nowait() == "c"


async def test_a_cancelled_waiter_hands_its_connection_on():
    q = FairQueue(maxsize=2)
    doomed = asyncio.create_task(_get(q))
    patient = asyncio.create_task(_get(q))
    await asyncio.sleep(0.01)
    q.put_nowait("c")  # handed to `doomed`, which is cancelled before it runs
    doomed.cancel()
    with pytest.raises(asyncio.CancelledError):
        await doomed
    assert await patient == "c"  # not lost
