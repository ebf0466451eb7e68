"""Public complaint pages (pengaduan): choose the unit, file (anonymously if wished), the receipt with the
ticket and follow link, the follow page; for a logged-in participant "Pengaduan Saya"."""
from __future__ import annotations

import math
import re

import aiohttp
from fastapi import APIRouter, HTTPException, Query, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.upstream import UpstreamUnavailable
from gateway.web.common import form_file, form_text, identity, page, read_form
from gateway.web.forms import Rejection, submit_form
from gateway.web.menus import participant_menu
from gateway.web.service_calls import valid_id
from gateway.web.session import WebUser, current_user, require_user
from gateway.web.shared.files import FILE_HEADERS
from gateway.web.shared.paging import pager
from gateway.web.shared.survey_client import SERVICE, ensure_ok, survey

router = APIRouter(include_in_schema=False)
FIELDS = ("service", "category", "description", "anonymous", "name", "contact", "form_token", "website")
LABELS = {"service": "adu_service", "category": "adu_category", "description": "adu_description",
          "name": "adu_name", "contact": "adu_contact", "evidence": "adu_evidence"}
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
PER_PAGE = 20


def _unit(unit: str) -> str:
    return t("sp_working_days") if unit == "working_days" else t("sp_working_hours")


async def _services(request: Request, org_id: str) -> list[str]:
    """The organisation's services from its published standard (none when identity cannot answer)."""
    try:
        result = await identity(request, "GET", f"/public/orgs/{org_id}/service-standards")
    except UpstreamUnavailable:
        return []
    data = result.data if result.ok and isinstance(result.data, dict) else {}
    return [str(s.get("name")) for s in data.get("services") or [] if isinstance(s, dict)]


async def _form_page(request: Request, org_id: str, *, values=None, errors=None, alert=None,
                     status_code: int = 200) -> Response:
    form = ensure_ok(request, await survey(request, "GET", f"/public/orgs/{org_id}/complaint-form"))
    limits = {d["key"]: f"{d['amount']} {_unit(d['unit'])}" for d in form.get("limits") or []}
    services = await _services(request, org_id)
    user = await current_user(request)
    return page(request, "complaints/form.html", status_code=status_code, user=user, title=t("adu_form_title"),
                form=form, values=values or {}, errors=errors or {}, alert=alert,
                labels={k: t(v) for k, v in LABELS.items()}, org_id=org_id, public_nav="pengaduan",
                services=[(s, s) for s in services],
                categories=[(c["key"], c["label"]) for c in form.get("categories") or []],
                verify=limits.get("complaint_verification", ""), answer=limits.get("complaint_follow_up", ""))


@router.get("/pengaduan")
async def choose(request: Request) -> Response:
    data = ensure_ok(request, await survey(request, "GET", "/public/complaint-orgs"))
    return page(request, "complaints/choose.html", user=await current_user(request), title=t("adu_title"),
                orgs=data.get("items") or [], public_nav="pengaduan")


@router.get("/pengaduan/{org_id}")
async def form(org_id: str, request: Request) -> Response:
    if not valid_id(org_id):
        raise HTTPException(404)
    return await _form_page(request, org_id)


@router.post("/pengaduan/{org_id}")
async def send(org_id: str, request: Request) -> Response:
    if not valid_id(org_id):
        raise HTTPException(404)
    posted = await read_form(request, max_files=1)
    values = {k: form_text(posted, k)[:4000] for k in FIELDS}
    user = await current_user(request)
    data = aiohttp.FormData()
    for key, value in values.items():
        data.add_field(key, value)
    upload = form_file(posted, "evidence")
    if upload is not None:
        data.add_field("evidence", await upload.read(), filename=(upload.filename or "bukti")[-200:],
                       content_type="application/octet-stream")

    async def failed(r: Rejection) -> Response:
        alert = r.detail if r.result.status in (409, 413, 429) or "form_token" in r.errors else t("adu_send_failed")
        return await _form_page(request, org_id, values=values, errors=r.errors, alert=alert, status_code=r.status)

    def receipt(result) -> Response:
        token = result.data["follow_token"]
        link = str(request.base_url).rstrip("/") + f"/pengaduan/lacak/{token}"
        return page(request, "complaints/sent.html", user=user, title=t("adu_sent_title"), ticket=result.data["ticket"],
                    link=link, path=f"/pengaduan/lacak/{token}", public_nav="pengaduan",
                    anonymous=values.get("anonymous") in ("1", "on"))

    return await submit_form(request, SERVICE, survey(request, "POST", f"/public/orgs/{org_id}/complaints",
                                                      user=user if user and not user.is_admin else None, data=data),
                             then=receipt, again=failed, fixable=(409, 413, 422, 429))


def _check_token(token: str) -> None:
    if not _TOKEN.match(token):
        raise HTTPException(404)


@router.get("/pengaduan/lacak/{token}")
async def follow(token: str, request: Request) -> Response:
    _check_token(token)
    c = ensure_ok(request, await survey(request, "GET", f"/public/complaints/{token}"))
    headers = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
    return page(request, "complaints/follow.html", user=await current_user(request), headers=headers,
                title=t("adu_follow_title", ticket=c["ticket"]), c=c, evidence=f"/pengaduan/lacak/{token}/bukti",
                public_nav="pengaduan")


@router.get("/pengaduan/lacak/{token}/bukti")
async def follow_evidence(token: str, request: Request) -> Response:
    _check_token(token)
    result = await survey(request, "GET", f"/public/complaints/{token}/evidence")
    if result.status != 200:
        raise HTTPException(404)
    return _file(result)


def _file(result) -> Response:
    headers = {name: result.headers[name] for name in (*FILE_HEADERS, "Content-Disposition") if name in result.headers}
    headers["Cache-Control"] = "private, no-store"
    headers["X-Content-Type-Options"] = "nosniff"
    return Response(result.body, headers=headers)


async def _participant(request: Request) -> WebUser:
    user = await require_user(request)
    if user.is_admin:
        raise HTTPException(403)
    return user


@router.get("/pengaduan-saya")
async def mine(request: Request, page_no: int = Query(1, alias="page", ge=1, le=10_000)) -> Response:
    user = await _participant(request)
    data = ensure_ok(request, await survey(request, "GET", "/me/complaints", user=user,
                                           params={"page": page_no, "per_page": PER_PAGE}))
    pages = max(1, math.ceil(int(data.get("total") or 0) / PER_PAGE))
    return page(request, "complaints/mine.html", user=user, nav="pengaduan", menu=participant_menu(),
                title=t("adu_mine"), items=data.get("items") or [], pager=pager("/pengaduan-saya", {}, page_no, pages))


@router.get("/pengaduan-saya/{complaint_id}")
async def my_one(complaint_id: str, request: Request) -> Response:
    user = await _participant(request)
    if not valid_id(complaint_id):
        raise HTTPException(404)
    c = ensure_ok(request, await survey(request, "GET", f"/me/complaints/{complaint_id}", user=user))
    return page(request, "complaints/follow.html", user=user, nav="pengaduan", menu=participant_menu(),
                layout="app_layout.html", title=t("adu_follow_title", ticket=c["ticket"]), c=c, evidence=None)
