"""Admin: presensi per day, evaluation scores, Tutup Pelatihan; testimonial moderation."""
from __future__ import annotations

import asyncio
from datetime import datetime

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from gateway.i18n import WIB, t
from gateway.upstream import UpstreamResponse
from gateway.web.common import form_text, page, read_form, redirect
from gateway.web.forms import Rejection, ok_with_object, rejection, submit_form
from gateway.web.menus import admin_menu
from gateway.web.session import WebUser, require_admin, set_flash
from gateway.web.shared.training_client import (
    SERVICE,
    check_id,
    ensure_ok,
    items_of,
    pager,
    training,
    valid_id,
)

router = APIRouter(include_in_schema=False)
ATTENDING = ("verified", "confirmed")


# -- presensi, scores, closing -------------------------------------------------------------------

async def _attendance_page(request: Request, user: WebUser, training_id: str, *,
                           status_code: int = 200, alert: str | None = None,
                           notice: str | None = None) -> Response:
    found, sheet = await asyncio.gather(
        training(request, "GET", f"/admin/trainings/{training_id}", user=user),
        training(request, "GET", f"/admin/trainings/{training_id}/attendance", user=user))
    tr = ensure_ok(request, found)
    data = ensure_ok(request, sheet)
    today = datetime.now(WIB).date().isoformat()
    return page(request, "admin_training/attendance.html", status_code=status_code, user=user,
                nav="jadwal", menu=admin_menu(), title=t("tr_attendance_of", title=tr.get("display_title")),
                tr=tr, sheet=data, items=items_of(data), days=data.get("days") or [], today=today,
                alert=alert, notice=notice)


@router.get("/admin/pelatihan/{training_id}/presensi")
async def attendance(training_id: str, request: Request) -> Response:
    check_id(training_id)
    user = await require_admin(request)
    return await _attendance_page(request, user, training_id)


@router.post("/admin/pelatihan/{training_id}/presensi")
async def save_attendance(training_id: str, request: Request) -> Response:
    """One PUT per past or current day (every attending participant), then changed scores."""
    check_id(training_id)
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    sheet = ensure_ok(request, await training(request, "GET",
                                              f"/admin/trainings/{training_id}/attendance",
                                              user=user))
    today = datetime.now(WIB).date().isoformat()
    rows = [i for i in items_of(sheet) if i.get("status") in ATTENDING]
    present = set(v for v in form.getlist("hadir") if isinstance(v, str))
    for day in sheet.get("days") or []:
        if day > today or not rows:
            continue
        records = [{"enrollment_id": r["enrollment_id"], "present": f"{r['enrollment_id']}|{day}" in present}
                   for r in rows]
        result = await training(request, "PUT", f"/admin/trainings/{training_id}/attendance",
                                user=user, json={"day": day, "records": records})
        if not result.ok:
            return await _attendance_again(request, user, training_id)(rejection(request, SERVICE, result))
    for r in rows:
        raw = form_text(form, f"nilai_{r['enrollment_id']}")
        if raw == "" or raw == str(r.get("score") if r.get("score") is not None else ""):
            continue
        if not raw.isdigit() or int(raw) > 100:
            return await _attendance_page(request, user, training_id, status_code=422,
                                          alert=f"{t('tr_score_of', name=r.get('participant_name'))}: "
                                                f"{t('tr_bad_number')} (0–100)")
        result = await training(request, "PUT", f"/admin/enrollments/{r['enrollment_id']}/score",
                                user=user, json={"score": int(raw)})
        if not result.ok:
            return await _attendance_again(request, user, training_id)(rejection(request, SERVICE, result))
    set_flash(request, "tr_attendance_saved")
    return redirect(f"/admin/pelatihan/{training_id}/presensi")


@router.post("/admin/pelatihan/{training_id}/tutup")
async def close(training_id: str, request: Request) -> Response:
    check_id(training_id)
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    if form_text(form, "yakin") != "1":
        return await _attendance_page(request, user, training_id, status_code=422,
                                      alert=t("tr_close_need_confirm"))

    async def closed(result: UpstreamResponse) -> Response:
        notice = t("tr_closed_result", completed=result.data.get("completed", 0),
                   not_completed=result.data.get("not_completed", 0), rejected=result.data.get("rejected", 0))
        return await _attendance_page(request, user, training_id, notice=notice)

    return await submit_form(request, SERVICE,
                             training(request, "POST", f"/admin/trainings/{training_id}/close", user=user),
                             accept=ok_with_object, then=closed,
                             again=_attendance_again(request, user, training_id))


def _attendance_again(request: Request, user: WebUser, training_id: str):
    """The attendance sheet again with the service's message."""

    async def again(r: Rejection) -> Response:
        return await _attendance_page(request, user, training_id, status_code=r.status,
                                      alert=r.alert())

    return again


# -- testimonial moderation ----------------------------------------------------------------------

@router.get("/admin/testimoni")
async def testimonials(request: Request, training_id: str = Query("", max_length=64),
                       page_no: int = Query(1, alias="page", ge=1, le=10_000)) -> Response:
    user = await require_admin(request)
    params: dict = {"page": page_no, "per_page": 20}
    if training_id and valid_id(training_id):
        params["training_id"] = training_id
    data = ensure_ok(request, await training(request, "GET", "/admin/testimonials", user=user,
                                             params=params))
    total = int(data.get("total") or 0)
    return page(request, "admin_training/testimonials.html", user=user, nav="testimoni",
                menu=admin_menu(), title=t("tr_moderation"), items=items_of(data),
                training_id=params.get("training_id", ""),
                pager=pager("/admin/testimoni", {"training_id": params.get("training_id", "")},
                            page_no, total, 20))


@router.post("/admin/testimoni/{testimonial_id}")
async def moderate(testimonial_id: str, request: Request) -> Response:
    check_id(testimonial_id)
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    back = form_text(form, "training_id")
    # nothing to fix on a hide/show button: any failure gets its error page
    return await submit_form(request, SERVICE,
                             training(request, "POST", f"/admin/testimonials/{testimonial_id}/moderate",
                                      user=user, json={"hidden": form_text(form, "hidden") == "1"}),
                             accept=ok_with_object, flash="tr_moderated",
                             then="/admin/testimoni" + (f"?training_id={back}" if valid_id(back) else ""))
