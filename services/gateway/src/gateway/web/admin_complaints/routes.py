"""Admin complaint pages: the organisation's complaints (status and overdue filters, pages), one
complaint with its handling steps (verify, answer with follow-up, close) and its evidence."""
from __future__ import annotations

import math
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.common import form_text, page, read_form
from gateway.web.forms import Rejection, submit_form
from gateway.web.menus import admin_menu
from gateway.web.service_calls import valid_id
from gateway.web.session import WebUser, require_admin
from gateway.web.shared.paging import pager
from gateway.web.shared.survey_client import SERVICE, ensure_ok, survey

router = APIRouter(include_in_schema=False)
PER_PAGE = 20
STATUSES = ("received", "verified", "answered", "closed")
STEPS = {"verifikasi": ("verify", "adu_verified_flash"), "jawab": ("answer", "adu_answered_flash"),
         "tutup": ("close", "adu_closed_flash")}
STEP_FIELDS = ("note", "answer", "follow_up")


async def _orgs(request: Request, user: WebUser) -> list[tuple[str, str]]:
    if user.claims.role != "superadmin":
        return []
    data = ensure_ok(request, await survey(request, "GET", "/public/complaint-orgs"))
    return [(i["org_id"], i["org_name"]) for i in data.get("items") or []]


@router.get("/admin/pengaduan")
async def complaints(request: Request, org: str = Query("", max_length=64), status: str = Query("", max_length=20),
                     lewat: str = Query("", max_length=5),
                     page_no: int = Query(1, alias="page", ge=1, le=10_000)) -> Response:
    user = await require_admin(request)
    orgs = await _orgs(request, user)
    org = org if org and valid_id(org) else ""
    status = status if status in STATUSES else ""
    overdue = lewat == "1"
    params: dict = {"page": page_no, "per_page": PER_PAGE}
    if org:
        params["org_id"] = org
    if status:
        params["status"] = status
    if overdue:
        params["overdue"] = "true"
    data = ensure_ok(request, await survey(request, "GET", "/admin/complaints", user=user, params=params))
    pages = max(1, math.ceil(int(data.get("total") or 0) / PER_PAGE))
    query = {"org": org, "status": status, "lewat": "1" if overdue else ""}
    return page(request, "admin_complaints/list.html", user=user, nav="pengaduan", menu=admin_menu(),
                title=t("adu_admin_title"), items=data.get("items") or [], total=data.get("total") or 0,
                orgs=orgs, org=org, status=status, overdue=overdue,
                statuses=[(s, t("adu_step_" + {"received": "received", "verified": "verified",
                                                 "answered": "answered", "closed": "closed"}[s])) for s in STATUSES],
                pager=pager("/admin/pengaduan", query, page_no, pages),
                back="/admin/pengaduan?" + urlencode({k: v for k, v in query.items() if v}))


async def _detail(request: Request, user: WebUser, complaint_id: str, *, values=None, errors=None, alert=None,
                  status_code: int = 200) -> Response:
    c = ensure_ok(request, await survey(request, "GET", f"/admin/complaints/{complaint_id}", user=user))
    return page(request, "admin_complaints/detail.html", status_code=status_code, user=user, nav="pengaduan",
                menu=admin_menu(), layout="app_layout.html", title=t("adu_page_title", ticket=c["ticket"]), c=c,
                admin_view=True, evidence=f"/admin/pengaduan/{complaint_id}/bukti" if c.get("has_evidence") else None,
                values=values or {}, errors=errors or {}, alert=alert)


@router.get("/admin/pengaduan/{complaint_id}")
async def detail(complaint_id: str, request: Request) -> Response:
    user = await require_admin(request)
    if not valid_id(complaint_id):
        raise HTTPException(404)
    return await _detail(request, user, complaint_id)


@router.get("/admin/pengaduan/{complaint_id}/bukti")
async def evidence(complaint_id: str, request: Request) -> Response:
    user = await require_admin(request)
    if not valid_id(complaint_id):
        raise HTTPException(404)
    result = await survey(request, "GET", f"/admin/complaints/{complaint_id}/evidence", user=user)
    if result.status != 200:
        raise HTTPException(404)
    headers = {k: result.headers[k] for k in ("Content-Type", "Content-Disposition") if k in result.headers}
    headers.update({"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"})
    return Response(result.body, headers=headers)


@router.post("/admin/pengaduan/{complaint_id}/{step}")
async def step(complaint_id: str, step: str, request: Request) -> Response:
    user = await require_admin(request)
    if not valid_id(complaint_id) or step not in STEPS:
        raise HTTPException(404)
    posted = await read_form(request, max_files=0)
    values = {k: form_text(posted, k)[:4000] for k in STEP_FIELDS}
    action, flash = STEPS[step]

    async def failed(r: Rejection) -> Response:
        return await _detail(request, user, complaint_id, values=values, errors=r.errors,
                             alert=r.alert(), status_code=r.status)

    return await submit_form(request, SERVICE, survey(request, "POST", f"/admin/complaints/{complaint_id}/{action}",
                                                      user=user, data=values),
                             flash=flash, then=f"/admin/pengaduan/{complaint_id}", again=failed)
