"""BALAI_TEST_INFRA: the embedded stack by default, testcontainers on request, and a clear refusal
when containers are asked for where no Docker engine runs."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from balai_devstack.infra_choice import (
    KAFKA_IMAGE,
    POSTGRES_IMAGE,
    InfraUnavailable,
    choose,
)

ROOT = Path(__file__).resolve().parents[4]


def no_docker() -> str:
    return "no Docker engine answers at unix:///var/run/docker.sock (DockerException)"


def docker_ok() -> None:
    return None


def must_not_probe() -> None:
    raise AssertionError("Docker was probed although nothing needs it")


def test_default_is_embedded_and_never_asks_docker():
    choice = choose({}, probe=must_not_probe)
    assert (choice.mode, choice.kafka, choice.postgres) == ("embedded", "tansu", "local-or-embedded")
    assert choose({"BALAI_TEST_INFRA": ""}, probe=must_not_probe).mode == "embedded"
    assert choose({"BALAI_TEST_INFRA": " Embedded "}, probe=must_not_probe).mode == "embedded"


def test_containers_with_a_docker_engine_starts_kafka_and_postgres():
    choice = choose({"BALAI_TEST_INFRA": "containers"}, probe=docker_ok)
    assert (choice.mode, choice.kafka, choice.postgres) == ("containers", "container", "container")
    assert KAFKA_IMAGE in choice.describe() and POSTGRES_IMAGE in choice.describe()


def test_containers_without_docker_refuses_with_the_reason_and_the_way_out():
    with pytest.raises(InfraUnavailable) as refused:
        choose({"BALAI_TEST_INFRA": "containers"}, probe=no_docker)
    message = str(refused.value)
    assert "Docker engine" in message and "Apache Kafka" in message and "PostgreSQL" in message
    assert "without BALAI_TEST_INFRA" in message


def test_unknown_mode_is_refused():
    with pytest.raises(InfraUnavailable, match="'docker' is not known"):
        choose({"BALAI_TEST_INFRA": "docker"}, probe=docker_ok)


def test_database_url_override_is_used_as_is():
    url = "postgresql://u:p@db.example:5432/balai"
    choice = choose({"DATABASE_URL": url}, probe=must_not_probe)
    assert (choice.mode, choice.postgres, choice.database_url) == ("embedded", "external", url)
    # containers then only needs Docker for Kafka, and says so
    with pytest.raises(InfraUnavailable) as refused:
        choose({"BALAI_TEST_INFRA": "containers", "DATABASE_URL": url}, probe=no_docker)
    assert "Apache Kafka" in str(refused.value) and "PostgreSQL (" not in str(refused.value)
    choice = choose({"BALAI_TEST_INFRA": "containers", "DATABASE_URL": url}, probe=docker_ok)
    assert (choice.kafka, choice.postgres) == ("container", "external")


def test_external_kafka_override_replaces_the_embedded_broker_or_the_container():
    env = {"BALAI_TEST_KAFKA_BOOTSTRAP": "kafka.staging:9092"}
    choice = choose(env, probe=must_not_probe)
    assert (choice.mode, choice.kafka, choice.kafka_bootstrap) == ("embedded", "external", "kafka.staging:9092")
    both = {**env, "BALAI_TEST_INFRA": "containers", "DATABASE_URL": "postgresql://u@db/balai"}
    choice = choose(both, probe=must_not_probe)  # everything given: no Docker needed at all
    assert (choice.mode, choice.kafka, choice.postgres) == ("containers", "external", "external")


def test_images_are_the_ones_compose_runs():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    assert compose["kafka"]["image"] == KAFKA_IMAGE
    assert compose["postgres"]["image"] == POSTGRES_IMAGE


def test_the_command_exits_non_zero_with_the_message_when_it_cannot_run():
    env = {"PATH": "/usr/bin:/bin", "BALAI_TEST_INFRA": "containers", "DOCKER_HOST": "unix:///nonexistent.sock"}
    done = subprocess.run([sys.executable, "-m", "balai_devstack.infra_choice"], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 4
    assert "BALAI_TEST_INFRA=containers cannot run here" in done.stderr
    ok = subprocess.run([sys.executable, "-m", "balai_devstack.infra_choice"], env={"PATH": "/usr/bin:/bin"},
                        capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and "embedded" in ok.stdout
