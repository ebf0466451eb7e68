"""The FastAPI application every Balai service runs: routes, outbox relay, consumers, probes.

A service supplies its routers, its error type and (optionally) a function that attaches its
consumers to a FastStream broker; the lifecycle around them is the same everywhere.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse
from faststream.kafka import KafkaBroker
from sqlalchemy.ext.asyncio import AsyncEngine

from . import web
from .auth import TokenVerifier
from .body_limit import DEFAULT_MAX_BODY_BYTES, BodyLimitMiddleware
from .consumer import flush_commits
from .drain import ConnectionCloseWhileDraining
from .logging import get_logger
from .metrics import ServiceMetrics, subscriptions_of
from .readiness import broker_ready, database_ready, service_checks
from .relay import OutboxRelay
from .requests import AuthError
from .settings import ServiceSettings

log = get_logger("service")


# Found by the fault suite (rolling restart after a scale-out): a start that never returns (the
# group coordinator not answering) left a process serving HTTP but consuming nothing, for good.
CONSUMER_START_TIMEOUT = 30.0


async def start_consumers(broker: KafkaBroker, state: dict, timeout: float = CONSUMER_START_TIMEOUT) -> None:
    """Start the consumers, retrying while the broker is unreachable or the start hangs (the API
    works meanwhile)."""
    delay = 0.5
    while True:
        try:
            await asyncio.wait_for(broker.start(), timeout)
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


def error_handler(exc_type: type[Exception]):
    """Map a service's error type (status, detail, errors[, retry_after]) to a JSON answer."""

    async def handle(_: Request, exc: Any) -> JSONResponse:
        body: dict = {"detail": exc.detail}
        if getattr(exc, "errors", None):
            body["errors"] = exc.errors
        retry_after = getattr(exc, "retry_after", None)
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
        return JSONResponse(status_code=exc.status, content=body, headers=headers)

    return handle


def create_service_app(*, name: str, description: str, settings: ServiceSettings, engine: AsyncEngine,
                       ctx: Any, routers: Iterable[APIRouter], error_type: type[Exception],
                       consumers: Callable[[Any, KafkaBroker], Any] | None = None,
                       run_relay: bool = True,
                       on_shutdown: Iterable[Callable[[], Awaitable[None]]] = ()) -> FastAPI:
    relay = OutboxRelay(settings.asyncpg_dsn, settings.kafka_bootstrap, name=name,
                        batch_size=settings.outbox_batch_size, poll_seconds=settings.outbox_poll_seconds)
    # FastStream's per-message lines at DEBUG: the consumer logs `event_consumed` itself
    # graceful_timeout: on stop, a subscriber stops fetching and waits this long for the message
    # in hand (its transaction and offset commit) before the consume task is cancelled
    broker = KafkaBroker(settings.kafka_bootstrap, log_level=logging.DEBUG,
                         graceful_timeout=settings.shutdown_consumer_seconds)
    run_consumers = consumers is not None and settings.run_consumers
    if consumers is not None:
        consumers(ctx, broker)
    state = {"consuming": False}
    service_metrics = ServiceMetrics(engine=engine, bootstrap=settings.kafka_bootstrap,
                                     subscriptions=subscriptions_of(broker))

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if run_relay:
            relay.start()
        starter = asyncio.create_task(start_consumers(broker, state)) if run_consumers else None
        log.info(f"{name}_started")
        yield
        # uvicorn has stopped accepting and drained HTTP: now the consumers, then the relay
        # (which publishes what the last requests and events wrote), then the pool
        log.info(f"{name}_stopping")
        if starter is not None:
            starter.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await starter
            await flush_commits(broker)  # what was processed before the stop (the tail of a burst)
            with contextlib.suppress(Exception):
                await broker.stop()  # stop fetching, finish the message in hand, commit, leave the group
        await relay.stop(drain_seconds=settings.shutdown_relay_seconds)
        for close in on_shutdown:  # the service's own resources (e.g. a pool of its own)
            with contextlib.suppress(Exception):
                await close()
        await service_metrics.close()
        await engine.dispose()
        log.info(f"{name}_stopped")

    # no slash redirects: behind the gateway a 307 would reveal the service's internal address
    app = FastAPI(title=f"Balai {name}", description=description, lifespan=lifespan, docs_url="/docs",
                  redirect_slashes=False, telemetry=web.NO_NATIVE_TELEMETRY)
    app.state.ctx = ctx
    app.state.verifier = TokenVerifier(settings.jwt_public_key) if settings.jwt_public_key else None
    app.state.relay = relay
    app.state.broker = broker

    async def readiness() -> tuple[dict[str, bool], dict[str, bool]]:
        return service_checks(database=await database_ready(engine),
                              broker=await broker_ready(settings.kafka_bootstrap),
                              consumers=state["consuming"] if run_consumers else None,
                              requires_broker=settings.readiness_requires_broker)

    web.install(app, service=name, readiness=readiness, refresh_metrics=service_metrics.refresh)
    app.add_exception_handler(error_type, error_handler(error_type))
    app.add_exception_handler(AuthError, error_handler(AuthError))
    for router in routers:
        app.include_router(router)
    # outermost: counts the body as it streams in, whatever the route does with it
    app.add_middleware(BodyLimitMiddleware,
                       max_bytes=getattr(settings, "max_upload_bytes", DEFAULT_MAX_BODY_BYTES))
    # outermost of all: every answer while the process drains closes its connection (balai_platform.drain)
    app.add_middleware(ConnectionCloseWhileDraining)
    return app
