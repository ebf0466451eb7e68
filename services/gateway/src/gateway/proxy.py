"""`/api/<service>/<path>` -> `<service_url>/<path>`: path normalised, method, query and body kept, token checked."""
from __future__ import annotations

import re

import aiohttp
from fastapi import APIRouter, Request
from starlette.responses import Response, StreamingResponse

from balai_platform.auth import InvalidToken, TokenVerifier, bearer_token
from balai_platform.logging import get_logger
from gateway.edge import client_ip
from gateway.errors import json_error
from gateway.i18n import t
from gateway.upstream import UnknownService, Upstreams
from gateway.upstream_path import BadUpstreamPath, upstream_url
from gateway.web.session import ACCESS_COOKIE

log = get_logger("gateway.proxy")
router = APIRouter()

HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
              "trailer", "trailers", "transfer-encoding", "upgrade", "proxy-connection"}
# never trusted from the client: identities are taken from the verified token only
DROP_REQUEST = HOP_BY_HOP | {"host", "cookie", "x-request-id", "x-forwarded-for",
                             "x-forwarded-host", "x-forwarded-proto", "x-real-ip", "forwarded"}
DROP_RESPONSE = HOP_BY_HOP | {"x-request-id", "content-length"}
BUFFER_LIMIT = 1024 * 1024  # answers smaller than this are read at once (the fast path)
# service endpoints for operators only: the gateway answers 404 as if they did not exist
INTERNAL_PATHS = {"metrics", "docs", "redoc", "openapi.json", "readyz", "healthz"}
SESSION_PHOTO = re.compile(r"^/products/[0-9a-fA-F-]{36}/photos/[1-3]$")
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


def _forward_headers(request: Request) -> dict[str, str]:
    connection_tokens = {h.strip().lower() for h in request.headers.get("connection", "").split(",")}
    headers = {}
    for name, value in request.headers.items():
        lower = name.lower()
        if lower in DROP_REQUEST or lower in connection_tokens or lower.startswith("x-user-"):
            continue
        headers[name] = value
    headers["X-Request-ID"] = request.state.request_id
    headers["X-Forwarded-For"] = client_ip(request.scope)
    return headers


def _response_headers(resp: aiohttp.ClientResponse) -> list[tuple[str, str]]:
    connection_tokens = {h.strip().lower() for h in resp.headers.get("connection", "").split(",")}
    return [(k, v) for k, v in resp.headers.items()
            if k.lower() not in DROP_RESPONSE and k.lower() not in connection_tokens]


class _BodyTooLarge(Exception):
    pass


async def _limited_body(request: Request, limit: int, seen: dict):
    """The request body as it arrives, cut off once it passes `limit` (chunked bodies have no length)."""
    async for chunk in request.stream():
        seen["bytes"] += len(chunk)
        if seen["bytes"] > limit:
            seen["exceeded"] = True
            raise _BodyTooLarge()
        yield chunk


def _session_photo(request: Request, service: str, path: str) -> bool:
    """An <img> of a product photo on the owner's pages: the browser sends only the session cookie,
    and a hidden product's photo is served to its members alone. GET only, a verified token only."""
    token = request.cookies.get(ACCESS_COOKIE)
    verifier: TokenVerifier | None = request.app.state.verifier
    if not token or verifier is None or request.method not in ("GET", "HEAD"):
        return False
    if service != "ukm" or not SESSION_PHOTO.match(path):
        return False
    try:
        verifier.verify(token)
    except InvalidToken:
        return False
    return True


def _public_location(value: str, base: str, service: str) -> str:
    """A redirect to the service's own address is rewritten: internal addresses never leave."""
    if value.startswith(base):
        return f"/api/{service}" + (value[len(base):] or "/")
    return value


def _has_body(request: Request) -> bool:
    length = request.headers.get("content-length")
    return bool(length and length != "0") or "chunked" in request.headers.get("transfer-encoding", "")


