"""ServiceMetrics with fake Kafka clients: lag per partition, DLQ records, throttling, failures."""
from __future__ import annotations

from types import SimpleNamespace

from aiokafka import TopicPartition
from aiokafka.structs import OffsetAndMetadata
from prometheus_client import REGISTRY

from balai_platform.metrics import ServiceMetrics, subscriptions_of


class FakeConsumer:
    def __init__(self, begin: dict, end: dict) -> None:
        self.begin, self.end, self.calls = begin, end, 0

    async def topics(self):
        self.calls += 1
        return {tp.topic for tp in self.end}

    def partitions_for_topic(self, topic):
        return {tp.partition for tp in self.end if tp.topic == topic}

    async def beginning_offsets(self, tps):
        return {tp: self.begin[tp] for tp in tps}

    async def end_offsets(self, tps):
        return {tp: self.end[tp] for tp in tps}


class FakeAdmin:
    def __init__(self, committed: dict) -> None:
        self.committed = committed

    async def list_consumer_group_offsets(self, group, partitions=None):
        assert partitions, "always explicit partitions (Tansu)"
        return {tp: OffsetAndMetadata(self.committed.get((group, tp), -1), "") for tp in partitions}


def value(name: str, **labels: str) -> float | None:
    return REGISTRY.get_sample_value(name, labels)


def metrics_with(begin, end, committed, subscriptions) -> tuple[ServiceMetrics, FakeConsumer]:
    m = ServiceMetrics(engine=None, bootstrap="unused:9092", subscriptions=subscriptions, min_interval=60)
    consumer = FakeConsumer(begin, end)
    m._consumer, m._admin = consumer, FakeAdmin(committed)
    return m, consumer


async def test_lag_per_partition_and_dlq_records():
    a0, a1, d0 = TopicPartition("unit.a", 0), TopicPartition("unit.a", 1), TopicPartition("unit.a.dlq", 0)
    m, _ = metrics_with(begin={a0: 0, a1: 5, d0: 2}, end={a0: 10, a1: 9, d0: 5},
                        committed={("svc.unit.a", a0): 7}, subscriptions=[("svc.unit.a", "unit.a")])
    await m.refresh()
    assert value("balai_consumer_lag", group="svc.unit.a", topic="unit.a", partition="0") == 3
    # never committed: counted from the beginning offset (auto_offset_reset=earliest)
    assert value("balai_consumer_lag", group="svc.unit.a", topic="unit.a", partition="1") == 4
    assert value("balai_dlq_records", topic="unit.a.dlq") == 3
    assert value("balai_dlq_messages_total", topic="unit.a.dlq", group="svc.unit.a") == 0


async def test_refresh_is_throttled_and_failures_do_not_raise():
    a0 = TopicPartition("unit.b", 0)
    m, consumer = metrics_with(begin={a0: 0}, end={a0: 1}, committed={}, subscriptions=[("g.unit.b", "unit.b")])
    await m.refresh()
    await m.refresh()
    assert consumer.calls == 1, "a second scrape within min_interval reuses the values"

    async def broken():
        raise ConnectionError("broker gone")

    before = value("balai_metrics_refresh_errors_total", source="kafka") or 0
    m._last = 0.0
    m._refresh_kafka = broken
    await m.refresh()
    assert value("balai_metrics_refresh_errors_total", source="kafka") == before + 1
    assert m._consumer is None and m._admin is None, "clients are rebuilt after a failure"
    assert value("balai_consumer_lag", group="g.unit.b", topic="unit.b", partition="0") == 1  # last value kept


def test_subscriptions_are_read_from_the_broker():
    topic = SimpleNamespace(name="t.x")
    broker = SimpleNamespace(subscribers=[SimpleNamespace(group_id="svc.t.x", topics=[topic]),
                                          SimpleNamespace(group_id=None, topics=["t.y"])])
    assert subscriptions_of(broker) == [("svc.t.x", "t.x")]
