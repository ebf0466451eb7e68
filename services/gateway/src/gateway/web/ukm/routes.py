"""Participant pages of UKM/Koperasi: choose and join, detail, members, product visibility."""
from __future__ import annotations

import asyncio

from fastapi import APIRouter, HTTPException, Query, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.common import form_text, page, read_form, redirect
from gateway.web.forms import Rejection, submit_form, user_errors
from gateway.web.menus import participant_menu
from gateway.web.service_calls import valid_id
from gateway.web.session import WebUser, require_admin, require_user
from gateway.web.shared.ukm_client import SERVICE, ensure_ok, my_businesses, reference, ukm
from gateway.web.ukm.detail import render_detail

router = APIRouter(include_in_schema=False)


async def _pick_page(request: Request, user: WebUser, q: str, kind: str, *, status_code: int = 200,
                     alert: str | None = None, position_error: dict | None = None) -> Response:
    found, mine, ref = await asyncio.gather(
        ukm(request, "GET", "/businesses", user=user, params={"q": q} if q else None),
        my_businesses(request, user), reference(request))
    items = [i for i in ensure_ok(request, found).get("items") or [] if isinstance(i, dict)]
    if kind:
        items = [i for i in items if i.get("kind") == kind]
    status = {m["id"]: m.get("status") for m in mine or [] if m.get("id")}
    return page(request, "ukm/pick.html", status_code=status_code, user=user, nav="ukm",
                menu=participant_menu(), title=t("ukm_pick_title"), items=items, q=q, kind=kind,
                kinds=ref.get("kind", []), positions=ref.get("position", []), mine=status,
                alert=alert, position_error=position_error or {})


@router.get("/ukm")
async def pick(request: Request, q: str = Query("", max_length=100),
               kind: str = Query("", max_length=20)) -> Response:
    """"Pilih Data UKM/Koperasi": search by name, then ask to join with a jabatan."""
    user = await require_user(request)
    if user.is_admin:
        return redirect("/admin/ukm")
    return await _pick_page(request, user, q.strip(), kind.strip())


@router.post("/ukm/{business_id}/gabung")
async def join(business_id: str, request: Request) -> Response:
    user = await require_user(request)
    form = await read_form(request, max_files=0)
    if not valid_id(business_id):
        raise HTTPException(404)
    position = form_text(form, "position")

    async def failed(r: Rejection) -> Response:
        errors = {business_id: r.first_error(t("ukm_join_failed"))}
        return await _pick_page(request, user, form_text(form, "q"), "", status_code=r.status,
                                alert=t("ukm_join_failed"), position_error=errors)

    return await submit_form(request, SERVICE, ukm(request, "POST", f"/businesses/{business_id}/members",
                                                   user=user, json={"position": position}),
                             accept=lambda r: r.status in (200, 201), flash="ukm_join_requested",
                             then="/dashboard", again=failed)


@router.get("/ukm/{business_id}")
async def detail(business_id: str, request: Request,
                 riwayat: int = Query(1, ge=1, le=10_000)) -> Response:
    user = await require_user(request)
    if user.is_admin and valid_id(business_id):
        return redirect(f"/admin/ukm/{business_id}" + (f"?riwayat={riwayat}" if riwayat > 1 else ""))
    return await render_detail(request, user, business_id, admin=False, audit_page=riwayat)


async def _action(request: Request, business_id: str, method: str, path: str, flash: str,
                  back: str = "", admin_only: bool = False, reason: bool = False) -> Response:
    """A small state change posted from the detail page; errors come back on the same page."""
    user = await (require_admin(request) if admin_only else require_user(request))
    form = await read_form(request, max_files=0)
    if not valid_id(business_id):
        raise HTTPException(404)
    admin = admin_only or (form_text(form, "admin") == "1" and user.is_admin)
    body = None
    if reason:
        text = " ".join(form_text(form, "reason").split())
        if len(text) < 5:
            return await render_detail(request, user, business_id, admin=admin, status_code=422,
                                       alert=t("gallery_reason_short"),
                                       errors={"reason": t("gallery_reason_short"),
                                               "reason_for": back.removeprefix("#produk-")})
        body = {"reason": text[:500]}

    async def failed(r: Rejection) -> Response:
        return await render_detail(request, user, business_id, admin=admin, status_code=r.status,
                                   alert=r.first_error(t("error_500_body")), errors=r.errors)

    base = f"/admin/ukm/{business_id}" if admin else f"/ukm/{business_id}"
    return await submit_form(request, SERVICE, ukm(request, method, path, user=user, json=body),
                             flash=flash, then=base + back, again=failed, fixable=user_errors)


@router.post("/ukm/{business_id}/anggota/{member_id}/setujui")
async def approve(business_id: str, member_id: str, request: Request) -> Response:
    if not valid_id(member_id):
        raise HTTPException(404)
    return await _action(request, business_id, "POST",
                         f"/businesses/{business_id}/members/{member_id}/approve",
                         "ukm_member_approved", back="#anggota")


@router.post("/ukm/{business_id}/anggota/{member_id}/tolak")
async def reject(business_id: str, member_id: str, request: Request) -> Response:
    if not valid_id(member_id):
        raise HTTPException(404)
    return await _action(request, business_id, "DELETE",
                         f"/businesses/{business_id}/members/{member_id}",
                         "ukm_member_removed", back="#anggota")


@router.post("/ukm/{business_id}/produk/{product_id}/sembunyikan")
async def hide(business_id: str, product_id: str, request: Request) -> Response:
    if not valid_id(product_id):
        raise HTTPException(404)
    return await _action(request, business_id, "POST", f"/products/{product_id}/hide",
                         "ukm_product_hidden", back=f"#produk-{product_id}")


@router.post("/ukm/{business_id}/produk/{product_id}/tampilkan")
async def unhide(business_id: str, product_id: str, request: Request) -> Response:
    if not valid_id(product_id):
        raise HTTPException(404)
    return await _action(request, business_id, "POST", f"/products/{product_id}/unhide",
                         "ukm_product_shown", back=f"#produk-{product_id}")


@router.post("/admin/ukm/{business_id}/produk/{product_id}/turunkan")
async def unpublish(business_id: str, product_id: str, request: Request) -> Response:
    """Admin: take a product out of the E-Dukasi gallery, with a reason."""
    if not valid_id(product_id):
        raise HTTPException(404)
    return await _action(request, business_id, "POST", f"/admin/products/{product_id}/unpublish",
                         "gallery_unpublished", back=f"#produk-{product_id}", admin_only=True,
                         reason=True)


@router.post("/admin/ukm/{business_id}/produk/{product_id}/tampilkan")
async def republish(business_id: str, product_id: str, request: Request) -> Response:
    if not valid_id(product_id):
        raise HTTPException(404)
    return await _action(request, business_id, "POST", f"/admin/products/{product_id}/republish",
                         "gallery_republished", back=f"#produk-{product_id}", admin_only=True)
