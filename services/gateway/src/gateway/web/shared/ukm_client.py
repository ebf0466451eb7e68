"""Calls from the web pages to the ukm service, its cached choice lists, and answer checks."""
from __future__ import annotations

import time

from fastapi import Request

from gateway.upstream import UpstreamResponse, UpstreamUnavailable
from gateway.web.service_calls import answer_checker, call_service
from gateway.web.session import WebUser

SERVICE = "ukm"
REFERENCE_TTL = 600.0  # the choice lists change with a deployment, not at run time


async def ukm(request: Request, method: str, path: str, *, user: WebUser | None = None,
             **kwargs) -> UpstreamResponse:
    """One call to the ukm service with the session's token (public calls without one)."""
    return await call_service(request, SERVICE, method, path, user=user, **kwargs)


ensure_ok = answer_checker(SERVICE)


async def my_businesses(request: Request, user: WebUser) -> list[dict] | None:
    """The dashboard's "List UKM/Koperasi"; None when the ukm service cannot answer now."""
    try:
        result = await ukm(request, "GET", "/businesses/mine", user=user)
    except UpstreamUnavailable:
        return None
    if result.status != 200 or not isinstance(result.data, dict):
        return None
    return [i for i in result.data.get("items") or [] if isinstance(i, dict)]


async def reference(request: Request) -> dict[str, list[tuple[str, str]]]:
    """Every choice list as [(value, label)], fetched once per REFERENCE_TTL per app."""
    state = request.app.state
    cached = getattr(state, "ukm_reference", None)
    if cached and time.monotonic() - cached[0] < REFERENCE_TTL:
        return cached[1]
    result = await ukm(request, "GET", "/reference")
    if result.status != 200 or not isinstance(result.data, dict):
        if cached:  # stale lists beat an error page
            return cached[1]
        raise UpstreamUnavailable(SERVICE)
    lists = {name: [(str(o.get("value")), str(o.get("label"))) for o in options if isinstance(o, dict)]
             for name, options in result.data.items() if isinstance(options, list)}
    state.ukm_reference = (time.monotonic(), lists)
    return lists


def label_maps(ref: dict[str, list[tuple[str, str]]]) -> dict[str, dict[str, str]]:
    return {name: dict(options) for name, options in ref.items()}
