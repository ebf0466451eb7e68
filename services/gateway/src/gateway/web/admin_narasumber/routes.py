"""Narasumber, admin side (organisation-scoped; a superadmin picks an organisation): registrations with the
two-level review (the team recommends, another admin decides), letters, assignment to a training's modules;
requests from outside bodies with the head's decision and the confirmation letter; the letterhead."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.common import form_text, page, read_form
from gateway.web.forms import Rejection, submit_form
from gateway.web.menus import admin_menu
from gateway.web.service_calls import org_param, valid_id
from gateway.web.session import WebUser, require_admin
from gateway.web.shared.narasumber_client import pdf
from gateway.web.shared.training_client import SERVICE, check_id, ensure_ok, items_of, pager, training

router = APIRouter(include_in_schema=False)
BASE = "/admin/narasumber"
PER_PAGE = 20
REG_STATUSES = ("submitted", "recommended", "approved", "rejected")
REQ_STATUSES = ("submitted", "approved", "rejected")
OFFICE_FIELDS = ("name", "parent", "address", "place", "head_position", "head_name", "head_nip")


async def _offices(request: Request) -> list[dict]:
    return items_of(ensure_ok(request, await training(request, "GET", "/narasumber/offices")))


def _frame(user: WebUser, tab: str, **context: object) -> dict:
    return dict(user=user, nav="narasumber", menu=admin_menu(), tab=tab, superadmin=user.claims.role == "superadmin",
                **context)


async def _list_page(request: Request, *, statuses: object, status: str, q: str, org: str, page_no: int,
                     endpoint: str, template: str, title: str, tab: str, path: str) -> Response:
    user = await require_admin(request)
    filters = {"status": status if status in statuses else "", "q": q.strip(), "org": org_param(org.strip())}
    params: dict = {"page": page_no, "per_page": PER_PAGE}
    params.update({k: v for k, v in (("status", filters["status"]), ("q", filters["q"]),
                                     ("org_id", filters["org"] if user.claims.role == "superadmin" else "")) if v})
    data = ensure_ok(request, await training(request, "GET", endpoint, user=user, params=params))
    total = int(data.get("total") or 0)
    return page(request, template, title=t(title),
                **_frame(user, tab, items=items_of(data), total=total, filters=filters,
                         offices=await _offices(request), pager=pager(path, filters, page_no, total, PER_PAGE)))


# -- registrations ---------------------------------------------------------------------------------

@router.get(BASE)
async def registrations(request: Request, status: str = Query("", max_length=20), q: str = Query("", max_length=100),
                        org: str = Query("", max_length=64), page_no: int = Query(1, alias="page", ge=1, le=10_000)
                        ) -> Response:
    return await _list_page(request, statuses=REG_STATUSES, status=status, q=q, org=org, page_no=page_no,
                            endpoint="/admin/narasumber", template="admin_narasumber/list.html",
                            title="ns_admin_title", tab="registrations", path=BASE)


# -- requests (before /{narasumber_id}) ------------------------------------------------------------

@router.get(f"{BASE}/permintaan")
async def requests(request: Request, status: str = Query("", max_length=20), q: str = Query("", max_length=100),
                   org: str = Query("", max_length=64), page_no: int = Query(1, alias="page", ge=1, le=10_000)
                   ) -> Response:
    return await _list_page(request, statuses=REQ_STATUSES, status=status, q=q, org=org, page_no=page_no,
                            endpoint="/admin/narasumber-requests", template="admin_narasumber/requests.html",
                            title="ns_tab_requests", tab="requests", path=f"{BASE}/permintaan")


async def _request_page(request: Request, user: WebUser, request_id: str, *, errors: dict | None = None,
                        values: dict | None = None, alert: str | None = None, status_code: int = 200) -> Response:
    data = ensure_ok(request, await training(request, "GET", f"/admin/narasumber-requests/{request_id}", user=user))
    return page(request, "admin_narasumber/request.html", status_code=status_code, title=t("ns_req_detail_title"),
                **_frame(user, "requests", r=data, errors=errors or {}, values=values or {}, alert=alert))


@router.get(f"{BASE}/permintaan/{{request_id}}")
async def request_detail(request_id: str, request: Request) -> Response:
    check_id(request_id)
    return await _request_page(request, await require_admin(request), request_id)


@router.post(f"{BASE}/permintaan/{{request_id}}/keputusan")
async def request_decide(request_id: str, request: Request) -> Response:
    check_id(request_id)
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    values = {k: form_text(form, k) for k in ("decision", "narasumber_id", "reason")}
    body: dict = {"decision": values["decision"], "reason": values["reason"][:500]}
    if values["decision"] not in ("approve", "reject"):
        return await _request_page(request, user, request_id, values=values, status_code=422,
                                   errors={"decision": t("ns_failed")}, alert=t("ns_failed"))
    if values["narasumber_id"] and valid_id(values["narasumber_id"]):
        body["narasumber_id"] = values["narasumber_id"]

    async def failed(r: Rejection) -> Response:
        return await _request_page(request, user, request_id, values=values, errors=r.errors, status_code=r.status,
                                   alert=r.alert(t("ns_failed")))

    return await submit_form(request, SERVICE,
                             training(request, "POST", f"/admin/narasumber-requests/{request_id}/decision", user=user,
                                      json=body),
                             flash="ns_req_decided_flash", then=f"{BASE}/permintaan/{request_id}", again=failed,
                             fixable={409, 422})


@router.get(f"{BASE}/permintaan/{{request_id}}/surat-permintaan")
async def request_letter(request_id: str, request: Request) -> Response:
    check_id(request_id)
    return await pdf(request, await require_admin(request), f"/admin/narasumber-requests/{request_id}/letter")


@router.get(f"{BASE}/permintaan/{{request_id}}/surat")
async def request_answer(request_id: str, request: Request) -> Response:
    check_id(request_id)
    return await pdf(request, await require_admin(request), f"/admin/narasumber-requests/{request_id}/answer")


# -- letterhead ------------------------------------------------------------------------------------

async def _office_page(request: Request, user: WebUser, org: str, *, values: dict | None = None,
                       errors: dict | None = None, alert: str | None = None, status_code: int = 200) -> Response:
    offices = await _offices(request)
    data = None
    if org:
        data = ensure_ok(request, await training(request, "GET", f"/admin/narasumber/office/{org}", user=user))
    return page(request, "admin_narasumber/office.html", status_code=status_code, title=t("ns_office_title"),
                **_frame(user, "office", org=org, offices=offices, values=values or data or {}, errors=errors or {},
                         alert=alert))


def _own_org(user: WebUser, org: str) -> str:
    return org_param(org) if user.claims.role == "superadmin" else (user.claims.org or "")


@router.get(f"{BASE}/kop-surat")
async def office(request: Request, org: str = Query("", max_length=64)) -> Response:
    user = await require_admin(request)
    return await _office_page(request, user, _own_org(user, org.strip()))


@router.post(f"{BASE}/kop-surat")
async def save_office(request: Request) -> Response:
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    org = _own_org(user, form_text(form, "org"))
    if not org:
        raise HTTPException(404)
    values = {k: form_text(form, k)[:300] for k in OFFICE_FIELDS}

    async def failed(r: Rejection) -> Response:
        return await _office_page(request, user, org, values=values, errors=r.errors, status_code=r.status,
                                  alert=t("ns_failed"))

    target = f"{BASE}/kop-surat" + (f"?org={org}" if user.claims.role == "superadmin" else "")
    return await submit_form(request, SERVICE,
                             training(request, "PUT", f"/admin/narasumber/office/{org}", user=user, json=values),
                             flash="ns_office_saved", then=target, again=failed, fixable={422})


# -- one registration ------------------------------------------------------------------------------

async def _detail_page(request: Request, user: WebUser, narasumber_id: str, *, errors: dict | None = None,
                       values: dict | None = None, alert: str | None = None, status_code: int = 200) -> Response:
    data = ensure_ok(request, await training(request, "GET", f"/narasumber/{narasumber_id}", user=user))
    return page(request, "admin_narasumber/detail.html", status_code=status_code, title=t("ns_detail_title"),
                **_frame(user, "registrations", n=data, errors=errors or {}, values=values or {}, alert=alert))


@router.get(f"{BASE}/{{narasumber_id}}")
async def detail(narasumber_id: str, request: Request) -> Response:
    check_id(narasumber_id)
    return await _detail_page(request, await require_admin(request), narasumber_id)


async def _decision(request: Request, narasumber_id: str, step: str, flash: str) -> Response:
    check_id(narasumber_id)
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    values = {f"{step}_decision": form_text(form, "decision"), f"{step}_reason": form_text(form, "reason")}
    decision = form_text(form, "decision")
    if decision not in ("approve", "reject"):
        return await _detail_page(request, user, narasumber_id, values=values, status_code=422,
                                  errors={f"{step}_decision": t("ns_failed")}, alert=t("ns_failed"))

    async def failed(r: Rejection) -> Response:
        errors = {f"{step}_{k}": v for k, v in r.errors.items()}
        return await _detail_page(request, user, narasumber_id, values=values, errors=errors, status_code=r.status,
                                  alert=r.alert(t("ns_failed")))

    path = "recommendation" if step == "rec" else "decision"
    return await submit_form(request, SERVICE,
                             training(request, "POST", f"/admin/narasumber/{narasumber_id}/{path}", user=user,
                                      json={"decision": decision, "reason": form_text(form, "reason")[:1000]}),
                             flash=flash, then=f"{BASE}/{narasumber_id}", again=failed, fixable={403, 409, 422})


@router.post(f"{BASE}/{{narasumber_id}}/rekomendasi")
async def recommend(narasumber_id: str, request: Request) -> Response:
    return await _decision(request, narasumber_id, "rec", "ns_recommended")


@router.post(f"{BASE}/{{narasumber_id}}/keputusan")
async def decide(narasumber_id: str, request: Request) -> Response:
    return await _decision(request, narasumber_id, "dec", "ns_decided")


@router.post(f"{BASE}/{{narasumber_id}}/penugasan")
async def assign(narasumber_id: str, request: Request) -> Response:
    check_id(narasumber_id)
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    values = {k: form_text(form, k) for k in ("training_id", "module", "day")}
    if not valid_id(values["training_id"]):
        return await _detail_page(request, user, narasumber_id, values=values, status_code=422,
                                  errors={"training_id": t("ns_failed")}, alert=t("ns_failed"))

    async def failed(r: Rejection) -> Response:
        return await _detail_page(request, user, narasumber_id, values=values, errors=r.errors, status_code=r.status,
                                  alert=r.alert(t("ns_failed")))

    return await submit_form(request, SERVICE,
                             training(request, "POST", f"/admin/narasumber/{narasumber_id}/assignments", user=user,
                                      json={"training_id": values["training_id"], "module": values["module"][:300],
                                            "day": values["day"][:10]}),
                             accept=lambda r: r.status == 201, flash="ns_assigned", then=f"{BASE}/{narasumber_id}",
                             again=failed, fixable={403, 409, 422})


@router.get(f"{BASE}/{{narasumber_id}}/surat")
async def letter(narasumber_id: str, request: Request) -> Response:
    check_id(narasumber_id)
    return await pdf(request, await require_admin(request), f"/narasumber/{narasumber_id}/letter")


@router.get(f"{BASE}/{{narasumber_id}}/berkas/{{kind}}")
async def document(narasumber_id: str, kind: str, request: Request) -> Response:
    check_id(narasumber_id)
    if kind not in ("cv", "certificate"):
        raise HTTPException(404)
    return await pdf(request, await require_admin(request), f"/narasumber/{narasumber_id}/documents/{kind}")
