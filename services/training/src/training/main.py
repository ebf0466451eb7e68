"""The training service: schedule, enrollments and their lifecycle, attendance, online classes."""
from __future__ import annotations

from fastapi import FastAPI

from balai_platform.db import make_engine, make_sessionmaker
from balai_platform.logging import configure_logging
from balai_platform.outbox import Outbox
from balai_platform.service_app import create_service_app

from .adapters import (
    tables_class,  # noqa: F401 - the class tables share the metadata
    tables_consultation,  # noqa: F401 - the consultation tables share the metadata
    tables_narasumber,  # noqa: F401 - the narasumber tables share the metadata
)
from .adapters.tables import outbox as outbox_table
from .entrypoints import api_admin, api_class, api_consultation, api_files, api_narasumber, api_public, api_summary
from .entrypoints.consumers import build_consumer
from .service.context import TrainingContext
from .service.errors import TrainingError
from .settings import Settings


def build_context(settings: Settings):
    engine = make_engine(settings.database_url, settings.db_pool_size)
    ctx = TrainingContext(settings=settings, sessionmaker=make_sessionmaker(engine),
                          outbox=Outbox(outbox_table, source="training"))
    return engine, ctx


def create_app(settings: Settings | None = None, *, run_relay: bool = True) -> FastAPI:
    settings = settings or Settings()
    configure_logging("training", settings.log_level, settings.log_json)
    engine, ctx = build_context(settings)
    return create_service_app(
        name="training", description="Training schedule, enrollments, attendance and online classes",
        settings=settings, engine=engine, ctx=ctx, error_type=TrainingError, consumers=build_consumer,
        routers=[m.router for m in (api_public, api_class, api_files, api_admin, api_summary, api_narasumber,
                                    api_consultation)], run_relay=run_relay)
