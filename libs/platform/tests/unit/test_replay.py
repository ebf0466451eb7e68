"""Replay applies copy handlers only, without inbox, broker or database; and each service's
replay registers copy handlers only (no reaction with side effects)."""
from __future__ import annotations

import uuid
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import ClassVar

import pytest

from balai_contracts.envelope import Envelope, EventData
from balai_platform.consumer import IdempotentConsumer
from balai_platform.replay import ReplayReport, _apply


class CopiedV1(EventData):
    event_type: ClassVar[str] = "Copied"
    topic: ClassVar[str] = "test.state"
    n: int


class ReactedV1(EventData):
    event_type: ClassVar[str] = "Reacted"
    topic: ClassVar[str] = "test.state"
    n: int


class FakeSession:
    def __init__(self) -> None:
        self.transactions = 0

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc) -> bool:
        return False

    @asynccontextmanager
    async def begin(self):
        self.transactions += 1
        yield self


class NoInbox:
    async def claim(self, *args) -> bool:
        raise AssertionError("replay must not consult the inbox")


@dataclass
class TP:
    topic: str


@dataclass
class Record:
    value: bytes | None


def record(data: EventData, version: int | None = None) -> Record:
    env = Envelope.wrap(data, source="test", subject=str(uuid.uuid4()))
    if version is not None:
        env = env.model_copy(update={"version": version})
    return Record(env.model_dump_json().encode())


async def test_apply_runs_registered_copy_handlers_and_counts_the_rest():
    session = FakeSession()
    consumer = IdempotentConsumer(lambda: session, NoInbox(), "svc.replay")
    copied: list[int] = []

    async def on_copied(s, event: CopiedV1, meta) -> None:
        assert s is session
        copied.append(event.n)

    consumer.handle(CopiedV1, on_copied)
    tp = TP("test.state")
    records = [record(CopiedV1(n=1)), record(ReactedV1(n=2)), Record(b"{not json"), Record(None),
               record(CopiedV1(n=3), version=2), Record(b'{"id":"' + str(uuid.uuid4()).encode()
                                                     + b'","type":"Copied","source":"t","subject":"s","data":{}}'),
               record(CopiedV1(n=4))]
    report = ReplayReport()
    await _apply(consumer, [(tp, r) for r in records], report)
    assert copied == [1, 4]
    assert report.read == {"test.state": 7}
    assert report.applied == {"test.state": 2}
    assert report.ignored == {"test.state": 3}  # a reaction's type, a tombstone, another version
    assert report.invalid == {"test.state": 2}  # not an envelope; payload not fitting its contract
    assert session.transactions == 1  # one transaction per fetched batch


@pytest.mark.parametrize("service", ["ukm", "training", "lodging", "survey"])
def test_each_service_replays_copy_handlers_only(service):
    import importlib

    consumers = importlib.import_module(f"{service}.entrypoints.consumers")
    consumer = IdempotentConsumer(lambda: None, NoInbox(), f"{service}.replay")
    consumers.register_copies(consumer)
    copies = {"ParticipantRegistered", "ParticipantUpdated", "BusinessRegistered", "BusinessUpdated",
              "ServiceStandardsPublished"}  # training and survey copy the service-standard deadlines
    assert set(consumer.contracts) <= copies
    assert {contract.topic for contract, _ in consumer.contracts.values()} == set(consumers.REPLAY_TOPICS)


class FakeKafka:
    """Partitions of `sizes` records; ListOffsets under-reports by `short` (as Tansu does); the
    fetch high watermark is right but known only after the first fetch of a partition."""

    def __init__(self, sizes: dict[str, int], short: int) -> None:
        self.sizes, self.short = sizes, short
        self.positions = {tp: 0 for tp in sizes}
        self.fetched: set[str] = set()

    async def end_offsets(self, tps):
        return {tp: max(0, self.sizes[tp] - self.short) for tp in tps}

    async def getmany(self, *tps, timeout_ms: int, max_records: int):
        out = {}
        for tp in tps:
            self.fetched.add(tp)
            start = self.positions[tp]
            stop = min(self.sizes[tp], start + max_records)
            if stop > start:
                out[tp] = [Record(b"x") for _ in range(start, stop)]
                self.positions[tp] = stop
            if out:
                break  # one partition per fetch: the others wait their turn
        return out

    def highwater(self, tp):
        return self.sizes[tp] if tp in self.fetched else None

    async def position(self, tp):
        return self.positions[tp]


async def test_read_to_end_reaches_the_high_watermark_when_list_offsets_under_reports():
    from balai_platform.replay import _read_to_end

    kafka = FakeKafka({"p0": 1200, "p1": 7, "p2": 0}, short=5)
    seen: list = []

    async def apply(records) -> None:
        seen.extend(records)

    await _read_to_end(kafka, list(kafka.sizes), 500, apply)
    assert len(seen) == 1207
    assert kafka.positions == {"p0": 1200, "p1": 7, "p2": 0}
