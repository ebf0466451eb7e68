"""The certificate service: e-certificates issued once, signed (PAdES), verifiable by anyone."""
from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI

from balai_platform.db import make_engine, make_sessionmaker
from balai_platform.errors import ServiceError
from balai_platform.logging import configure_logging
from balai_platform.outbox import Outbox
from balai_platform.service_app import create_service_app

from .adapters.tables import outbox as outbox_table
from .entrypoints import api_admin, api_participant, api_public, api_summary, api_templates
from .entrypoints.consumers import build_consumer
from .service.context import CertificateContext
from .service.rendering import Renderer
from .settings import Settings


def build_context(settings: Settings):
    engine = make_engine(settings.database_url, settings.db_pool_size)
    ctx = CertificateContext(settings=settings, sessionmaker=make_sessionmaker(engine),
                             outbox=Outbox(outbox_table, source="certificate"))
    return engine, ctx


def create_app(settings: Settings | None = None, *, run_relay: bool = True) -> FastAPI:
    settings = settings or Settings()
    configure_logging("certificate", settings.log_level, settings.log_json)
    engine, ctx = build_context(settings)
    app = create_service_app(
        name="certificate", description="E-certificates: issuing, signed PDFs, verification, revocation",
        settings=settings, engine=engine, ctx=ctx, error_type=ServiceError, consumers=build_consumer,
        routers=[m.router for m in (api_participant, api_admin, api_summary, api_templates, api_public)], run_relay=run_relay)
    renderer = Renderer(ctx)
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(a: FastAPI):
        async with inner(a):
            renderer.start()  # the renderer runs beside the consumers and the relay
            try:
                yield
            finally:
                await renderer.stop()

    app.router.lifespan_context = lifespan
    return app
