"""Admin: a training's registrations (verify, reject, in bulk), one registration, cancelling it on the
participant's behalf. The Verifikasi work queue is in `queue`."""
from __future__ import annotations

import asyncio

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.upstream import UpstreamResponse
from gateway.web.common import form_text, page, read_form, safe_next
from gateway.web.forms import Rejection, ok_with_object, submit_form
from gateway.web.menus import admin_menu
from gateway.web.session import WebUser, require_admin
from gateway.web.shared.training_client import (
    SERVICE,
    STATUSES,
    check_id,
    ensure_ok,
    items_of,
    pager,
    training,
)

router = APIRouter(include_in_schema=False)
PER_PAGE = 50
STATUS_LABELS = {"submitted": "Belum diverifikasi", "waitlisted": "Daftar tunggu",
                 "verified": "Sudah diverifikasi", "rejected": "Ditolak",
                 "confirmed": "Sudah konfirmasi", "completed": "Lulus",
                 "not_completed": "Tidak lulus", "cancelled": "Dibatalkan"}


async def _participants_page(request: Request, user: WebUser, training_id: str, *, status: str,
                             q: str, page_no: int, status_code: int = 200,
                             alert: str | None = None, notice: str | None = None) -> Response:
    params: dict = {"page": page_no, "per_page": PER_PAGE}
    if status:
        params["status"] = status
    if q:
        params["q"] = q
    found, listed = await asyncio.gather(
        training(request, "GET", f"/admin/trainings/{training_id}", user=user),
        training(request, "GET", f"/admin/trainings/{training_id}/enrollments", user=user,
                 params=params))
    tr = ensure_ok(request, found)
    data = ensure_ok(request, listed)
    total = int(data.get("total") or 0)
    filters = {"status": status, "q": q}
    here = request.url.path + ("?" + request.url.query if request.url.query else "")
    return page(request, "admin_training/participants.html", status_code=status_code, user=user,
                nav="jadwal", menu=admin_menu(), title=t("tr_participants_of", title=tr.get("display_title")),
                tr=tr, items=items_of(data), total=total, filters=filters, labels=STATUS_LABELS,
                counts=tr.get("counts") or {}, alert=alert, notice=notice, here=here,
                first_no=(page_no - 1) * PER_PAGE + 1,
                pager=pager(f"/admin/pelatihan/{training_id}/peserta", filters, page_no, total,
                            PER_PAGE))


@router.get("/admin/pelatihan/{training_id}/peserta")
async def participants(training_id: str, request: Request, status: str = Query("", max_length=20),
                       q: str = Query("", max_length=100),
                       page_no: int = Query(1, alias="page", ge=1, le=10_000),
                       hasil: str = Query("", max_length=60)) -> Response:
    check_id(training_id)
    user = await require_admin(request)
    notice = None
    parts = hasil.split("-")
    if len(parts) == 4 and all(p.isdigit() for p in parts):
        notice = t("tr_bulk_result", verified=parts[0], waitlisted=parts[1], rejected=parts[2],
                   failed=parts[3])
    return await _participants_page(request, user, training_id,
                                    status=status if status in STATUSES else "", q=q.strip(),
                                    page_no=page_no, notice=notice)


@router.post("/admin/pelatihan/{training_id}/peserta")
async def bulk(training_id: str, request: Request) -> Response:
    """"Verifikasi terpilih" / "Tolak terpilih"."""
    check_id(training_id)
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    ids = [v for v in form.getlist("ids") if isinstance(v, str) and 0 < len(v) <= 64][:500]
    action = form_text(form, "action")
    reason = form_text(form, "reason")[:500]
    if not ids or action not in ("verify", "reject") or (action == "reject" and not reason):
        alert = t("tr_bulk_none") if not ids else t("tr_reason_required")
        return await _participants_page(request, user, training_id, status="", q="", page_no=1,
                                        status_code=422, alert=alert)

    def done(result: UpstreamResponse) -> str:
        s = result.data.get("summary") or {}
        hasil = "-".join(str(int(v or 0)) for v in (s.get("verified"), s.get("waitlisted"),
                                                     s.get("rejected"), result.data.get("failed")))
        return f"/admin/pelatihan/{training_id}/peserta?hasil={hasil}"

    async def failed(r: Rejection) -> Response:
        return await _participants_page(request, user, training_id, status="", q="", page_no=1,
                                        status_code=r.status, alert=r.alert())

    return await submit_form(request, SERVICE,
                             training(request, "POST", "/admin/enrollments/bulk", user=user,
                                      json={"enrollment_ids": ids, "action": action, "reason": reason}),
                             accept=ok_with_object, then=done, again=failed)


