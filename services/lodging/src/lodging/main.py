"""The lodging service: dormitory buildings and rooms, stays (assignment, check-in, check-out)."""
from __future__ import annotations

from fastapi import FastAPI

from balai_platform.db import make_engine, make_sessionmaker
from balai_platform.errors import ServiceError
from balai_platform.logging import configure_logging
from balai_platform.outbox import Outbox
from balai_platform.service_app import create_service_app

from .adapters.tables import outbox as outbox_table
from .entrypoints import api_admin_rooms, api_admin_stays, api_participant, api_summary
from .entrypoints.consumers import build_consumer
from .service.context import LodgingContext
from .settings import Settings


def build_context(settings: Settings):
    engine = make_engine(settings.database_url, settings.db_pool_size)
    ctx = LodgingContext(settings=settings, sessionmaker=make_sessionmaker(engine),
                         outbox=Outbox(outbox_table, source="lodging"))
    return engine, ctx


def create_app(settings: Settings | None = None, *, run_relay: bool = True) -> FastAPI:
    settings = settings or Settings()
    configure_logging("lodging", settings.log_level, settings.log_json)
    engine, ctx = build_context(settings)
    return create_service_app(
        name="lodging", description="Dormitory rooms, automatic assignment, check-in and check-out",
        settings=settings, engine=engine, ctx=ctx, error_type=ServiceError, consumers=build_consumer,
        routers=[m.router for m in (api_participant, api_admin_rooms, api_admin_stays, api_summary)], run_relay=run_relay)
