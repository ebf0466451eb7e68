"""Typed dispatch of the idempotent consumer, without broker or database."""
from __future__ import annotations

import uuid
from contextlib import asynccontextmanager
from typing import ClassVar

import pytest

from balai_contracts.envelope import Envelope, EventData
from balai_platform.consumer import EventMeta, IdempotentConsumer, InvalidPayload


class ThingHappenedV1(EventData):
    event_type: ClassVar[str] = "ThingHappened"
    topic: ClassVar[str] = "test.thing"
    seq: int
    name: str


class OtherHappenedV1(EventData):
    event_type: ClassVar[str] = "OtherHappened"
    topic: ClassVar[str] = "test.thing"
    n: int


class FakeSession:
    """Claims become visible only when the transaction commits (no exception), like the inbox row."""

    def __init__(self, inbox: FakeInbox) -> None:
        self.inbox, self.pending = inbox, set()

    @asynccontextmanager
    async def begin(self):
        yield self
        self.inbox.claimed |= self.pending


class FakeInbox:
    def __init__(self) -> None:
        self.claimed: set[uuid.UUID] = set()

    async def claim(self, session: FakeSession, event_id, consumer, event_type) -> bool:
        if event_id in self.claimed | session.pending:
            return False
        session.pending.add(event_id)
        return True


class FakeSessionmaker:
    def __init__(self, inbox: FakeInbox) -> None:
        self.inbox = inbox

    def __call__(self):
        @asynccontextmanager
        async def session():
            yield FakeSession(self.inbox)
        return session()


@pytest.fixture
def setup():
    inbox = FakeInbox()
    consumer = IdempotentConsumer(FakeSessionmaker(inbox), inbox, "test", max_retries=3, base_backoff=0)
    calls: list[tuple[object, EventMeta]] = []
    dead: list[tuple[str, bytes, str, dict[str, str]]] = []

    @consumer.on(ThingHappenedV1)
    async def on_thing(session, event: ThingHappenedV1, meta: EventMeta) -> None:
        if event.seq < 0:
            raise RuntimeError("poison")
        calls.append((event, meta))

    async def dead_letter(topic, body, key, headers) -> None:
        dead.append((topic, body, key, headers))

    async def process(raw) -> str:
        return await consumer.process(raw, topic="test.thing", dead_letter=dead_letter)

    return consumer, inbox, calls, dead, process


def wire(data: dict, *, type_: str = "ThingHappened", version: int = 1) -> bytes:
    return Envelope(type=type_, version=version, source="test", subject="s-1", correlation_id="c-1",
                    data=data).model_dump_json().encode()


async def test_handler_gets_the_typed_event_and_the_envelope_meta(setup):
    _, _, calls, dead, process = setup
    env = Envelope.wrap(ThingHappenedV1(seq=3, name="x"), source="test", subject="s-9", correlation_id="c-9")
    assert await process(env.model_dump_json().encode()) == "applied"
    [(event, meta)] = calls
    assert event == ThingHappenedV1(seq=3, name="x")
    assert meta == EventMeta(event_id=env.id, occurred_at=env.occurred_at, correlation_id="c-9", subject="s-9")
    assert dead == []


async def test_fields_of_a_newer_producer_are_ignored(setup):
    _, _, calls, _, process = setup
    assert await process(wire({"seq": 1, "name": "x", "added_later": True})) == "applied"
    assert calls[0][0] == ThingHappenedV1(seq=1, name="x")


async def test_a_dict_body_is_accepted(setup):
    _, _, calls, _, process = setup
    env = Envelope.wrap(ThingHappenedV1(seq=2, name="y"), source="test", subject="s")
    assert await process(env.model_dump(mode="json")) == "applied"
    assert calls[0][0].seq == 2


async def test_redelivery_is_a_duplicate_without_second_call(setup):
    _, _, calls, _, process = setup
    body = wire({"seq": 1, "name": "x"})
    assert [await process(body) for _ in range(3)] == ["applied", "duplicate", "duplicate"]
    assert len(calls) == 1


async def test_types_without_a_handler_are_ignored(setup):
    _, inbox, calls, dead, process = setup
    assert await process(wire({"n": 1}, type_="OtherHappened")) == "ignored"
    assert calls == [] and dead == [] and inbox.claimed == set()


async def test_payload_not_matching_its_contract_is_dead_lettered_at_once(setup):
    consumer, inbox, calls, dead, process = setup
    body = wire({"seq": "not a number", "name": "Siti Rahayu"})
    assert await process(body) == "dead_lettered"
    [(topic, sent, key, headers)] = dead
    assert (topic, sent, key) == ("test.thing.dlq", body, "s-1")
    assert headers["x-attempts"] == "0" and "seq" in headers["x-error"]
    assert "Siti" not in headers["x-error"], "no payload values (personal data) in headers or logs"
    assert calls == [] and inbox.claimed == set()
    with pytest.raises(InvalidPayload):
        await consumer.apply(Envelope.model_validate_json(body))


async def test_a_missing_field_is_dead_lettered(setup):
    _, _, calls, dead, process = setup
    assert await process(wire({"seq": 1})) == "dead_lettered"
    assert calls == [] and "name" in dead[0][3]["x-error"]


async def test_another_version_of_a_handled_type_is_ignored(setup):
    """v1 and v2 travel side by side during a deprecation period: one is the consumer's."""
    _, inbox, calls, dead, process = setup
    assert await process(wire({"seq": "a v2 shape"}, version=2)) == "ignored"
    assert calls == [] and dead == [] and inbox.claimed == set()


