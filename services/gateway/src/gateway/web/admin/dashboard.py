"""The admin dashboard's tiles: what waits for the admin, composed from the services in parallel."""
from __future__ import annotations

import asyncio

from fastapi import Request

from gateway.web.session import WebUser
from gateway.web.shared.tiles import fetch_json


async def _participants_total(request: Request, user: WebUser) -> int | None:
    data = await fetch_json(request, user, "identity", "/admin/participants", {"page": 1, "per_page": 1})
    return data.get("total") if data else None


def _ikm_for(data: dict | None, org: str) -> tuple[list[dict] | None, list[tuple[str, str]]]:
    """The IKM lines of the organisation (all for a superadmin without a choice) and the org names."""
    if data is None:
        return None, []
    items = [i for i in data.get("items") or [] if isinstance(i, dict)]
    names = sorted(((str(i.get("org_id")), str(i.get("org_name") or "")) for i in items), key=lambda x: x[1])
    return ([i for i in items if str(i.get("org_id")) == org] if org else items), names


async def tiles(request: Request, user: WebUser, chosen: str) -> dict:
    """Every tile's data (None where its service cannot answer now), fetched at the same time."""
    superadmin = user.claims.role == "superadmin"
    org = chosen if superadmin else (user.claims.org or "")
    params = {"org_id": chosen} if superadmin and chosen else None
    training, lodging, certificate, ikm, total, narasumber, complaints, consultation = await asyncio.gather(
        fetch_json(request, user, "training", "/admin/summary", params),
        fetch_json(request, user, "lodging", "/admin/summary", params),
        fetch_json(request, user, "certificate", "/admin/summary", params),
        fetch_json(request, None, "survey", "/public/ikm"),
        _participants_total(request, user),
        fetch_json(request, user, "training", "/admin/narasumber/summary", params),
        fetch_json(request, user, "survey", "/admin/complaints/summary", params),
        fetch_json(request, user, "training", "/admin/consultations/summary", params))
    skm, orgs = _ikm_for(ikm, org)
    return dict(training=training, lodging=lodging, certificate=certificate, skm=skm, complaints=complaints,
                orgs=orgs if superadmin else [], org=org, total=total, narasumber=narasumber,
                consultation=consultation)
