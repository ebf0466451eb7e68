"""Files of a service (photos, materials) served through the gateway with the session's token."""
from __future__ import annotations

from fastapi import Request
from starlette.responses import Response

from gateway.edge import client_ip
from gateway.upstream import UnknownService, Upstreams, UpstreamUnavailable
from gateway.web.session import current_user

FILE_HEADERS = ("Content-Type", "ETag", "Cache-Control")


async def proxy_file(request: Request, service: str, path: str, *,
                     keep: tuple[str, ...] = FILE_HEADERS,
                     cache: str = "private, max-age=300") -> Response:
    """The file at `path` of `service` for the signed-in user: 200 or 304 with its content type,
    ETag and our cache policy; 404 for anyone signed out or any other answer; 503 when down."""
    user = await current_user(request)
    if user is None:
        return Response(status_code=404)
    upstreams: Upstreams = request.app.state.upstreams
    try:
        result = await upstreams.download(service, path, token=user.access_token,
                                          client_ip=client_ip(request.scope),
                                          if_none_match=request.headers.get("if-none-match"))
    except (UpstreamUnavailable, UnknownService):
        return Response(status_code=503)
    if result.status not in (200, 304):
        return Response(status_code=404)
    headers = {name: result.headers[name] for name in keep if name in result.headers}
    headers["Cache-Control"] = cache
    return Response(result.body if result.status == 200 else b"", status_code=result.status,
                    headers=headers)
