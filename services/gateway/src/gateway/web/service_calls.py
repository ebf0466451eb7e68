"""Calls from web pages to a service with the session's token, and the checks of their answers."""
from __future__ import annotations

import uuid
from collections.abc import Callable

from fastapi import HTTPException, Request

from gateway.edge import client_ip
from gateway.upstream import UnknownService, UpstreamResponse, UpstreamUnavailable
from gateway.web.session import Forbidden, LoginRequired, WebUser, clear_session


async def call_service(request: Request, service: str, method: str, path: str, *,
                       user: WebUser | None = None, **kwargs) -> UpstreamResponse:
    """One call to `service` with the session's token (public calls without one)."""
    upstreams = request.app.state.upstreams
    try:
        return await upstreams.call(service, method, path, client_ip=client_ip(request.scope),
                                    token=user.access_token if user else None, **kwargs)
    except UnknownService:
        raise UpstreamUnavailable(service) from None


def valid_id(value: str) -> bool:
    """Ids are UUIDs; anything else is refused before it reaches a URL path."""
    return 0 < len(value) <= 64 and all(c.isalnum() or c == "-" for c in value)


def org_param(value: str) -> str:
    """A superadmin's chosen organisation: a UUID, or '' (all organisations)."""
    try:
        return str(uuid.UUID(value)) if value else ""
    except ValueError:
        return ""


def answer_checker(service: str) -> Callable[[Request, UpstreamResponse], dict]:
    """`ensure_ok(request, result)` for `service`: the JSON object of a successful answer, or the
    matching error page (login, 403, 404, service unavailable) raised as an exception."""

    def ensure_ok(request: Request, result: UpstreamResponse) -> dict:
        if result.status == 401:
            clear_session(request)
            raise LoginRequired()
        if result.status == 403:
            raise Forbidden()
        if result.status in (404, 422):  # 422: an id that is not a UUID
            raise HTTPException(404)
        if not result.ok or not isinstance(result.data, dict):
            raise UpstreamUnavailable(service)
        return result.data

    return ensure_ok
