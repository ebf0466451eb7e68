"""Calls from the lodging pages to the lodging service, and the dashboard's "what to do next"."""
from __future__ import annotations

from fastapi import HTTPException, Request

from gateway.upstream import UpstreamResponse, UpstreamUnavailable
from gateway.web.service_calls import answer_checker, call_service, valid_id
from gateway.web.session import WebUser

SERVICE = "lodging"
ensure_ok = answer_checker(SERVICE)


async def lodging(request: Request, method: str, path: str, *, user: WebUser, **kwargs) -> UpstreamResponse:
    """One call to the lodging service with the session's token."""
    return await call_service(request, SERVICE, method, path, user=user, **kwargs)


def check_id(*values: str) -> None:
    if not all(valid_id(v) for v in values):
        raise HTTPException(404)


def can_check_in(stay: dict, today: str) -> bool:
    return stay.get("status") == "assigned" and stay["first_night"] <= today <= stay["last_night"]


async def rooms_to_confirm(request: Request, user: WebUser) -> list[str]:
    """Room codes waiting for the participant's check-in confirmation now (empty when unknown)."""
    try:
        result = await lodging(request, "GET", "/me/stays", user=user)
    except UpstreamUnavailable:
        return []
    if result.status != 200 or not isinstance(result.data, dict):
        return []
    today = str(result.data.get("today") or "")
    return [s["room_code"] for s in result.data.get("items") or [] if isinstance(s, dict) and can_check_in(s, today)]


async def org_choices(request: Request, user: WebUser, org: str) -> tuple[str, list[str]]:
    """A superadmin picks the organisation (default: the first with a dormitory); an admin has one."""
    if user.claims.role != "superadmin":
        return "", []
    data = ensure_ok(request, await lodging(request, "GET", "/admin/organisations", user=user))
    orgs = [str(o["org_id"]) for o in data.get("items") or [] if isinstance(o, dict)]
    return (org if org in orgs else (orgs[0] if orgs else "")), orgs
