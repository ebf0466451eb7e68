"""Shared fixtures: the real system (broker, PostgreSQL, services as processes), started once."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).parent
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")


@pytest.fixture(scope="session")
def balai_stack():
    from balai_devstack.infra import free_port
    from balai_devstack.stack import Stack

    # a per-run prefix: concurrent test runs on one machine never share databases
    stack = Stack(prefix=f"balai_test_{os.getpid()}", drop_databases_on_exit=True, gateway_port=free_port(), kafka_port=free_port(),
                  fresh_databases=True, state_dir=ROOT / ".state" / "test",
                  admin_username="admin", admin_password="Admin-Test-2026",
                  with_services=os.environ.get("BALAI_TEST_INFRA_ONLY") != "1",
                  # the suite logs in often from one IP; the limiter has its own gateway tests
                  extra_env={"GATEWAY_LOGIN_RATE_LIMIT_PER_MINUTE": "600",
                             "GATEWAY_RATE_LIMIT_PER_MINUTE": "6000"})
    with stack:
        yield stack


@pytest.fixture(scope="session")
def kafka_bootstrap(balai_stack) -> str:
    return balai_stack.kafka_bootstrap
