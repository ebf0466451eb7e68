"""The topic settings agree everywhere: contracts (dev stack), Strimzi resources and compose."""
from __future__ import annotations

from pathlib import Path

import yaml

from balai_contracts.topics import ALL_TOPICS, COMPACTED_TOPICS, dlq, topic_config

ROOT = Path(__file__).resolve().parents[3]


def _strimzi() -> dict[str, dict[str, str]]:
    docs = [d for d in yaml.safe_load_all((ROOT / "deploy/kafka/topics.yaml").read_text()) if d]
    return {d["spec"]["topicName"]: {k: str(v) for k, v in d["spec"]["config"].items()} for d in docs}


def _compose_init_env() -> dict[str, str]:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return compose["services"]["kafka-init"]["environment"]


def test_state_carrying_topics_are_compacted_and_the_rest_deleted_after_7_days():
    assert set(COMPACTED_TOPICS) == {"identity.participant", "identity.organisation", "ukm.business", "ukm.product"}
    assert topic_config("identity.participant") == {
        "cleanup.policy": "compact", "min.compaction.lag.ms": "604800000", "delete.retention.ms": "86400000"}
    assert topic_config("training.enrollment") == {"cleanup.policy": "delete", "retention.ms": "604800000"}
    assert topic_config(dlq("identity.participant")) == {"cleanup.policy": "delete", "retention.ms": "2592000000"}


def test_strimzi_topics_carry_the_contract_settings():
    strimzi = _strimzi()
    for topic in ALL_TOPICS:
        assert topic in strimzi, topic
    for topic, config in strimzi.items():
        assert config.pop("min.insync.replicas") == "2"
        assert config == topic_config(topic), topic


def test_compose_creates_the_same_topics_compacted_the_same_way():
    env = _compose_init_env()
    assert env["BALAI_TOPICS"].split() == list(ALL_TOPICS)
    assert set(env["BALAI_COMPACTED_TOPICS"].split()) == set(COMPACTED_TOPICS)
    assert env["MIN_COMPACTION_LAG_MS"] == topic_config(COMPACTED_TOPICS[0])["min.compaction.lag.ms"]
    assert env["DELETE_RETENTION_MS"] == topic_config(COMPACTED_TOPICS[0])["delete.retention.ms"]
    assert env["TOPIC_RETENTION_MS"] == topic_config(ALL_TOPICS[-1])["retention.ms"]


def test_each_event_of_a_compacted_topic_carries_the_whole_state():
    """Registered and Updated differ only in their timestamp: either one, alone, is the state a
    consumer copies, so keeping only the latest per key loses nothing."""
    from balai_contracts.identity import ParticipantRegisteredV1, ParticipantUpdatedV1
    from balai_contracts.ukm import BusinessRegisteredV1, BusinessUpdatedV1

    def state(model, *moments: str) -> set[str]:
        return set(model.model_fields) - set(moments)

    assert state(ParticipantRegisteredV1, "registered_at") == state(ParticipantUpdatedV1, "updated_at")
    assert state(BusinessRegisteredV1, "registered_at", "registered_by") == state(BusinessUpdatedV1, "updated_at")
    assert "members" in BusinessUpdatedV1.model_fields  # the whole membership, not a diff
