"""Gateway app factory: `python -m balai_platform.serve gateway.main:create_app --factory --port 8000`."""
from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI

from balai_platform.auth import TokenVerifier
from balai_platform.drain import ConnectionCloseWhileDraining
from balai_platform.logging import configure_logging, get_logger
from balai_platform.web import NO_NATIVE_TELEMETRY
from gateway import health, proxy
from gateway.compression import GZipTextMiddleware
from gateway.edge import EdgeMiddleware
from gateway.errors import install_error_handlers
from gateway.metrics import GatewayMetrics
from gateway.microcache import MicroCacheMiddleware
from gateway.ratelimit import TokenBucketLimiter
from gateway.settings import Settings
from gateway.upstream import Upstreams
from gateway.web import routes as web_routes
from gateway.web.session import RefreshCoalescer
from gateway.web.static_files import STATIC_DIR, HashedStaticFiles

log = get_logger("gateway")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    configure_logging("gateway", json=settings.log_json)
    upstreams = Upstreams(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        await upstreams.start()
        log.info("gateway_started", services=sorted(upstreams.urls))
        try:
            yield
        finally:
            await upstreams.close()

    app = FastAPI(title="Balai gateway", lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url=None, telemetry=NO_NATIVE_TELEMETRY)
    app.state.settings = settings
    app.state.upstreams = upstreams
    app.state.verifier = TokenVerifier(settings.jwt_public_key) if settings.jwt_public_key else None
    app.state.metrics = metrics = GatewayMetrics()
    app.state.refresher = RefreshCoalescer()

    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(proxy.router)
    web_routes.include(app)
    app.mount("/static", HashedStaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(GZipTextMiddleware)
    # outside gzip (a hit costs no compression), inside the edge (rate limits, request id, headers)
    app.add_middleware(MicroCacheMiddleware, ttl=settings.microcache_seconds)
    app.add_middleware(
        EdgeMiddleware, metrics=metrics,
        general=TokenBucketLimiter(settings.rate_limit_per_minute),
        strict=TokenBucketLimiter(settings.login_rate_limit_per_minute),
    )
    # outermost: while the process drains (SIGTERM), every answer closes its connection
    app.add_middleware(ConnectionCloseWhileDraining)
    return app
