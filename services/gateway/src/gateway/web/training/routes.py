"""Jadwal Pelatihan (public), a training's detail, and Daftar Pelatihan (Si Pentol steps 11-12)."""
from __future__ import annotations

import asyncio
import re

import aiohttp
from fastapi import APIRouter, HTTPException, Query, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.common import form_file, form_text, page, read_form
from gateway.web.forms import Rejection, submit_form
from gateway.web.menus import admin_menu, participant_menu
from gateway.web.session import WebUser, current_user, require_user
from gateway.web.shared.training_client import MODES, SERVICE, check_id, ensure_ok, items_of, message, pager, training

router = APIRouter(include_in_schema=False)
PER_PAGE = 10
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def chrome(user: WebUser | None, nav: str) -> dict:
    """The page frame: the sidebar for signed-in users, the public layout otherwise."""
    if user is None:
        return {"layout": "base.html", "public_nav": "jadwal"}
    return {"layout": "app_layout.html", "nav": nav,
            "menu": admin_menu() if user.is_admin else participant_menu()}


@router.get("/jadwal")
async def schedule(request: Request, q: str = Query("", max_length=100),
                   mode: str = Query("", max_length=20), month: str = Query("", max_length=7),
                   buka: str = Query("", max_length=1),
                   page_no: int = Query(1, alias="page", ge=1, le=10_000)) -> Response:
    """"Jadwal Pelatihan": No / Judul Pelatihan / Tanggal / Status, Daftar while registration is open."""
    user = await current_user(request)
    q = q.strip()
    mode = mode if mode in MODES else ""
    month = month if MONTH.match(month) else ""
    params: dict = {"page": page_no, "per_page": PER_PAGE}
    params.update({k: v for k, v in (("q", q), ("mode", mode), ("month", month)) if v})
    if buka:
        params["open_only"] = "true"
    data = ensure_ok(request, await training(request, "GET", "/trainings", params=params))
    total = int(data.get("total") or 0)
    filters = {"q": q, "mode": mode, "month": month, "buka": "1" if buka else ""}
    return page(request, "training/schedule.html", user=user, **chrome(user, "jadwal"),
                title=t("tr_schedule_title"), items=items_of(data), total=total, filters=filters,
                first_no=(page_no - 1) * PER_PAGE + 1,
                pager=pager("/jadwal", filters, page_no, total, PER_PAGE))


@router.get("/jadwal/{training_id}")
async def detail(training_id: str, request: Request,
                 halaman: int = Query(1, ge=1, le=10_000)) -> Response:
    check_id(training_id)
    user = await current_user(request)
    found, reviews = await asyncio.gather(
        training(request, "GET", f"/trainings/{training_id}"),
        training(request, "GET", f"/trainings/{training_id}/testimonials", params={"page": halaman}))
    tr = ensure_ok(request, found)
    reviews_data = reviews.data if reviews.ok and isinstance(reviews.data, dict) else None
    total = int((reviews_data or {}).get("total") or 0)
    return page(request, "training/detail.html", user=user, **chrome(user, "jadwal"),
                title=tr.get("display_title") or tr.get("title"), tr=tr, reviews=reviews_data,
                review_items=items_of(reviews_data),
                review_pager=pager(f"/jadwal/{training_id}", {}, halaman, total, 10, "halaman"))


# -- Daftar Pelatihan ----------------------------------------------------------------------------

async def _participant(request: Request) -> WebUser:
    user = await require_user(request)
    if user.is_admin:
        raise HTTPException(403)
    return user


async def _register_page(request: Request, user: WebUser, training_id: str, business_id: str, *,
                         status_code: int = 200, errors: dict | None = None,
                         alert: str | None = None, ticks: list[str] | None = None) -> Response:
    found, mine = await asyncio.gather(training(request, "GET", f"/trainings/{training_id}"),
                                       training(request, "GET", "/my/businesses", user=user))
    tr = ensure_ok(request, found)
    businesses = items_of(ensure_ok(request, mine))
    ids = [b.get("id") for b in businesses]
    if business_id not in ids:
        business_id = ids[0] if ids else ""
    check, check_alert = None, None
    if business_id:
        result = await training(request, "GET", f"/trainings/{training_id}/eligibility", user=user,
                                params={"business_id": business_id})
        if result.ok and isinstance(result.data, dict):
            check = result.data
        elif result.status in (403, 409):  # not a member (any more); copies not synced yet
            check_alert = message(result)
        else:
            ensure_ok(request, result)
    return page(request, "training/register.html", status_code=status_code, user=user,
                **chrome(user, "jadwal"), title=t("tr_register_title"), tr=tr,
                businesses=businesses, business_id=business_id, check=check,
                check_alert=check_alert, errors=errors or {}, alert=alert,
                ticks=set(ticks or []))


@router.get("/jadwal/{training_id}/daftar")
async def register_form(training_id: str, request: Request,
                        business_id: str = Query("", max_length=64)) -> Response:
    check_id(training_id)
    user = await _participant(request)
    return await _register_page(request, user, training_id, business_id.strip())


@router.post("/jadwal/{training_id}/daftar")
async def register_submit(training_id: str, request: Request) -> Response:
    check_id(training_id)
    user = await _participant(request)
    form = await read_form(request, max_files=2)
    business_id = form_text(form, "business_id")
    ticks = [v for v in form.getlist("ticks") if isinstance(v, str) and v.isdigit()]
    data = aiohttp.FormData()
    data.add_field("business_id", business_id)
    for tick in ticks:
        data.add_field("ticks", tick)
    for name in ("photo_1", "photo_2"):
        photo = form_file(form, name)
        if photo is not None:
            data.add_field(name, await photo.read(), filename=photo.filename[-100:],
                           content_type=photo.content_type or "application/octet-stream")

    async def failed(r: Rejection) -> Response:
        return await _register_page(request, user, training_id, business_id, status_code=r.status,
                                    errors=r.errors, alert=r.detail or t("tr_register_failed"),
                                    ticks=ticks)

    return await submit_form(request, SERVICE,
                             training(request, "POST", f"/trainings/{training_id}/enrollments", user=user,
                                      data=data),
                             accept=lambda r: r.status == 201, flash="tr_enrolled", then="/riwayat",
                             again=failed, fixable={403, 409, 422})
