"""Gateway settings: the only place that reads the environment (prefix GATEWAY_)."""
from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GATEWAY_", extra="ignore")

    # name -> base URL, e.g. {"identity": "http://127.0.0.1:8101"}
    service_urls: dict[str, str] = {}
    # PEM of identity's public signing key (EdDSA)
    jwt_public_key: str = ""
    rate_limit_per_minute: int = 600
    login_rate_limit_per_minute: int = 30
    secure_cookies: bool = False
    request_timeout_seconds: float = 10.0
    # upstream connection pool size of the shared aiohttp session
    upstream_connections: int = 100
    # seconds an idle upstream connection is kept for reuse. Below the services' drain
    # (BALAI_DRAIN_SECONDS, 5) and below uvicorn's --timeout-keep-alive (5): no pooled connection
    # outlives either, so a POST is never sent on a connection the service is closing
    # (docs/operations.md, "Graceful shutdown"); aiohttp resends only idempotent requests.
    upstream_keepalive_seconds: float = 3.0
    log_json: bool = True
    # largest accepted body of a web form (registration with a 3 MB photo fits easily)
    max_form_bytes: int = 8 * 1024 * 1024
    # largest body forwarded to a service by /api (ukm's business form takes up to 10 MiB)
    max_api_body_bytes: int = 10 * 1024 * 1024
    # seconds a public page (/jadwal, /galeri, /api/ukm/gallery) is kept for anonymous
    # visitors (gateway.microcache); 0 turns the micro-cache off
    microcache_seconds: float = 1.0
