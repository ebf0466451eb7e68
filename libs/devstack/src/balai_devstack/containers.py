"""Apache Kafka (KRaft) and PostgreSQL started by testcontainers for `BALAI_TEST_INFRA=containers`.

Only imported when a Docker engine answered (balai_devstack.infra_choice). Kafka runs the image
docker-compose.yml runs, configured like compose (single KRaft node, auto-creation off); the
stack then creates the topics with the settings of deploy/ (`topic_config`), so compaction,
retention and min.insync.replicas behave as Apache Kafka does, not as the embedded broker."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

from .infra import free_port
from .infra_choice import KAFKA_IMAGE, POSTGRES_IMAGE, InfraChoice


@dataclass
class ContainerBroker:
    """Pause and resume the Kafka container (the fault tests freeze the broker)."""

    container: object

    def pause(self) -> None:
        self.container.get_wrapped_container().pause()

    def resume(self) -> None:
        self.container.get_wrapped_container().unpause()


@dataclass
class Started:
    kafka_bootstrap: str | None = None
    database_url: str | None = None
    broker: ContainerBroker | None = None


def _kafka(stack: contextlib.ExitStack) -> tuple[str, ContainerBroker]:
    from testcontainers.core.container import DockerContainer
    from testcontainers.core.waiting_utils import wait_for_logs

    port = free_port()  # advertised as-is: the host port must equal the published one
    container = (
        DockerContainer(KAFKA_IMAGE)
        .with_bind_ports(29092, port)
        .with_envs(
            KAFKA_NODE_ID="1", KAFKA_PROCESS_ROLES="broker,controller",
            KAFKA_CONTROLLER_QUORUM_VOTERS="1@localhost:9093", KAFKA_CONTROLLER_LISTENER_NAMES="CONTROLLER",
            KAFKA_LISTENERS="PLAINTEXT://:9092,CONTROLLER://:9093,HOST://:29092",
            KAFKA_ADVERTISED_LISTENERS=f"PLAINTEXT://localhost:9092,HOST://127.0.0.1:{port}",
            KAFKA_LISTENER_SECURITY_PROTOCOL_MAP="CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,HOST:PLAINTEXT",
            KAFKA_INTER_BROKER_LISTENER_NAME="PLAINTEXT", KAFKA_AUTO_CREATE_TOPICS_ENABLE="false",
            KAFKA_NUM_PARTITIONS="6", KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR="1",
            KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR="1", KAFKA_TRANSACTION_STATE_LOG_MIN_ISR="1",
            KAFKA_MIN_INSYNC_REPLICAS="1", KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS="0",
            # compaction visible within a test run (production: deploy/kafka/topics.yaml)
            KAFKA_LOG_CLEANER_BACKOFF_MS="1000")
    )
    stack.enter_context(container)
    wait_for_logs(container, "Kafka Server started", timeout=120)
    return f"127.0.0.1:{port}", ContainerBroker(container)


def _postgres(stack: contextlib.ExitStack) -> str:
    from testcontainers.community.postgres import PostgresContainer

    container = stack.enter_context(PostgresContainer(POSTGRES_IMAGE, username="postgres", password="postgres",
                                                      dbname="postgres"))
    return container.get_connection_url(driver=None)  # postgresql://...; resolve_postgres adds asyncpg


@contextlib.contextmanager
def start_containers(choice: InfraChoice) -> Iterator[Started]:
    """Start what `choice` says testcontainers starts; stop it on exit."""
    with contextlib.ExitStack() as stack:
        started = Started(kafka_bootstrap=choice.kafka_bootstrap, database_url=choice.database_url)
        if choice.kafka == "container":
            started.kafka_bootstrap, started.broker = _kafka(stack)
        if choice.postgres == "container":
            started.database_url = _postgres(stack)
        yield started
