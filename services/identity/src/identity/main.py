"""The identity service: accounts, roles, participant personal data."""
from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from balai_platform.auth import TokenSigner, TokenVerifier
from balai_platform.db import make_engine, make_sessionmaker
from balai_platform.logging import configure_logging, get_logger
from balai_platform.outbox import Outbox
from balai_platform.readiness import broker_ready, database_ready
from balai_platform.relay import OutboxRelay
from balai_platform import web

from .adapters.security import PiiProtector, configure_hasher
from .adapters.tables import outbox as outbox_table
from .entrypoints.api import router
from .service.context import IdentityContext
from .service.errors import IdentityError, TooManyAttempts
from .settings import Settings

log = get_logger("identity")


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
    relay = OutboxRelay(settings.asyncpg_dsn, settings.kafka_bootstrap, name="identity",
                        batch_size=settings.outbox_batch_size, poll_seconds=settings.outbox_poll_seconds)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if run_relay:
            relay.start()
        log.info("identity_started")
        yield
        await relay.stop()
        await engine.dispose()

    app = FastAPI(title="Balai identity", lifespan=lifespan, docs_url="/docs")
    app.state.ctx = ctx
    app.state.verifier = TokenVerifier(settings.jwt_public_key)
    app.state.relay = relay

    async def readiness() -> tuple[dict[str, bool], dict[str, bool]]:
        required = {"database": await database_ready(engine)}
        broker = {"broker": await broker_ready(settings.kafka_bootstrap)}
        if settings.readiness_requires_broker:
            return {**required, **broker}, {}
        return required, broker

    web.install(app, service="identity", readiness=readiness)

    @app.exception_handler(IdentityError)
    async def _on_identity_error(_: Request, exc: IdentityError):
        body: dict = {"detail": exc.detail}
        if exc.errors:
            body["errors"] = exc.errors
        headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, TooManyAttempts) else None
        return JSONResponse(status_code=exc.status, content=body, headers=headers)

    app.include_router(router)
    return app
