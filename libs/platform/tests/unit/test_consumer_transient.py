"""A database that is away is not the event's fault: the consumer waits for it instead of
dead-lettering (found by the fault suite: lodging's PostgreSQL restarted for 3 s sent two good
events to the DLQ after 5 quick retries)."""
from __future__ import annotations

import asyncpg
import pytest
from sqlalchemy.exc import DBAPIError

from balai_contracts.envelope import Envelope
from balai_platform.consumer import IdempotentConsumer, is_transient

from .test_consumer import FakeInbox, FakeSessionmaker, ThingHappenedV1


class ShuttingDown(Exception):
    sqlstate = "57P01"


def wrapped(orig: BaseException) -> DBAPIError:
    try:
        raise DBAPIError("INSERT ...", {}, orig) from orig
    except DBAPIError as exc:
        return exc


@pytest.mark.parametrize("exc", [
    FileNotFoundError(2, "No such file or directory"),  # the unix socket is gone
    ConnectionRefusedError(), TimeoutError(), wrapped(ShuttingDown("the database system is shutting down")),
    asyncpg.exceptions.CannotConnectNowError("the database system is starting up"),
    asyncpg.exceptions.ConnectionDoesNotExistError("connection was closed in the middle of operation"),
])
def test_infrastructure_errors_are_transient(exc):
    assert is_transient(exc)


@pytest.mark.parametrize("exc", [
    RuntimeError("bug"), KeyError("x"), ValueError("bad"),
    wrapped(asyncpg.exceptions.UniqueViolationError("duplicate key")),
])
def test_errors_of_the_event_or_the_code_are_not(exc):
    assert not is_transient(exc)


async def test_waits_out_the_database_without_using_up_retries():
    inbox = FakeInbox()
    consumer = IdempotentConsumer(FakeSessionmaker(inbox), inbox, "test", max_retries=2, base_backoff=0,
                                  transient_pause=0)
    failures = iter([ConnectionRefusedError()] * 7)
    applied = []

    @consumer.on(ThingHappenedV1)
    async def on_thing(session, event, meta):
        exc = next(failures, None)
        if exc is not None:
            raise exc
        applied.append(event.seq)

    dead = []

    async def dead_letter(*args):
        dead.append(args)

    env = Envelope.wrap(ThingHappenedV1(seq=1, name="x"), source="test", subject="s")
    assert await consumer.process(env.model_dump_json().encode(), topic="t", dead_letter=dead_letter) == "applied"
    assert applied == [1] and dead == []


async def test_a_database_away_too_long_still_dead_letters():
    inbox = FakeInbox()
    consumer = IdempotentConsumer(FakeSessionmaker(inbox), inbox, "test", max_retries=2, base_backoff=0,
                                  transient_limit=0, transient_pause=0)

    @consumer.on(ThingHappenedV1)
    async def on_thing(session, event, meta):
        raise ConnectionRefusedError()

    dead = []

    async def dead_letter(*args):
        dead.append(args)

    env = Envelope.wrap(ThingHappenedV1(seq=1, name="x"), source="test", subject="s")
    assert await consumer.process(env.model_dump_json().encode(), topic="t", dead_letter=dead_letter) == "dead_lettered"
    assert len(dead) == 1 and dead[0][3]["x-error"] == "ConnectionRefusedError"
