"""`/api/<service>/<path>` -> `<service_url>/<path>`: method, query and body kept, token checked."""
from __future__ import annotations

import aiohttp
from fastapi import APIRouter, Request
from starlette.responses import Response, StreamingResponse
from yarl import URL

from balai_platform.auth import InvalidToken, TokenVerifier, bearer_token
from balai_platform.logging import get_logger
from gateway.edge import client_ip
from gateway.errors import json_error
from gateway.i18n import t
from gateway.upstream import UnknownService, Upstreams

log = get_logger("gateway.proxy")
router = APIRouter()

HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
              "trailer", "trailers", "transfer-encoding", "upgrade", "proxy-connection"}
# never trusted from the client: identities are taken from the verified token only
DROP_REQUEST = HOP_BY_HOP | {"host", "cookie", "x-request-id", "x-forwarded-for",
                             "x-forwarded-host", "x-forwarded-proto", "x-real-ip", "forwarded"}
DROP_RESPONSE = HOP_BY_HOP | {"x-request-id", "content-length"}
BUFFER_LIMIT = 1024 * 1024  # answers smaller than this are read at once (the fast path)
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


def _upstream_path(request: Request, service: str) -> str:
    # the raw (still percent-encoded) path, so that %2F in an id stays one segment
    raw = request.scope.get("raw_path") or request.url.path.encode()
    prefix = f"/api/{service}".encode()
    rest = raw[len(prefix):].decode("latin-1") or "/"
    query = request.scope.get("query_string", b"").decode("latin-1")
    return rest + (f"?{query}" if query else "")


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

    url = URL(base + _upstream_path(request, service), encoded=True)
    data = request.stream() if _has_body(request) else None
    try:
        resp = await upstreams.session.request(
            request.method, url, headers=_forward_headers(request), data=data,
            allow_redirects=False,
        )
    except (TimeoutError, aiohttp.ClientError) as exc:
        request.app.state.metrics.upstream_errors.labels(service).inc()
        log.warning("upstream_unavailable", service=service, error=type(exc).__name__)
        return json_error(503, t("api_unavailable", service=service), {"Retry-After": "5"})

    headers = _response_headers(resp)
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
