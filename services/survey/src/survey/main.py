"""The survey service: SKM questionnaires and periods, invitations, responses, recap and reports."""
from __future__ import annotations

from fastapi import FastAPI

from balai_platform.db import make_engine, make_sessionmaker
from balai_platform.logging import configure_logging
from balai_platform.outbox import Outbox
from balai_platform.service_app import create_service_app

from .adapters.tables import outbox as outbox_table
from .entrypoints import api_admin, api_complaints, api_files, api_participant
from .entrypoints.consumers import build_consumer
from .service.context import SurveyContext
from .service.errors import SurveyError
from .settings import Settings


def build_context(settings: Settings):
    engine = make_engine(settings.database_url, settings.db_pool_size)
    ctx = SurveyContext(settings=settings, sessionmaker=make_sessionmaker(engine),
                        outbox=Outbox(outbox_table, source="survey"))
    return engine, ctx


def create_app(settings: Settings | None = None, *, run_relay: bool = True) -> FastAPI:
    settings = settings or Settings()
    configure_logging("survey", settings.log_level, settings.log_json)
    engine, ctx = build_context(settings)
    return create_service_app(
        name="survey", description="SKM (PermenPAN-RB 14/2017) and app surveys: invitations, answers, recap, reports",
        settings=settings, engine=engine, ctx=ctx, error_type=SurveyError, consumers=build_consumer,
        routers=[m.router for m in (api_participant, api_admin, api_files, api_complaints)], run_relay=run_relay)
