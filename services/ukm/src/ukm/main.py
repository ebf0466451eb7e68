"""The ukm service: businesses, products and the E-Dukasi gallery."""
from __future__ import annotations

from fastapi import FastAPI

from balai_platform.db import make_engine, make_sessionmaker
from balai_platform.logging import configure_logging
from balai_platform.outbox import Outbox
from balai_platform.service_app import create_service_app

from .adapters.gallery_reads import GalleryReads
from .adapters.tables import outbox as outbox_table
from .entrypoints import api_businesses, api_gallery, api_products
from .entrypoints.consumers import build_consumer
from .service.context import UkmContext
from .service.errors import UkmError
from .settings import Settings


def build_context(settings: Settings):
    engine = make_engine(settings.database_url, settings.db_pool_size)
    ctx = UkmContext(settings=settings, sessionmaker=make_sessionmaker(engine),
                     outbox=Outbox(outbox_table, source="ukm"),
                     gallery_reads=GalleryReads(settings.asyncpg_dsn, settings.gallery_pool_size))
    return engine, ctx


def create_app(settings: Settings | None = None, *, run_relay: bool = True) -> FastAPI:
    settings = settings or Settings()
    configure_logging("ukm", settings.log_level, settings.log_json)
    engine, ctx = build_context(settings)
    return create_service_app(
        name="ukm", description="Businesses (UKM/Koperasi), products and the E-Dukasi gallery",
        settings=settings, engine=engine, ctx=ctx, error_type=UkmError, consumers=build_consumer,
        # the gallery first: the public hot path is matched before the other routes are tried
        routers=[m.router for m in (api_gallery, api_businesses, api_products)], run_relay=run_relay,
        on_shutdown=[ctx.gallery_reads.close])
