"""Settings base: every service subclasses it with its own env prefix (e.g. IDENTITY_)."""
from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore")

    service_name: str = "service"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/balai"
    kafka_bootstrap: str = "127.0.0.1:9092"
    jwt_public_key: str = ""
    log_level: str = "INFO"
    log_json: bool = True
    db_pool_size: int = 10
    # Tansu holds an empty fetch until the wait expires, so the wait bounds consumer latency and
    # every wait costs CPU. While events flow (one in the last kafka_fetch_busy_seconds) the short
    # wait keeps a flow's events ~10 ms apart; an idle consumer fetches with the long one. Tansu
    # looks at the log at the start, after half of a wait >= 250 ms, again after half of what
    # remains while that is >= 250 ms, and at the end: 990 ms = 4 looks a second (the first event
    # after a quiet spell waits <= ~495 ms; idle stack 3.6 % of a core), 490 ms = 6 looks a second
    # (<= 245 ms; 5.5 %). On Apache Kafka set both long: see docs/operations.md.
    kafka_fetch_max_wait_ms: int = 20
    kafka_fetch_idle_wait_ms: int = 990
    kafka_fetch_busy_seconds: float = 10.0
    outbox_batch_size: int = 200
    # the relay is woken by NOTIFY from the committing transaction; the poll is only the safety
    # net (and how often a standby replica tries to take over the lead)
    outbox_poll_seconds: float = 5.0
    consumer_max_retries: int = 5
    run_consumers: bool = True
    # The outbox absorbs a broker outage, so by default an unreachable broker makes /readyz
    # report "degraded" but stay 200: pulling every replica out of service would turn a
    # broker blip into a site outage. Set true to make the broker gate readiness.
    readiness_requires_broker: bool = False
    # Graceful shutdown (docs/operations.md, "Graceful shutdown"): after uvicorn has drained HTTP
    # (--timeout-graceful-shutdown), consumers finish the message in hand and commit (at most
    # this long), then the outbox relay publishes what is pending (at most this long).
    shutdown_consumer_seconds: float = 8.0
    shutdown_relay_seconds: float = 3.0

    @property
    def asyncpg_dsn(self) -> str:
        """The database URL without SQLAlchemy's driver suffix (for raw asyncpg)."""
        return self.database_url.replace("postgresql+asyncpg://", "postgresql://", 1)
