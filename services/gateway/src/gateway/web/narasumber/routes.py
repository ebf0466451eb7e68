"""Narasumber, public and participant side: the information page with the registration form (a signed-in
ordinary account, so that the same account later sees "Jadwal Mengajar"), the applicant's registrations and
letters, Jadwal Mengajar; and the public "Permintaan Narasumber" form for outside bodies with the status
page behind its unguessable link."""
from __future__ import annotations

import asyncio
import re

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.upstream import UpstreamResponse
from gateway.web.common import form_text, page, read_form
from gateway.web.forms import Rejection, submit_form
from gateway.web.menus import admin_menu, participant_menu
from gateway.web.service_calls import valid_id
from gateway.web.session import WebUser, current_user, require_user
from gateway.web.shared.narasumber_client import multipart, pdf
from gateway.web.shared.training_client import SERVICE, ensure_ok, items_of, training

router = APIRouter(include_in_schema=False)
PROFILE_FIELDS = ("org_id", "full_name", "email", "phone", "expertise", "education", "experience")
REQUEST_FIELDS = ("org_id", "body_name", "contact_name", "contact_email", "contact_phone", "letter_number",
                  "letter_date", "topic", "event_date", "place", "audience")
TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def chrome(user: WebUser | None, nav: str = "narasumber") -> dict:
    """The sidebar for signed-in users, the public layout otherwise."""
    if user is None:
        return {"layout": "base.html"}
    return {"layout": "app_layout.html", "nav": nav, "menu": admin_menu() if user.is_admin else participant_menu()}


async def _offices(request: Request) -> dict:
    return ensure_ok(request, await training(request, "GET", "/narasumber/offices"))


async def _info_page(request: Request, user: WebUser | None, *, values: dict | None = None,
                     errors: dict | None = None, alert: str | None = None, status_code: int = 200) -> Response:
    applicant = user is not None and not user.is_admin
    offices, mine = await asyncio.gather(
        _offices(request), training(request, "GET", "/narasumber/mine", user=user) if applicant else asyncio.sleep(0))
    mine_data = ensure_ok(request, mine) if applicant else {}
    return page(request, "narasumber/info.html", status_code=status_code, user=user, **chrome(user),
                title=t("ns_title"), offices=items_of(offices), modules=offices.get("modules") or [],
                education=offices.get("education") or [], applicant=applicant, mine=items_of(mine_data),
                approved=bool(mine_data.get("approved")), values=values or {}, errors=errors or {}, alert=alert)


@router.get("/narasumber")
async def info(request: Request) -> Response:
    return await _info_page(request, await current_user(request))


@router.post("/narasumber")
async def register(request: Request) -> Response:
    user = await require_user(request)
    if user.is_admin:
        raise HTTPException(403)
    form = await read_form(request, max_files=2)
    values = {k: form_text(form, k) for k in PROFILE_FIELDS}
    values["modules"] = [v for v in form.getlist("modules") if isinstance(v, str)]
    body = await multipart(form, PROFILE_FIELDS, ("modules",), ("cv", "certificate"))

    async def failed(r: Rejection) -> Response:
        return await _info_page(request, user, values=values, errors=r.errors, status_code=r.status,
                                alert=r.detail if r.status == 409 else t("ns_register_failed"))

    return await submit_form(request, SERVICE, training(request, "POST", "/narasumber", user=user, data=body),
                             accept=lambda r: r.status == 201, flash="ns_registered", then="/narasumber#saya",
                             again=failed, fixable={400, 409, 413, 422})


@router.get("/narasumber/jadwal-mengajar")
async def teaching_schedule(request: Request) -> Response:
    user = await require_user(request)
    if user.is_admin:
        raise HTTPException(403)
    data = ensure_ok(request, await training(request, "GET", "/narasumber/mine", user=user))
    return page(request, "narasumber/schedule.html", user=user, **chrome(user),
                title=t("ns_schedule_title"), schedule=items_of(data, "schedule"), approved=bool(data.get("approved")))


@router.get("/narasumber/{narasumber_id}/surat")
async def letter(narasumber_id: str, request: Request) -> Response:
    user = await require_user(request)
    if not valid_id(narasumber_id):
        raise HTTPException(404)
    return await pdf(request, user, f"/narasumber/{narasumber_id}/letter")


# -- Permintaan Narasumber (public) --------------------------------------------------------------

async def _request_page(request: Request, user: WebUser | None, *, values: dict | None = None,
                        errors: dict | None = None, alert: str | None = None, status_code: int = 200) -> Response:
    offices = await _offices(request)
    return page(request, "narasumber/request.html", status_code=status_code, user=user, **chrome(user),
                title=t("ns_req_title"), offices=items_of(offices), values=values or {}, errors=errors or {},
                alert=alert)


@router.get("/narasumber/permintaan")
async def request_form(request: Request) -> Response:
    return await _request_page(request, await current_user(request))


@router.post("/narasumber/permintaan")
async def request_submit(request: Request) -> Response:
    user = await current_user(request)
    form = await read_form(request, max_files=1)
    values = {k: form_text(form, k) for k in REQUEST_FIELDS}
    body = await multipart(form, REQUEST_FIELDS, (), ("letter",))

    def sent(result: UpstreamResponse) -> Response:
        link = str(request.base_url).rstrip("/") + f"/narasumber/permintaan/{result.data.get('token', '')}"
        return page(request, "narasumber/request_sent.html", status_code=201, user=user, **chrome(user),
                    title=t("ns_req_sent_title"), link=link, headers={"Cache-Control": "no-store"})

    async def failed(r: Rejection) -> Response:
        return await _request_page(request, user, values=values, errors=r.errors, status_code=r.status,
                                   alert=t("ns_req_failed"))

    return await submit_form(request, SERVICE, training(request, "POST", "/narasumber-requests", data=body),
                             accept=lambda r: r.status == 201 and isinstance(r.data, dict), then=sent,
                             again=failed, fixable={400, 413, 422})


@router.get("/narasumber/permintaan/{token}")
async def request_status(token: str, request: Request) -> Response:
    if not TOKEN.match(token):
        raise HTTPException(404)
    user = await current_user(request)
    data = ensure_ok(request, await training(request, "GET", f"/narasumber-requests/by-token/{token}"))
    return page(request, "narasumber/request_status.html", user=user, **chrome(user), title=t("ns_req_status_title"),
                r=data, token=token, headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"})


@router.get("/narasumber/permintaan/{token}/surat")
async def request_answer(token: str, request: Request) -> Response:
    if not TOKEN.match(token):
        raise HTTPException(404)
    return await pdf(request, None, f"/narasumber-requests/by-token/{token}/letter")
