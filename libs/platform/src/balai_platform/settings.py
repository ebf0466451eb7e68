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
    # Tansu holds an idle fetch until this expires: it bounds consumer latency.
    kafka_fetch_max_wait_ms: int = 20
    outbox_batch_size: int = 200
    outbox_poll_seconds: float = 1.0
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
