"""The lodging service's settings (env prefix LODGING_)."""
from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from balai_platform.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="LODGING_", extra="ignore")

    service_name: str = "lodging"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/balai_lodging"
    consumer_group: str = "lodging"
    # attempts to place one guest when other replicas take the chosen beds meanwhile
    max_bed_attempts: int = 30
    # waiting stays tried, oldest first, when beds free up
    waiting_batch: int = 500
