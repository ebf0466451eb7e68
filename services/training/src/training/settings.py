"""The training service's settings (env prefix TRAINING_)."""
from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from balai_platform.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="TRAINING_", extra="ignore")

    service_name: str = "training"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/balai_training"
    consumer_group: str = "training"
    run_consumers: bool = True
    # two product photos and a confirmation photo of 3 MB each, plus the form fields
    max_upload_bytes: int = 7 * 1024 * 1024
    # the admin list of registrations waiting longer than this many working days (service standard)
    verification_working_days: int = 3
    public_path_prefix: str = "/api/training"
    timezone: str = "Asia/Jakarta"
