"""The training service: schedule, enrollments and their lifecycle, attendance, online classes."""
from __future__ import annotations

import asyncio
import contextlib
import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from faststream.kafka import KafkaBroker

from balai_platform import web
from balai_platform.auth import TokenVerifier
from balai_platform.db import make_engine, make_sessionmaker
from balai_platform.logging import configure_logging, get_logger
from balai_platform.outbox import Outbox
from balai_platform.readiness import broker_ready, database_ready
from balai_platform.relay import OutboxRelay

from .adapters import tables_class  # noqa: F401 - the class tables share the metadata
from .adapters.tables import outbox as outbox_table
from .entrypoints import api_admin, api_class, api_public
from .entrypoints.consumers import build_consumer
from .service.context import TrainingContext
from .service.errors import TrainingError
from .settings import Settings

log = get_logger("training")


def build_context(settings: Settings):
    engine = make_engine(settings.database_url, settings.db_pool_size)
    ctx = TrainingContext(settings=settings, sessionmaker=make_sessionmaker(engine),
                          outbox=Outbox(outbox_table, source="training"))
    return engine, ctx


async def _start_broker(broker: KafkaBroker, state: dict) -> None:
    """Start the consumers, retrying while the broker is unreachable (the API works meanwhile)."""
    delay = 0.5
    while True:
        try:
            await broker.start()
            state["consuming"] = True
            log.info("consumers_started")
            return
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("consumers_start_failed", error=type(exc).__name__, retry_in=delay)
            with contextlib.suppress(Exception):
                await broker.stop()
            await asyncio.sleep(delay)
            delay = min(delay * 2, 10)


def create_app(settings: Settings | None = None, *, run_relay: bool = True) -> FastAPI:
    settings = settings or Settings()
    configure_logging("training", settings.log_level, settings.log_json)
    engine, ctx = build_context(settings)
    relay = OutboxRelay(settings.asyncpg_dsn, settings.kafka_bootstrap, name="training",
                        batch_size=settings.outbox_batch_size, poll_seconds=settings.outbox_poll_seconds)
    broker = KafkaBroker(settings.kafka_bootstrap, log_level=logging.DEBUG)
    build_consumer(ctx, broker)
    state = {"consuming": False}

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if run_relay:
            relay.start()
        starter = asyncio.create_task(_start_broker(broker, state)) if settings.run_consumers else None
        log.info("training_started")
        yield
        if starter is not None:
            starter.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await starter
            with contextlib.suppress(Exception):
                await broker.stop()
        await relay.stop()
        await engine.dispose()

    app = FastAPI(title="Balai training", lifespan=lifespan, docs_url="/docs")
    app.state.ctx = ctx
    app.state.verifier = TokenVerifier(settings.jwt_public_key) if settings.jwt_public_key else None
    app.state.relay = relay
    app.state.broker = broker

    async def readiness() -> tuple[dict[str, bool], dict[str, bool]]:
        required = {"database": await database_ready(engine)}
        info = {"broker": await broker_ready(settings.kafka_bootstrap),
                "consumers": state["consuming"] or not settings.run_consumers}
        if settings.readiness_requires_broker:
            return {**required, **info}, {}
        return required, info

    web.install(app, service="training", readiness=readiness)

    @app.exception_handler(TrainingError)
    async def _on_training_error(_: Request, exc: TrainingError):
        body: dict = {"detail": exc.detail}
        if exc.errors:
            body["errors"] = exc.errors
        return JSONResponse(status_code=exc.status, content=body)

    for module in (api_public, api_class, api_admin):
        app.include_router(module.router)
    return app
