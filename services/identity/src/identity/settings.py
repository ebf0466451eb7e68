"""The identity service's settings (env prefix IDENTITY_)."""
from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from balai_platform.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="IDENTITY_", extra="ignore")

    service_name: str = "identity"
    # inbox name and prefix of the consumer groups `<name>.<topic>`; never change it
    consumer_group: str = "identity"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/balai_identity"
    jwt_private_key: str = ""
    access_token_ttl_seconds: int = 900
    refresh_token_ttl_seconds: int = 14 * 24 * 3600
    # JSON object key-id -> base64 32-byte AES key; the active id encrypts, all decrypt.
    pii_keys: dict[str, str] = {}
    pii_active_key_id: str = "k1"
    blind_index_key: str = ""
    dev_mailbox: bool = False
    public_base_url: str = "http://127.0.0.1:8000"
    # failed logins per account before each next attempt must wait (2 s, doubling to the cap);
    # the owner is never locked out for the whole window, only slowed (OWASP ASVS 2.2.1)
    login_max_failures: int = 5
    login_max_delay_seconds: int = 30
    # failed logins per client IP within the window before a hard 429 (anti-automation)
    login_ip_max_failures: int = 30
    login_window_seconds: int = 900
    # peers whose X-Forwarded-For is believed (the gateway); IPs or networks, JSON list in the env
    trusted_proxies: list[str] = ["127.0.0.1", "::1"]
    # the reset request answers no sooner than this, so known and unknown logins take equal time
    reset_request_min_seconds: float = 0.2
    reset_token_ttl_seconds: int = 3600
    max_upload_bytes: int = 4 * 1024 * 1024
    argon2_time_cost: int = 2
    argon2_memory_kib: int = 19456
    argon2_parallelism: int = 1
