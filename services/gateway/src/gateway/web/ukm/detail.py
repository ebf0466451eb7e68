"""The detail page of one business, for its members (/ukm/<id>) and for admins (/admin/ukm/<id>)."""
from __future__ import annotations

import asyncio
import math

from fastapi import HTTPException, Request
from starlette.responses import Response

from gateway.web.common import page
from gateway.web.menus import admin_menu, participant_menu
from gateway.web.service_calls import valid_id
from gateway.web.session import WebUser
from gateway.web.shared.paging import pager
from gateway.web.shared.ukm_client import ensure_ok, label_maps, reference, ukm
from gateway.web.ukm import audit

AUDIT_PER_PAGE = 10


def menu_for(user: WebUser) -> list:
    return admin_menu() if user.is_admin else participant_menu()


async def load_business(request: Request, user: WebUser, business_id: str) -> dict:
    if not valid_id(business_id):
        raise HTTPException(404)
    return ensure_ok(request, await ukm(request, "GET", f"/businesses/{business_id}", user=user))


async def render_detail(request: Request, user: WebUser, business_id: str, *, admin: bool,
                        audit_page: int = 1, status_code: int = 200, alert: str | None = None,
                        errors: dict | None = None) -> Response:
    """Business, choice labels and the audit page, fetched in parallel."""
    if not valid_id(business_id):
        raise HTTPException(404)
    detail, history, ref = await asyncio.gather(
        ukm(request, "GET", f"/businesses/{business_id}", user=user),
        ukm(request, "GET", f"/businesses/{business_id}/audit", user=user,
            params={"page": audit_page, "per_page": AUDIT_PER_PAGE}),
        reference(request))
    b = ensure_ok(request, detail)
    labels = label_maps(ref)
    entries, pages = None, 1
    if history.status == 200 and isinstance(history.data, dict):  # members and admins only
        entries = audit.describe(history.data.get("items") or [], labels)
        pages = max(1, math.ceil(int(history.data.get("total") or 0) / AUDIT_PER_PAGE))
    base = f"/admin/ukm/{business_id}" if admin else f"/ukm/{business_id}"
    members = b.get("members") or []
    return page(request, "ukm/detail.html", status_code=status_code, user=user,
                nav="ukm", menu=menu_for(user), title=b.get("name") or "",
                b=b, admin=admin, base=base, entries=entries,
                audit_pager=pager(base, {}, audit_page, pages, param="riwayat", anchor="#riwayat"),
                positions=ref.get("position", []), alert=alert,
                errors=errors or {}, pending=[m for m in members if m.get("status") == "pending"],
                active=[m for m in members if m.get("status") != "pending"])
