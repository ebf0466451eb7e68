"""/metrics of every service on the real stack: consumer lag, outbox backlog and DLQ counts move
with what happens (docs/operations.md, "Metrics and alerts")."""
from __future__ import annotations

import asyncio
import re
import uuid

import httpx
import pytest
from aiokafka import AIOKafkaProducer

from balai_contracts.envelope import Envelope
from balai_contracts.topics import IDENTITY_PARTICIPANT, TRAINING_ENROLLMENT
from balai_devstack.infra import free_port
from services.ukm.tests.support import publish, wait_for
from tests.factories import participant_form, register

pytestmark = pytest.mark.integration

FAMILIES = ("balai_consumer_lag", "balai_outbox_backlog", "balai_outbox_oldest_age_seconds",
            "balai_dlq_messages_total", "balai_dlq_records")
_SAMPLE = re.compile(r'^(?P<name>[a-z_]+)(?:\{(?P<labels>[^}]*)\})? (?P<value>\S+)$')


def samples(text: str, name: str, **labels: str) -> list[float]:
    out = []
    for line in text.splitlines():
        m = _SAMPLE.match(line)
        if not m or m["name"] != name:
            continue
        have = dict(re.findall(r'(\w+)="([^"]*)"', m["labels"] or ""))
        if all(have.get(k) == v for k, v in labels.items()):
            out.append(float(m["value"]))
    return out


async def scrape(url: str) -> str:
    async with httpx.AsyncClient(timeout=15) as client:
        r = await client.get(f"{url}/metrics")
        assert r.status_code == 200
        return r.text


def probes(n: int) -> list[Envelope]:
    """Events of a type no service handles: every consumer reads and commits them, nothing else."""
    return [Envelope(type="MetricsProbe", source="test", subject=str(uuid.uuid4()), data={}) for _ in range(n)]


async def test_every_service_exports_the_three_families(balai_stack):
    from balai_devstack.stack import SERVICES

    for spec in SERVICES:
        text = await scrape(balai_stack.service_url(spec.name))
        for family in FAMILIES:
            assert f"# TYPE {family.removesuffix('_total')}" in text, f"{spec.name} lacks {family}"
        lag = samples(text, "balai_consumer_lag")
        assert lag, f"{spec.name}: no consumer lag sample"
        assert samples(text, "balai_outbox_backlog"), spec.name


async def test_lag_rises_while_a_service_is_down_then_falls_when_it_catches_up(balai_stack):
    from balai_devstack.stack import SERVICES

    spec = next(s for s in SERVICES if s.name == "survey")
    group = "survey"  # one consumer group per service for all its topics
    balai_stack.stop_service("survey")
    # an observer: the same service with its consumers off reports the group's lag meanwhile
    observer_port = free_port()
    balai_stack.extra_env["SURVEY_RUN_CONSUMERS"] = "false"
    try:
        balai_stack.start_service(spec, key="survey-observer", port=observer_port)
    finally:
        del balai_stack.extra_env["SURVEY_RUN_CONSUMERS"]
    observer = f"http://127.0.0.1:{observer_port}"
    try:
        balai_stack.wait_healthy("survey-observer", observer)
        await publish(balai_stack.kafka_bootstrap, probes(60), topic=TRAINING_ENROLLMENT)

        async def lag_at(url: str) -> float:
            return sum(samples(await scrape(url), "balai_consumer_lag", group=group, topic=TRAINING_ENROLLMENT))

        async def raised():
            return await lag_at(observer) >= 60

        await wait_for(raised, timeout=30, interval=1)
    finally:
        balai_stack.start_service(spec)
        balai_stack.wait_healthy("survey", balai_stack.service_url("survey"))

    try:
        async def caught_up():
            return await lag_at(balai_stack.service_url("survey")) == 0

        await wait_for(caught_up, timeout=90, interval=1)
        assert await lag_at(observer) == 0
    finally:
        balai_stack.stop_service("survey-observer")


async def test_outbox_rows_not_published_show_as_backlog(balai_stack):
    identity = balai_stack.service_url("identity")

    async def drained():
        text = await scrape(identity)
        return samples(text, "balai_outbox_backlog") == [0.0] and samples(
            text, "balai_outbox_oldest_age_seconds") == [0.0]

    await wait_for(drained, timeout=30, interval=1)
    balai_stack.pause_broker()
    try:
        async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as client:
            r = await register(client, participant_form())
            assert r.status_code == 201, r.text  # the outbox absorbs the outage
        await asyncio.sleep(2.5)
        text = await scrape(identity)
        assert samples(text, "balai_outbox_backlog")[0] >= 1
        assert samples(text, "balai_outbox_oldest_age_seconds")[0] >= 2
    finally:
        balai_stack.resume_broker()
    await wait_for(drained, timeout=90, interval=1)


async def test_a_poison_message_raises_the_dlq_counts(balai_stack):
    lodging = balai_stack.service_url("lodging")
    dlq_topic = f"{IDENTITY_PARTICIPANT}.dlq"
    labels = {"topic": dlq_topic, "group": "lodging"}
    before = await scrape(lodging)
    sent_before = samples(before, "balai_dlq_messages_total", **labels)
    assert sent_before, "the counter shows before the first dead letter"
    held_before = samples(before, "balai_dlq_records", topic=dlq_topic)[0]

    producer = AIOKafkaProducer(bootstrap_servers=balai_stack.kafka_bootstrap, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(IDENTITY_PARTICIPANT, b"{not an envelope", key=b"poison")
    finally:
        await producer.stop()

    async def counted():
        text = await scrape(lodging)
        return (samples(text, "balai_dlq_messages_total", **labels)[0] >= sent_before[0] + 1
                and samples(text, "balai_dlq_records", topic=dlq_topic)[0] >= held_before + 1)

    await wait_for(counted, timeout=60, interval=1)
    # and the partition keeps flowing: lodging's lag on the topic returns to 0
    async def flowing():
        text = await scrape(lodging)
        return sum(samples(text, "balai_consumer_lag", group=labels["group"], topic=IDENTITY_PARTICIPANT)) == 0

    await wait_for(flowing, timeout=60, interval=1)
