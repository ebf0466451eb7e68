"""OffsetCommits: processed offsets are committed in batches, never past an unprocessed message."""
from __future__ import annotations

import asyncio

from aiokafka import TopicPartition

from balai_platform.consumer import OffsetCommits

A0, A1 = TopicPartition("a", 0), TopicPartition("a", 1)


class FakeConsumer:
    def __init__(self, assigned=(A0, A1)) -> None:
        self.commits: list[dict] = []
        self.assigned = set(assigned)
        self.fail = 0

    async def commit(self, offsets) -> None:
        if self.fail:
            self.fail -= 1
            raise RuntimeError("CommitFailedError")
        self.commits.append(dict(offsets))

    def assignment(self):
        return set(self.assigned)


async def test_first_message_commits_at_once_then_at_most_every_interval():
    c = FakeConsumer()
    commits = OffsetCommits(lambda: c, interval=0.05)
    await commits.processed("a", 0, 10)
    assert c.commits == [{A0: 11}]  # the offset after the processed message
    for offset in range(11, 20):
        await commits.processed("a", 0, offset)
    await commits.processed("a", 1, 5)
    assert c.commits == [{A0: 11}]  # within the interval: none yet
    await asyncio.sleep(0.1)  # the timer commits the tail
    assert c.commits == [{A0: 11}, {A0: 20, A1: 6}]


async def test_a_timer_commit_never_covers_a_message_in_hand():
    c = FakeConsumer()
    commits = OffsetCommits(lambda: c, interval=0.02)
    await commits.processed("a", 0, 0)
    await commits.processed("a", 0, 1)
    # message 2 is being handled (fetched, not processed) while the timer fires
    await asyncio.sleep(0.05)
    assert c.commits[-1] == {A0: 2}


async def test_a_failed_commit_is_retried_for_assigned_partitions_only():
    c = FakeConsumer(assigned=(A0,))
    commits = OffsetCommits(lambda: c, interval=0.02)
    c.fail = 1
    await commits.processed("a", 0, 3)  # fails: kept, A0 is still ours
    assert c.commits == []
    await commits.processed("a", 1, 8)  # A1 was taken by a rebalance
    c.fail = 1
    await asyncio.sleep(0.05)  # the retry (A0 and A1) fails again: only A0 is kept
    await asyncio.sleep(0.05)
    assert c.commits == [{A0: 4}]
    assert commits.pending == {}


async def test_no_consumer_yet_commits_nothing():
    commits = OffsetCommits(lambda: None, interval=0.01)
    await commits.processed("a", 0, 1)
    await asyncio.sleep(0.03)
    assert commits.commits == 0


async def test_flush_commits_commits_every_subscription_of_a_broker():
    from faststream.kafka import KafkaBroker

    from balai_platform.consumer import IdempotentConsumer, flush_commits, subscribe

    broker = KafkaBroker("localhost:1")
    subscribe(broker, lambda: broker, ("a",), IdempotentConsumer(lambda: None, None, "unit"))  # type: ignore[arg-type]
    from balai_platform import consumer as module

    [commits] = module._COMMITS[broker]
    c = FakeConsumer()
    commits.consumer_ref = lambda: c
    commits.pending[A0] = 7
    await flush_commits(broker)
    assert c.commits == [{A0: 7}]
