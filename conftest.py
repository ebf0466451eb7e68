"""Shared fixtures: the real system (broker, PostgreSQL, services as processes), started once."""
from __future__ import annotations

import contextlib
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).parent
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")


def pytest_configure(config):
    """BALAI_TEST_INFRA=containers without a Docker engine stops here, with the reason (exit 4)."""
    from balai_devstack.infra_choice import EXIT_UNAVAILABLE, InfraUnavailable, choose

    try:
        config.balai_infra = choose()
    except InfraUnavailable as exc:
        pytest.exit(str(exc), returncode=EXIT_UNAVAILABLE)


@pytest.fixture(scope="session")
def balai_stack(pytestconfig):
    from balai_devstack.infra import free_port
    from balai_devstack.stack import Stack

    with _infrastructure(pytestconfig.balai_infra) as infra:
        # a per-run prefix: concurrent test runs on one machine never share databases
        stack = Stack(prefix=f"balai_test_{os.getpid()}", drop_databases_on_exit=True, gateway_port=free_port(), kafka_port=free_port(),
                      fresh_databases=True, state_dir=ROOT / ".state" / "test",
                      admin_username="admin", admin_password="Admin-Test-2026",
                      with_services=os.environ.get("BALAI_TEST_INFRA_ONLY") != "1",
                      external_kafka=infra.kafka_bootstrap, broker_controls=infra.broker,
                      # the suite logs in often from one IP; the limiter has its own gateway tests
                      extra_env={"GATEWAY_LOGIN_RATE_LIMIT_PER_MINUTE": "600",
                                 "GATEWAY_RATE_LIMIT_PER_MINUTE": "6000"})
        with stack:
            yield stack


@contextlib.contextmanager
def _infrastructure(choice):
    """Embedded: nothing to start here (the Stack starts Tansu); containers: testcontainers."""
    if choice.mode == "embedded":
        yield SimpleNamespace(kafka_bootstrap=choice.kafka_bootstrap, broker=None)
        return
    from balai_devstack.containers import start_containers

    with start_containers(choice) as started:
        if started.database_url:  # resolve_postgres reads it
            os.environ["DATABASE_URL"] = started.database_url
        yield started


@pytest.fixture(scope="session")
def kafka_bootstrap(balai_stack) -> str:
    return balai_stack.kafka_bootstrap
