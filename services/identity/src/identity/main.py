"""The identity service: accounts, roles, participant personal data."""
from __future__ import annotations

from fastapi import FastAPI

from balai_platform.auth import TokenSigner
from balai_platform.db import make_engine, make_sessionmaker
from balai_platform.logging import configure_logging
from balai_platform.outbox import Outbox
from balai_platform.service_app import create_service_app

from .adapters.security import PiiProtector, configure_hasher
from .adapters.tables import outbox as outbox_table
from .entrypoints import api_nik_access, api_service_standards
from .entrypoints.api import router
from .entrypoints.consumers import build_consumer
from .entrypoints.privacy_headers import install_no_store
from .service.context import IdentityContext
from .service.errors import IdentityError
from .settings import Settings


def build_context(settings: Settings):
    configure_hasher(settings.argon2_time_cost, settings.argon2_memory_kib, settings.argon2_parallelism)
    engine = make_engine(settings.database_url, settings.db_pool_size)
    ctx = IdentityContext(
        settings=settings, sessionmaker=make_sessionmaker(engine),
        outbox=Outbox(outbox_table, source="identity"),
        pii=PiiProtector(settings.pii_keys, settings.pii_active_key_id, settings.blind_index_key),
        signer=TokenSigner(settings.jwt_private_key, settings.access_token_ttl_seconds),
    )
    return engine, ctx


def create_app(settings: Settings | None = None, *, run_relay: bool = True) -> FastAPI:
    settings = settings or Settings()
    configure_logging("identity", settings.log_level, settings.log_json)
    engine, ctx = build_context(settings)
    app = create_service_app(
        name="identity", description="Accounts, roles and participant personal data",
        settings=settings, engine=engine, ctx=ctx, error_type=IdentityError,
        routers=[router, api_nik_access.router, api_service_standards.router], consumers=build_consumer, run_relay=run_relay)
    install_no_store(app)
    return app
