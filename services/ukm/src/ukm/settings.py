"""The ukm service's settings (env prefix UKM_)."""
from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from balai_platform.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="UKM_", extra="ignore")

    service_name: str = "ukm"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/balai_ukm"
    consumer_group: str = "ukm"
    # three photos of 3 MB each plus the text fields of the form
    max_upload_bytes: int = 10 * 1024 * 1024
    # URL prefix under which the gateway exposes this service (photo links in events and answers)
    public_path_prefix: str = "/api/ukm"
    gallery_max_per_page: int = 50
    # connections of the public gallery listing's asyncpg pool (beside the DB_POOL_SIZE of SQLAlchemy's)
    gallery_pool_size: int = 5
    run_consumers: bool = True
