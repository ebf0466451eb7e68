"""Error responses in Bahasa Indonesia: JSON for API callers, HTML pages for browsers."""
from __future__ import annotations

from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response
from starlette.types import Scope

from balai_platform.logging import get_logger
from gateway.i18n import t
from gateway.ratelimit import retry_after_header

log = get_logger("gateway.errors")

JSON_PREFIXES = ("/api/", "/wilayah", "/daftar/validasi", "/healthz", "/readyz", "/metrics")
STATUS_KEYS = {400: "api_bad_request", 403: "api_forbidden", 404: "api_not_found",
               405: "api_method_not_allowed", 413: "api_too_large", 429: "api_rate_limited",
               500: "api_internal_error", 503: "error_503_body"}
PAGE_KEYS = {403: ("error_403_title", "error_403_body"), 404: ("error_404_title", "error_404_body"),
             503: ("error_503_title", "error_503_body")}


def wants_json(scope: Scope) -> bool:
    if scope["path"].startswith(JSON_PREFIXES):
        return True
    accept = dict(scope.get("headers") or []).get(b"accept", b"").decode("latin-1")
    return "application/json" in accept and "text/html" not in accept


def json_error(status: int, detail: str, headers: dict | None = None, **extra) -> JSONResponse:
    return JSONResponse({"detail": detail, **extra}, status_code=status, headers=headers)


def error_page(status: int, title: str | None = None, body: str | None = None,
               headers: dict | None = None, **context) -> Response:
    from gateway.web.render import render_html  # the web layer depends on this module, not back

    title_key, body_key = PAGE_KEYS.get(status, ("error_500_title", "error_500_body"))
    return render_html("error.html", status_code=status, headers=headers,
                       title=title or t(title_key), message=body or t(body_key),
                       status=status, **context)


def error_response(scope: Scope, status: int, detail: str | None = None,
                   headers: dict | None = None) -> Response:
    if wants_json(scope):
        return json_error(status, detail or t(STATUS_KEYS.get(status, "api_bad_request")), headers)
    if status in PAGE_KEYS or status >= 500:
        return error_page(status, headers=headers)
    return error_page(status, title=t("api_bad_request"), body=detail or t("api_bad_request"),
                      headers=headers)


def rate_limited_response(scope: Scope, wait: float) -> Response:
    seconds = retry_after_header(wait)
    headers = {"Retry-After": seconds}
    if wants_json(scope):
        return json_error(429, t("api_rate_limited", seconds=seconds), headers)
    return error_page(429, title=t("error_429_title"), body=t("error_429_body", seconds=seconds),
                      headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) and exc.status_code < 500 else None
        # framework defaults ("Not Found") are English: replace them with our own text
        if detail == HTTPStatus(exc.status_code).phrase:
            detail = None
        return error_response(request.scope, exc.status_code, detail, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = {".".join(str(p) for p in e["loc"][1:]) or "body": e["msg"] for e in exc.errors()}
        if wants_json(request.scope):
            return json_error(422, t("api_bad_request"), errors=errors)
        return error_response(request.scope, 400)


def internal_error_response(scope: Scope) -> Response:
    return error_response(scope, 500)
