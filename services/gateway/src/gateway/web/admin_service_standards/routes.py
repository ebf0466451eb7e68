"""Admin page of the Standar Pelayanan: each service's six components and the time limits; saving
publishes them (identity emits ServiceStandardsPublished). Admins edit their organisation; a superadmin picks one."""
from __future__ import annotations

import re

from fastapi import APIRouter, HTTPException, Query, Request
from starlette.datastructures import FormData
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.common import form_text, identity, page, read_form
from gateway.web.forms import Rejection, submit_form
from gateway.web.menus import admin_menu
from gateway.web.service_calls import answer_checker, valid_id
from gateway.web.session import WebUser, require_admin

router = APIRouter(include_in_schema=False)
ensure_ok = answer_checker("identity")
COMPONENTS = ("requirements", "procedure", "time_limit", "cost", "product", "complaints")
DEADLINES = ("enrollment_verification", "consultation_first_answer", "complaint_verification", "complaint_follow_up")
MAX_ROWS = 20
_ERROR = re.compile(r"^services\.(\d+)\.(\w+)$")


async def _org_choice(request: Request, user: WebUser, org: str) -> tuple[str, list[tuple[str, str]]]:
    if user.claims.role != "superadmin":
        if not user.claims.org:
            raise HTTPException(403)
        return user.claims.org, []
    data = ensure_ok(request, await identity(request, "GET", "/public/service-standards"))
    orgs = [(str(i["org_id"]), str(i["org_name"])) for i in data.get("items") or []]
    if not orgs:
        raise HTTPException(404)
    chosen = org if org and valid_id(org) and any(o == org for o, _ in orgs) else orgs[0][0]
    return chosen, orgs


def _rows_of(data: dict) -> list[dict]:
    return [{"name": s.get("name", ""), **{k: s.get(k, "") for k in COMPONENTS}} for s in data.get("services") or []]


def _page(request: Request, user: WebUser, data: dict, org: str, orgs, rows: list[dict], limits: dict,
          errors=None, alert=None, status_code: int = 200) -> Response:
    blank = {"name": "", **{k: "" for k in COMPONENTS}}
    rows = [*rows, blank] if len(rows) < MAX_ROWS else rows
    return page(request, "admin_service_standards/edit.html", status_code=status_code, user=user,
                nav="standar", menu=admin_menu(), title=t("sp_admin_title"), data=data, org=org, orgs=orgs,
                rows=rows, limits=limits, components=COMPONENTS, deadlines=DEADLINES, errors=errors or {},
                alert=alert)


@router.get("/admin/standar-pelayanan")
async def edit(request: Request, org: str = Query("", max_length=64)) -> Response:
    user = await require_admin(request)
    org, orgs = await _org_choice(request, user, org)
    data = ensure_ok(request, await identity(request, "GET", f"/admin/orgs/{org}/service-standards", user=user))
    limits = {d["key"]: {"amount": str(d["amount"]), "unit": d["unit"]} for d in data.get("deadlines") or []}
    return _page(request, user, data, org, orgs, _rows_of(data), limits)


def _posted(form: FormData) -> tuple[list[dict], list[int], dict]:
    """The services kept (deleted and blank rows dropped), each one's row number, and the limits."""
    rows, numbers = [], []
    for i in range(MAX_ROWS + 1):
        if f"s{i}_name" not in form:
            continue
        row = {"name": form_text(form, f"s{i}_name")[:200], **{k: form_text(form, f"s{i}_{k}")[:2500] for k in COMPONENTS}}
        if form_text(form, f"s{i}_delete") or not any(row.values()):
            continue
        rows.append(row)
        numbers.append(i)
    limits = {k: {"amount": form_text(form, f"d_{k}_amount")[:5], "unit": form_text(form, f"d_{k}_unit")[:20]}
              for k in DEADLINES}
    return rows, numbers, limits


@router.post("/admin/standar-pelayanan")
async def save(request: Request) -> Response:
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    org, orgs = await _org_choice(request, user, form_text(form, "org"))
    rows, numbers, limits = _posted(form)

    async def failed(r: Rejection) -> Response:
        errors = {}
        for key, message in r.errors.items():
            m = _ERROR.match(key)
            if m and int(m.group(1)) < len(rows):
                errors[f"s{int(m.group(1))}_{m.group(2)}"] = message
            else:
                errors[key.replace("deadlines.", "d_").replace(".", "_")] = message
        data = ensure_ok(request, await identity(request, "GET", f"/admin/orgs/{org}/service-standards", user=user))
        return _page(request, user, data, org, orgs, rows, limits, errors=errors,
                     alert=r.detail or t("sp_save_failed"), status_code=r.status)

    call = identity(request, "PUT", f"/admin/orgs/{org}/service-standards", user=user,
                    json={"services": rows, "deadlines": limits})
    return await submit_form(request, "identity", call, flash="sp_saved",
                             then=f"/admin/standar-pelayanan?org={org}" if orgs else "/admin/standar-pelayanan",
                             again=failed)
