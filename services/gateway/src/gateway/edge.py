"""Pure ASGI middleware at the edge: request id, rate limits, metrics, access log, headers."""
from __future__ import annotations

import time

import structlog
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from balai_platform.logging import get_logger
from gateway.errors import internal_error_response, rate_limited_response
from gateway.metrics import GatewayMetrics
from gateway.ratelimit import TokenBucketLimiter
from gateway.request_id import current_request_id, sanitize_request_id

log = get_logger("gateway.edge")

UNLIMITED_PREFIXES = ("/healthz", "/readyz", "/metrics", "/static/")
# login, password-reset and registration-check requests get a much smaller budget per client IP
STRICT_PATHS = {
    ("POST", "/api/identity/auth/login"), ("POST", "/masuk"),
    ("POST", "/api/identity/auth/password-reset/request"), ("POST", "/lupa-password"),
    ("POST", "/api/identity/participants/validate"), ("POST", "/daftar/validasi"),
}
# the browser session's cookies (gateway.web.session): their presence makes an answer personal
SESSION_COOKIES = (b"balai_at=", b"balai_rt=")
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]
HTML_SECURITY_HEADERS = [
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
     b"frame-ancestors 'none'; form-action 'self'; base-uri 'none'"),
]


class EdgeMiddleware:
    def __init__(self, app: ASGIApp, *, metrics: GatewayMetrics, general: TokenBucketLimiter,
                 strict: TokenBucketLimiter) -> None:
        self.app, self.metrics, self.general, self.strict = app, metrics, general, strict

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = sanitize_request_id(Headers(scope=scope).get("x-request-id"))
        token = current_request_id.set(request_id)
        structlog.contextvars.bind_contextvars(request_id=request_id)
        scope.setdefault("state", {})["request_id"] = request_id
        status_holder = {"status": 500, "started": False}
        personal = _carries_identity(scope)

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder.update(status=message["status"], started=True)
                headers = MutableHeaders(scope=message)
                headers["x-request-id"] = request_id
                for name, value in SECURITY_HEADERS:
                    headers.raw.append((name, value))
                if headers.get("content-type", "").startswith("text/html"):
                    headers.raw.extend(HTML_SECURITY_HEADERS)
                if personal and not _shared(scope, headers):
                    headers["cache-control"] = "no-store"
                for cookie in scope["state"].get("set_cookies", ()):
                    headers.raw.append((b"set-cookie", cookie.encode("latin-1")))
            await send(message)

        try:
            wait = self._check_rate(scope)
            if wait:
                response = rate_limited_response(scope, wait)
                await response(scope, receive, send_wrapper)
            else:
                await self.app(scope, receive, send_wrapper)
        except Exception:
            # a true bug: log it with its trace, answer a generic 500 without one
            log.exception("unhandled_error", method=scope["method"], route=_route_template(scope))
            if status_holder["started"]:
                raise
            await internal_error_response(scope)(scope, receive, send_wrapper)
        finally:
            elapsed = time.perf_counter() - started
            route = _route_template(scope)
            status = status_holder["status"]
            self.metrics.observe(scope["method"], route, status, elapsed)
            if not scope["path"].startswith(UNLIMITED_PREFIXES):
                log.info("request", method=scope["method"], route=route, status=status,
                         duration_ms=round(elapsed * 1000, 1))
            structlog.contextvars.unbind_contextvars("request_id")
            current_request_id.reset(token)

    def _check_rate(self, scope: Scope) -> float:
        path = scope["path"]
        if path.startswith(UNLIMITED_PREFIXES):
            return 0.0
        ip = client_ip(scope)
        if (scope["method"], path.rstrip("/") or "/") in STRICT_PATHS:
            wait = self.strict.hit(ip)
            if wait:
                return wait
        return self.general.hit(ip)


def _carries_identity(scope: Scope) -> bool:
    """A session cookie or an Authorization header: the answer may hold this person's data."""
    for name, value in scope.get("headers") or ():
        if name == b"authorization" or (name == b"cookie" and any(c in value for c in SESSION_COOKIES)):
            return True
    return False


def _shared(scope: Scope, headers: MutableHeaders) -> bool:
    """Answers that keep their own caching: static files, answers their producer marked `public`
    (the same for everybody), and files (photos, materials) whose producer chose a Cache-Control."""
    if scope["path"].startswith("/static/"):
        return True
    cache_control = headers.get("cache-control", "")
    if "public" in [d.strip().lower() for d in cache_control.split(",")]:
        return True
    content_type = headers.get("content-type", "")
    return bool(cache_control) and not content_type.startswith(("text/", "application/json"))


def client_ip(scope: Scope) -> str:
    # uvicorn --proxy-headers --forwarded-allow-ips=<lb> puts the real client here
    client = scope.get("client")
    return client[0] if client else "unknown"


def _route_template(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    if path:
        return path
    if scope["path"].startswith("/static/"):
        return "/static"
    return "unmatched"
