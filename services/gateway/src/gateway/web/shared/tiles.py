"""Dashboard pieces fetched from several services at once, each with a short time limit of its own,
so that one slow or stopped service greys out its own tile and never the page."""
from __future__ import annotations

import asyncio

from fastapi import Request

from gateway.upstream import UpstreamUnavailable
from gateway.web.service_calls import call_service
from gateway.web.session import WebUser

TILE_TIMEOUT_SECONDS = 2.5


async def fetch_json(request: Request, user: WebUser | None, service: str, path: str,
                     params: dict | None = None, timeout: float = TILE_TIMEOUT_SECONDS) -> dict | None:
    """The JSON object `service` answers with 200, or None (down, slow, refused, odd answer)."""
    try:
        result = await asyncio.wait_for(
            call_service(request, service, "GET", path, user=user, params=params), timeout)
    except (UpstreamUnavailable, TimeoutError):
        return None
    if result.status != 200 or not isinstance(result.data, dict):
        return None
    return result.data
