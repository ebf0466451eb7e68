"""Admin console (admin and superadmin): home, participants list and detail."""
from __future__ import annotations

import math
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from gateway.errors import error_page
from gateway.i18n import t
from gateway.web.admin import dashboard
from gateway.web.common import identity, page
from gateway.web.menus import ADMIN_SOON, admin_menu
from gateway.web.service_calls import org_param
from gateway.web.session import require_admin

router = APIRouter(include_in_schema=False)
PER_PAGE = 20


@router.get("/admin")
async def admin_home(request: Request, org: str = Query("", max_length=64)) -> Response:
    """The dashboard: tiles of what waits, each from its own service, each degrading alone."""
    user = await require_admin(request)
    data = await dashboard.tiles(request, user, org_param(org.strip()))
    return page(request, "admin/home.html", user=user, nav="dashboard", menu=admin_menu(),
                title=t("admin_title"), **data)


@router.get("/admin/peserta")
async def participants(
    request: Request,
    q: str = Query("", max_length=100),
    page_no: int = Query(1, alias="page", ge=1, le=10_000),
    sort: str = Query("created_at", pattern="^(created_at|full_name)$"),
    order: str = Query("desc", pattern="^(asc|desc)$"),
) -> Response:
    user = await require_admin(request)
    q = q.strip()
    params = {"page": page_no, "per_page": PER_PAGE, "sort": sort, "order": order}
    if q:
        params["q"] = q
    result = await identity(request, "GET", "/admin/participants", user=user, params=params)
    if not result.ok or not isinstance(result.data, dict):
        return error_page(403 if result.status == 403 else 503)
    data = result.data
    total = int(data.get("total") or 0)
    pages = max(1, math.ceil(total / PER_PAGE))

    def link(**changes: object) -> str:
        merged = {"q": q, "sort": sort, "order": order, "page": page_no, **changes}
        return "/admin/peserta?" + urlencode({k: v for k, v in merged.items() if v not in ("", None)})

    def sort_link(column: str) -> str:
        new_order = "asc" if sort != column or order == "desc" else "desc"
        return link(sort=column, order=new_order, page=1)

    return page(request, "admin/participants.html", user=user, nav="peserta", menu=admin_menu(),
                title=t("participants_title"), items=data.get("items") or [], total=total,
                page_no=page_no, pages=pages, q=q, sort=sort, order=order,
                prev_url=link(page=page_no - 1) if page_no > 1 else None,
                next_url=link(page=page_no + 1) if page_no < pages else None,
                sort_link=sort_link)


@router.get("/admin/peserta/{participant_id}")
async def participant_detail(participant_id: str, request: Request) -> Response:
    user = await require_admin(request)
    if len(participant_id) > 64 or "/" in participant_id:
        return error_page(404)
    result = await identity(request, "GET", f"/admin/participants/{participant_id}", user=user)
    if result.status in (404, 422) or (result.ok and not isinstance(result.data, dict)):
        return error_page(404)
    if not result.ok:
        return error_page(403 if result.status == 403 else 503)
    # the answer may carry a full NIK/KK: the edge marks every logged-in answer no-store
    return page(request, "admin/participant_detail.html", user=user, nav="peserta",
                menu=admin_menu(), title=t("participant_detail"), me=result.data)


@router.get("/admin/segera-hadir/{slug}")
async def admin_coming_soon(slug: str, request: Request) -> Response:
    user = await require_admin(request)
    if slug not in ADMIN_SOON:
        return error_page(404)
    return page(request, "coming_soon.html", user=user, nav=slug, menu=admin_menu(),
                title=t(ADMIN_SOON[slug]))