async def test_malformed_envelope_is_dead_lettered(setup):
    _, _, _, dead, process = setup
    assert await process(b"{not json") == "dead_lettered"
    assert dead[0][2] == "malformed" and dead[0][3]["x-error"] == "malformed envelope"


async def test_failing_handler_is_retried_then_dead_lettered(setup):
    _, inbox, _, dead, process = setup
    assert await process(wire({"seq": -1, "name": "x"})) == "dead_lettered"
    assert dead[0][3] == {"x-consumer": "test", "x-error": "RuntimeError", "x-attempts": "3"}
    assert inbox.claimed == set(), "a failed attempt leaves no inbox row"


async def test_one_handler_per_contract(setup):
    consumer = setup[0]

    async def again(session, event, meta) -> None: ...

    with pytest.raises(ValueError):
        consumer.handle(ThingHappenedV1, again)
    consumer.handle(OtherHappenedV1, again)
    assert set(consumer.contracts) == {"ThingHappened", "OtherHappened"}


class _Fetcher:
    _fetch_max_wait_ms = 490


class _Subscriber:
    def __init__(self) -> None:
        self.consumer = type("C", (), {"_fetcher": _Fetcher()})()


async def test_fetch_wait_is_short_while_events_flow_and_long_when_idle():
    import asyncio

    from balai_platform.consumer import AdaptiveFetchWait

    wait = AdaptiveFetchWait(busy_ms=20, idle_ms=490, busy_seconds=0.2)
    wait.touch()  # not started yet (no consumer): nothing to set, no error
    assert not wait.busy
    wait.subscriber = _Subscriber()
    fetcher = wait.subscriber.consumer._fetcher
    wait.touch()
    assert (wait.busy, fetcher._fetch_max_wait_ms) == (True, 20)
    await asyncio.sleep(0.12)
    wait.touch()  # another event: the busy window starts again
    await asyncio.sleep(0.15)
    assert fetcher._fetch_max_wait_ms == 20, "0.2 s have not passed since the last event"
    await asyncio.sleep(0.15)
    assert (wait.busy, fetcher._fetch_max_wait_ms) == (False, 490)
    wait.touch()
    assert fetcher._fetch_max_wait_ms == 20


async def test_a_restarted_consumer_gets_the_short_wait_with_its_next_event():
    from balai_platform.consumer import AdaptiveFetchWait

    wait = AdaptiveFetchWait(busy_ms=20, idle_ms=490, busy_seconds=5)
    wait.subscriber = _Subscriber()
    wait.touch()
    wait.subscriber = _Subscriber()  # the broker came back: a new aiokafka consumer, built idle
    assert wait.subscriber.consumer._fetcher._fetch_max_wait_ms == 490
    wait.touch()
    assert wait.subscriber.consumer._fetcher._fetch_max_wait_ms == 20


async def test_an_ignored_type_named_by_its_header_is_not_parsed():
    calls = []
    consumer = IdempotentConsumer(lambda: None, None, "unit")  # type: ignore[arg-type]
    consumer.handle(ThingHappenedV1, lambda *a: calls.append(a))

    async def dead_letter(*a):
        calls.append(a)

    # not even an envelope: a consumer with no handler for the type never looks at the body
    assert await consumer.process(b"not json", topic="t", dead_letter=dead_letter,
                                  event_type="OtherHappened") == "ignored"
    assert calls == []
    # a handled type is parsed as before (here: malformed, so dead-lettered)
    assert await consumer.process(b"not json", topic="t", dead_letter=dead_letter,
                                  event_type="ThingHappened") == "dead_lettered"


async def test_events_fetched_together_are_applied_in_one_transaction(setup):
    consumer, inbox, calls, dead, _ = setup
    sessions = []
    make = consumer.sessionmaker

    def counting():
        sessions.append(1)
        return make()

    consumer.sessionmaker = counting

    async def dead_letter(*a) -> None:
        dead.append(a)

    one, two = wire({"seq": 1, "name": "a"}), wire({"seq": 2, "name": "b"})
    batch = [(one, "test.thing", "ThingHappened"), (b"{}", "test.thing", "OtherHappened"),
             (b"not json", "test.thing", None), (two, "test.thing", "ThingHappened"),
             (one, "test.thing", "ThingHappened")]  # a redelivery inside the same batch
    outcomes = await consumer.process_many(batch, dead_letter=dead_letter)
    assert outcomes == ["applied", "ignored", "dead_lettered", "applied", "duplicate"]
    assert len(sessions) == 1 and len(inbox.claimed) == 2 and [c[0].seq for c in calls] == [1, 2]
    assert len(dead) == 1


async def test_a_failure_in_a_batch_rolls_it_back_and_each_event_runs_alone(setup):
    consumer, inbox, calls, dead, _ = setup

    async def dead_letter(*a) -> None:
        dead.append(a)

    good1, poison, good2 = (wire({"seq": 1, "name": "a"}), wire({"seq": -1, "name": "p"}),
                            wire({"seq": 2, "name": "b"}))
    outcomes = await consumer.process_many([(good1, "test.thing", None), (poison, "test.thing", None),
                                            (good2, "test.thing", None)], dead_letter=dead_letter)
    assert outcomes == ["applied", "dead_lettered", "applied"]
    assert len(inbox.claimed) == 2  # the batch's claims were rolled back, then each committed alone
    assert dead[0][3]["x-attempts"] == "3"
    # the rolled-back batch had called the handler for good1 once; each then ran alone
    assert [c[0].seq for c in calls] == [1, 1, 2]
