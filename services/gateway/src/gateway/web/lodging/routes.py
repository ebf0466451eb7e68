"""Konfirmasi Check In Kamar (Si Pentol step 19): the participant's stays, "Proses" (check-in),
check-out and a noted need. Only the participant's own stays: the lodging service checks it."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.common import form_text, page, read_form
from gateway.web.forms import Rejection, submit_form
from gateway.web.menus import participant_menu
from gateway.web.session import WebUser, require_user
from gateway.web.shared.lodging_client import SERVICE, can_check_in, check_id, ensure_ok, lodging

router = APIRouter(include_in_schema=False)


async def _participant(request: Request) -> WebUser:
    user = await require_user(request)
    if user.is_admin:
        raise HTTPException(403)
    return user


async def _page(request: Request, user: WebUser, *, status_code: int = 200, alert: str | None = None) -> Response:
    data = ensure_ok(request, await lodging(request, "GET", "/me/stays", user=user))
    today = str(data.get("today") or "")
    items = [dict(s, can_check_in=can_check_in(s, today)) for s in data.get("items") or []]
    return page(request, "lodging/checkin.html", status_code=status_code, user=user, nav="check-in",
                menu=participant_menu(), title=t("lg_checkin_title"), items=items, alert=alert)


@router.get("/check-in")
async def stays(request: Request) -> Response:
    return await _page(request, await _participant(request))


async def _post(request: Request, stay_id: str, method: str, action: str, flash: str, **kwargs) -> Response:
    user = await _participant(request)
    form = await read_form(request, max_files=0)
    check_id(stay_id)
    if action == "need":
        kwargs["json"] = {"need": form_text(form, "need")[:300]}

    async def failed(r: Rejection) -> Response:
        return await _page(request, user, status_code=r.status, alert=r.alert())

    return await submit_form(request, SERVICE, lodging(request, method, f"/me/stays/{stay_id}/{action}", user=user,
                                                       **kwargs),
                             flash=flash, then="/check-in", again=failed)


@router.post("/check-in/{stay_id}/proses")
async def check_in(stay_id: str, request: Request) -> Response:
    return await _post(request, stay_id, "POST", "check-in", "lg_checked_in")


@router.post("/check-in/{stay_id}/check-out")
async def check_out(stay_id: str, request: Request) -> Response:
    return await _post(request, stay_id, "POST", "check-out", "lg_checked_out")


@router.post("/check-in/{stay_id}/kebutuhan")
async def need(stay_id: str, request: Request) -> Response:
    return await _post(request, stay_id, "PUT", "need", "lg_need_saved")