@router.api_route("/api/{service}/{path:path}", methods=METHODS, include_in_schema=False)
async def proxy(service: str, path: str, request: Request) -> Response:
    upstreams: Upstreams = request.app.state.upstreams
    try:
        base = upstreams.base_url(service)
    except UnknownService:
        return json_error(404, t("api_unknown_service", service=service))

    authorization = request.headers.get("authorization")
    if authorization is not None:
        verifier: TokenVerifier | None = request.app.state.verifier
        token = bearer_token(authorization)
        try:
            if token is None or verifier is None:
                raise InvalidToken("not a bearer token, or no public key configured")
            verifier.verify(token)
        except InvalidToken:
            return json_error(401, t("api_invalid_token"), {"WWW-Authenticate": "Bearer"})

    try:
        url = upstream_url(base, service, request.scope.get("raw_path") or request.url.path.encode(),
                           request.scope.get("query_string", b""))
    except BadUpstreamPath as exc:
        log.info("upstream_path_refused", service=service, reason=str(exc))
        return json_error(400, t("api_bad_request"))
    if url.raw_path.split("/")[1] in INTERNAL_PATHS:  # probes, metrics and API docs stay inside
        return json_error(404, t("api_not_found"))

    limit = request.app.state.settings.max_api_body_bytes
    length = request.headers.get("content-length")
    if length and (not length.isdigit() or int(length) > limit):
        return json_error(413, t("api_too_large"))
    seen = {"bytes": 0, "exceeded": False}
    if length and int(length) <= BUFFER_LIMIT:
        # A small body of known length (every form and JSON call) is read at once and sent with
        # its Content-Length: streaming it made aiohttp send it chunked, in several writes, and
        # the service parse it chunk by chunk (a registration rush through the gateway ran at a
        # third of the direct rate). The length was checked against the limit above.
        data = await request.body()  # the server reads no more than Content-Length
    else:
        data = _limited_body(request, limit, seen) if _has_body(request) else None
    headers = _forward_headers(request)
    if authorization is None and _session_photo(request, service, url.raw_path):
        headers["Authorization"] = f"Bearer {request.cookies[ACCESS_COOKIE]}"
    try:
        resp = await upstreams.session.request(
            request.method, url, headers=headers, data=data,
            allow_redirects=False,
        )
    except Exception as exc:
        if seen["exceeded"]:  # aiohttp may wrap the generator's exception in its own
            log.info("request_body_too_large", service=service, limit=limit)
            return json_error(413, t("api_too_large"), {"Connection": "close"})
        if not isinstance(exc, (TimeoutError, aiohttp.ClientError)):
            raise
        request.app.state.metrics.upstream_errors.labels(service).inc()
        log.warning("upstream_unavailable", service=service, error=type(exc).__name__)
        return json_error(503, t("api_unavailable", service=service), {"Retry-After": "5"})

    headers = [(k, _public_location(v, base, service) if k.lower() == "location" else v)
               for k, v in _response_headers(resp)]
    length = resp.content_length
    bodiless = resp.status in (204, 304) or request.method == "HEAD"
    if bodiless or (length is not None and length <= BUFFER_LIMIT):
        try:
            body = b"" if bodiless else await resp.read()
        except (TimeoutError, aiohttp.ClientError) as exc:
            log.warning("upstream_unavailable", service=service, error=type(exc).__name__)
            return json_error(503, t("api_unavailable", service=service), {"Retry-After": "5"})
        finally:
            resp.release()
        if resp.status in (204, 304):
            length = None
        elif not bodiless:
            length = len(body)
        return _with_headers(Response(body, status_code=resp.status), headers, length)
    streaming = StreamingResponse(_stream(resp), status_code=resp.status)
    return _with_headers(streaming, headers, length)


async def _stream(resp: aiohttp.ClientResponse):
    try:
        async for chunk in resp.content.iter_chunked(64 * 1024):
            yield chunk
    finally:
        resp.release()


def _with_headers(response: Response, headers: list[tuple[str, str]], length: int | None) -> Response:
    raw = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers]
    if length is not None:
        raw.append((b"content-length", str(length).encode()))
    response.raw_headers = raw
    return response
