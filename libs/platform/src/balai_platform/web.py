"""FastAPI plumbing shared by services: request id, metrics, health, clean JSON errors."""
from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest
from sqlalchemy.exc import DBAPIError
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .drain import DRAIN, DRAINING_BODY
from .logging import correlation_id, get_logger, new_correlation_id

log = get_logger("http")
# FastAPI's own OpenTelemetry hooks, off: Balai exports Prometheus metrics (below) and sets up no
# OpenTelemetry provider, and the hooks asked the environment for one on every request (a few
# percent of a small request's CPU). FastAPI(telemetry=NO_NATIVE_TELEMETRY) in every app.
NO_NATIVE_TELEMETRY = {"tracing": False, "metrics": False, "logs": False, "operation_spans": False}
_RID = re.compile(r"^[A-Za-z0-9\-]{1,64}$")
REQUESTS = Counter("http_requests_total", "HTTP requests", ["method", "route", "status"])
LATENCY = Histogram("http_request_seconds", "HTTP request latency", ["method", "route"])

FIELD_MESSAGES = {
    "missing": "Wajib diisi",
    "json_invalid": "Format JSON tidak valid",
    "string_type": "Harus berupa teks",
    "int_parsing": "Harus berupa angka bulat",
    "int_type": "Harus berupa angka bulat",
    "bool_parsing": "Harus berupa ya/tidak",
    "date_from_datetime_parsing": "Format tanggal harus YYYY-MM-DD",
    "date_parsing": "Format tanggal harus YYYY-MM-DD",
    "string_too_long": "Teks terlalu panjang",
    "string_too_short": "Teks terlalu pendek",
    "model_attributes_type": "Format data tidak valid",
    "dict_type": "Format data tidak valid",
    "uuid_parsing": "ID tidak valid",
    "enum": "Pilihan tidak valid",
    "literal_error": "Pilihan tidak valid",
}


_NUL = b"%00"
BAD_CHARACTERS = "Permintaan berisi karakter yang tidak diizinkan"
BAD_DATA = "Data yang dikirim tidak valid (mengandung karakter atau angka yang tidak diizinkan)"


def _sqlstate(exc: DBAPIError) -> str:
    for candidate in (exc.orig, getattr(exc.orig, "__cause__", None)):
        code = getattr(candidate, "sqlstate", None) or getattr(candidate, "pgcode", None)
        if code:
            return str(code)
    return ""


def request_id_from(request: Request) -> str:
    rid = request.headers.get("x-request-id", "")
    return rid if _RID.match(rid) else new_correlation_id()


def _validation_errors(exc: RequestValidationError) -> dict[str, str]:
    errors: dict[str, str] = {}
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path", "header", "form")]
        field = ".".join(loc) or "body"
        errors.setdefault(field, FIELD_MESSAGES.get(err.get("type", ""), "Nilai tidak valid"))
    return errors


class RequestContextMiddleware:
    """Request id (correlation id for the logs, X-Request-ID on the answer), metrics, NUL refusal.

    Pure ASGI: Starlette's BaseHTTPMiddleware (`@app.middleware("http")`) runs every request in an
    extra task with memory streams between the two, a large share of a small JSON answer's CPU."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _NUL in scope.get("query_string", b"").lower() or "\x00" in scope.get("path", ""):
            await JSONResponse(status_code=400, content={"detail": BAD_CHARACTERS})(scope, receive, send)
            return
        rid = request_id_from(Request(scope))
        token = correlation_id.set(rid)
        start = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)["X-Request-ID"] = rid
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            path = getattr(scope.get("route"), "path", "unmatched")
            REQUESTS.labels(scope["method"], path, str(status)).inc()
            LATENCY.labels(scope["method"], path).observe(time.perf_counter() - start)
            correlation_id.reset(token)


def install(app: FastAPI, *, service: str,
            readiness: Callable[[], Awaitable[tuple[dict[str, bool], dict[str, bool]]]],
            refresh_metrics: Callable[[], Awaitable[None]] | None = None) -> None:
    """Add request-id middleware, metrics, /healthz, /readyz, /metrics and error handlers.

    `readiness` returns (required checks, informational checks); only the first decide readiness.
    `refresh_metrics` updates the gauges computed on scrape (balai_platform.metrics).
    """

    app.add_middleware(RequestContextMiddleware)

    @app.exception_handler(RequestValidationError)
    async def _on_validation(_: Request, exc: RequestValidationError):
        return JSONResponse(status_code=422, content={
            "detail": "Data yang dikirim belum valid", "errors": _validation_errors(exc)})

    @app.exception_handler(StarletteHTTPException)
    async def _on_http(_: Request, exc: StarletteHTTPException):
        detail = exc.detail
        if exc.status_code == 404 and detail == "Not Found":
            detail = "Tidak ditemukan"
        elif exc.status_code == 405:
            detail = "Metode tidak diizinkan"
        return JSONResponse(status_code=exc.status_code, content={"detail": detail},
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(DBAPIError)
    async def _on_database_error(_: Request, exc: DBAPIError):
        # PostgreSQL "data exception" (class 22): a NUL byte in text, a number out of range...
        # The input was bad, not the server: answer 422, never 500.
        if _sqlstate(exc).startswith("22"):
            log.info("bad_input_rejected_by_database", sqlstate=_sqlstate(exc))
            return JSONResponse(status_code=422, content={"detail": BAD_DATA})
        if _sqlstate(exc).startswith("23"):  # a constraint a concurrent request won first
            log.info("constraint_conflict", sqlstate=_sqlstate(exc))
            return JSONResponse(status_code=409, content={
                "detail": "Data bertabrakan dengan perubahan lain, muat ulang halaman lalu coba lagi."})
        log.exception("database_error", error=type(exc.orig).__name__)
        return JSONResponse(status_code=503, content={
            "detail": "Basis data sedang bermasalah, silakan coba lagi sebentar."})

    @app.exception_handler(Exception)
    async def _on_bug(_: Request, exc: Exception):
        log.exception("unhandled_error", error=type(exc).__name__)
        return JSONResponse(status_code=500, content={
            "detail": "Terjadi kesalahan pada server, silakan coba lagi."})

    @app.get("/healthz", include_in_schema=False)
    async def healthz():
        return {"status": "ok", "service": service}

    @app.get("/readyz", include_in_schema=False)
    async def readyz():
        if DRAIN.active:  # stopping: out of the load balancer before the connections close
            return JSONResponse(status_code=503, content=DRAINING_BODY)
        required, info = await readiness()
        ok = all(required.values())
        degraded = not all(info.values())
        status = "unavailable" if not ok else ("degraded" if degraded else "ok")
        return JSONResponse(status_code=200 if ok else 503,
                            content={"status": status, "checks": {**required, **info}})

    @app.get("/metrics", include_in_schema=False)
    async def metrics():
        if refresh_metrics is not None:
            await refresh_metrics()
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


def file_response(data: bytes | None, content_type: str, etag: str, *, if_none_match: str | None,
                  cache_control: str = "private, max-age=3600",
                  headers: dict[str, str] | None = None) -> Response:
    """A stored file with ETag and cache headers; 304 when the client holds this version
    (or when the caller already found that out and passes data=None)."""
    all_headers = {"ETag": f'"{etag}"', "Cache-Control": cache_control, **(headers or {})}
    if data is None or if_none_match == f'"{etag}"':
        return Response(status_code=304, headers=all_headers)
    return Response(content=data, media_type=content_type, headers=all_headers)
