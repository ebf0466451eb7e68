"""Admin pages: all UKM/Koperasi (search, size class), one business with its audit, the gallery."""
from __future__ import annotations

import math

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.common import page
from gateway.web.menus import admin_menu
from gateway.web.session import require_admin
from gateway.web.shared.paging import pager
from gateway.web.shared.ukm_client import ensure_ok, ukm
from gateway.web.ukm.detail import render_detail

router = APIRouter(include_in_schema=False)
PER_PAGE = 20


@router.get("/admin/ukm")
async def businesses(request: Request, q: str = Query("", max_length=100),
                     page_no: int = Query(1, alias="page", ge=1, le=10_000)) -> Response:
    user = await require_admin(request)
    q = q.strip()
    params = {"page": page_no, "per_page": PER_PAGE, **({"q": q} if q else {})}
    data = ensure_ok(request, await ukm(request, "GET", "/admin/businesses", user=user, params=params))
    total = int(data.get("total") or 0)
    pages = max(1, math.ceil(total / PER_PAGE))
    return page(request, "ukm/admin_list.html", user=user, nav="ukm", menu=admin_menu(),
                title=t("ukm_admin_title"), items=data.get("items") or [], total=total, q=q,
                pager=pager("/admin/ukm", {"q": q}, page_no, pages))


@router.get("/admin/ukm/{business_id}")
async def business(business_id: str, request: Request,
                   riwayat: int = Query(1, ge=1, le=10_000)) -> Response:
    user = await require_admin(request)
    return await render_detail(request, user, business_id, admin=True, audit_page=riwayat)


@router.get("/admin/galeri")
async def gallery(request: Request, q: str = Query("", max_length=100),
                  page_no: int = Query(1, alias="page", ge=1, le=10_000)) -> Response:
    """The products now shown in E-Dukasi; moderation happens on the business's page."""
    user = await require_admin(request)
    q = q.strip()
    params = {"page": page_no, "per_page": PER_PAGE, **({"q": q} if q else {})}
    data = ensure_ok(request, await ukm(request, "GET", "/gallery", params=params))
    pages = max(1, int(data.get("pages") or 1))
    return page(request, "ukm/admin_gallery.html", user=user, nav="galeri", menu=admin_menu(),
                title=t("gallery_admin_title"), items=data.get("items") or [],
                total=int(data.get("total") or 0), q=q,
                pager=pager("/admin/galeri", {"q": q}, page_no, pages))