# -- one registration ----------------------------------------------------------------------------

async def _detail_page(request: Request, user: WebUser, enrollment_id: str, *,
                       status_code: int = 200, alert: str | None = None,
                       errors: dict | None = None) -> Response:
    e = ensure_ok(request, await training(request, "GET", f"/admin/enrollments/{enrollment_id}",
                                          user=user))
    tr = ensure_ok(request, await training(request, "GET", f"/admin/trainings/{e['training_id']}",
                                           user=user))
    return page(request, "admin_training/enrollment.html", status_code=status_code, user=user,
                nav="jadwal", menu=admin_menu(), title=t("tr_enrollment_detail"), e=e, tr=tr,
                alert=alert, errors=errors or {}, ticks=set(e.get("ticks") or []))


@router.get("/admin/pendaftaran/{enrollment_id}")
async def enrollment(enrollment_id: str, request: Request) -> Response:
    check_id(enrollment_id)
    user = await require_admin(request)
    return await _detail_page(request, user, enrollment_id)


@router.post("/admin/pendaftaran/{enrollment_id}/verifikasi")
async def verify(enrollment_id: str, request: Request) -> Response:
    check_id(enrollment_id)
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    return await submit_form(request, SERVICE,
                             training(request, "POST", f"/admin/enrollments/{enrollment_id}/verify",
                                      user=user),
                             accept=ok_with_object,
                             flash=lambda r: "tr_waitlisted" if r.data.get("status") == "waitlisted"
                             else "tr_verified",
                             then=safe_next(form_text(form, "next"), f"/admin/pendaftaran/{enrollment_id}"),
                             again=_detail_again(request, user, enrollment_id))


def _detail_again(request: Request, user: WebUser, enrollment_id: str):
    """The registration's page again with the service's message and field errors."""

    async def again(r: Rejection) -> Response:
        return await _detail_page(request, user, enrollment_id, status_code=r.status,
                                  alert=r.alert(), errors=r.errors)

    return again


@router.post("/admin/pendaftaran/{enrollment_id}/tolak")
async def reject(enrollment_id: str, request: Request) -> Response:
    check_id(enrollment_id)
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    reason = form_text(form, "reason")[:500]
    if not reason:
        return await _detail_page(request, user, enrollment_id, status_code=422,
                                  errors={"reason": t("tr_reason_required")})
    return await submit_form(request, SERVICE,
                             training(request, "POST", f"/admin/enrollments/{enrollment_id}/reject",
                                      user=user, json={"reason": reason}),
                             flash="tr_rejected",
                             then=safe_next(form_text(form, "next"), f"/admin/pendaftaran/{enrollment_id}"),
                             again=_detail_again(request, user, enrollment_id))


# -- cancelling on the participant's behalf -------------------------------------------------------

@router.post("/admin/pendaftaran/{enrollment_id}/batal")
async def cancel(enrollment_id: str, request: Request) -> Response:
    """"Batalkan atas nama peserta" (a phone call saying they cannot come), with a reason."""
    check_id(enrollment_id)
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    reason = form_text(form, "cancel_reason")[:500]
    if not reason:
        return await _detail_page(request, user, enrollment_id, status_code=422,
                                  errors={"cancel_reason": t("tr_cancel_reason_required")})
    return await submit_form(request, SERVICE,
                             training(request, "POST", f"/admin/enrollments/{enrollment_id}/cancel",
                                      user=user, json={"reason": reason}),
                             flash="tr_cancelled_by_admin", then=f"/admin/pendaftaran/{enrollment_id}",
                             again=_detail_again(request, user, enrollment_id))
