"""The survey service's settings (env prefix SURVEY_)."""
from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from balai_platform.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SURVEY_", extra="ignore")

    service_name: str = "survey"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/balai_survey"
    consumer_group: str = "survey"
    # a spreadsheet of paper forms or a signed scan (3 MB) plus the form fields
    max_upload_bytes: int = 4 * 1024 * 1024
    # secret for the public link's form token (HMAC); the devstack passes one, tests may too
    form_secret: str = "dev-only-survey-form-secret"
    # a human needs at least this long to fill 18 answers; a bot posting at once is refused
    min_fill_seconds: float = 8.0
    # a form token is valid this long after the page was served
    form_token_ttl_seconds: int = 4 * 3600
    # generous per-IP rate of the public link: a whole class on one office wifi fits under it
    link_rate_per_minute: int = 120
    # months of an SKM period (3, 6 or 12) when an organisation has not chosen
    default_period_months: int = 6
    # URL under which the gateway serves the public survey (QR sheet link)
    public_base_url: str = "http://127.0.0.1:8000"
    # complaints (pengaduan): per-IP submissions a minute, seconds before a form may be sent
    complaint_rate_per_minute: int = 30
    complaint_min_fill_seconds: float = 3.0
    run_consumers: bool = True
