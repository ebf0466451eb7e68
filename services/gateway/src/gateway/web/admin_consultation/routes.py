"""Konsultasi Alumni, the organisation's side: the list (filters: status, training, overdue against
the first-answer target, drafts waiting for review; paged), the reviewer setting, the thread with
the answer form, the review of a draft by a second admin, closing, attachments."""
from __future__ import annotations

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.common import form_text, page, read_form
from gateway.web.forms import Rejection, ok_with_object, submit_form, user_errors
from gateway.web.menus import admin_menu
from gateway.web.service_calls import valid_id
from gateway.web.session import WebUser, require_admin
from gateway.web.shared.consultation_client import STATUSES, read_reply, thread_messages
from gateway.web.shared.files import proxy_file
from gateway.web.shared.training_client import SERVICE, check_id, ensure_ok, items_of, pager, training

router = APIRouter(include_in_schema=False)
PATH = "/admin/konsultasi"
PER_PAGE = 20
LABELS = {"body": "ks_answer_body", "files": "ks_files", "note": "ks_review_note_label"}


def _filters(status: str, pelatihan: str, lewat: str, periksa: str) -> dict:
    return {"status": status if status in STATUSES else "", "pelatihan": pelatihan if valid_id(pelatihan) else "",
            "lewat": "1" if lewat == "1" else "", "periksa": "1" if periksa == "1" else ""}


async def _list_page(request: Request, user: WebUser, filters: dict, page_no: int, *, status_code: int = 200,
                     alert: str | None = None) -> Response:
    params: dict = {"page": page_no, "per_page": PER_PAGE}
    if filters["status"]:
        params["status"] = filters["status"]
    if filters["pelatihan"]:
        params["training_id"] = filters["pelatihan"]
    if filters["lewat"]:
        params["overdue"] = "true"
    if filters["periksa"]:
        params["review"] = "true"
    data = ensure_ok(request, await training(request, "GET", "/admin/consultations", user=user, params=params))
    settings = None
    if user.claims.org:  # a superadmin has no organisation of their own to set
        settings = ensure_ok(request, await training(request, "GET", "/admin/consultation-settings", user=user))
    total = int(data.get("total") or 0)
    return page(request, "admin_consultation/list.html", status_code=status_code, user=user, nav="konsultasi",
                menu=admin_menu(), title=t("ks_admin_title"), items=items_of(data), total=total, filters=filters,
                waiting=data.get("waiting", 0), overdue=data.get("overdue", 0),
                target=data.get("target_label", ""), trainings=items_of(data, "trainings"), settings=settings,
                alert=alert, pager=pager(PATH, filters, page_no, total, PER_PAGE))


@router.get(PATH)
async def listing(request: Request, status: str = Query("", max_length=20), pelatihan: str = Query("", max_length=40),
                  lewat: str = Query("", max_length=1), periksa: str = Query("", max_length=1),
                  page_no: int = Query(1, alias="page", ge=1, le=10_000)) -> Response:
    user = await require_admin(request)
    return await _list_page(request, user, _filters(status, pelatihan, lewat, periksa), page_no)


@router.post(PATH + "/pengaturan")
async def save_settings(request: Request) -> Response:
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    review = form_text(form, "review_required") == "1"

    async def again(r: Rejection) -> Response:
        return await _list_page(request, user, _filters("", "", "", ""), 1, status_code=r.status, alert=r.alert())

    return await submit_form(request, SERVICE, training(request, "PUT", "/admin/consultation-settings", user=user,
                                                        json={"review_required": review}),
                             then=PATH, flash="ks_settings_saved", again=again, fixable=user_errors)


async def _thread_page(request: Request, user: WebUser, cid: str, *, status_code: int = 200,
                       values: dict | None = None, errors: dict | None = None, alert: str | None = None) -> Response:
    c = ensure_ok(request, await training(request, "GET", f"/admin/consultations/{cid}", user=user))
    return page(request, "admin_consultation/thread.html", status_code=status_code, user=user, nav="konsultasi",
                menu=admin_menu(), title=c.get("topic") or t("ks_admin_title"), c=c,
                messages=thread_messages(c, f"{PATH}/{cid}"), values=values or {}, errors=errors or {}, alert=alert,
                labels={k: t(v) for k, v in LABELS.items()})


@router.get(PATH + "/{cid}")
async def thread(cid: str, request: Request) -> Response:
    check_id(cid)
    user = await require_admin(request)
    return await _thread_page(request, user, cid)


@router.post(PATH + "/{cid}/jawab")
async def answer(cid: str, request: Request) -> Response:
    check_id(cid)
    user = await require_admin(request)
    values, data = await read_reply(request)

    async def again(r: Rejection) -> Response:
        return await _thread_page(request, user, cid, status_code=r.status, values=values, errors=r.errors,
                                  alert=r.alert())

    return await submit_form(
        request, SERVICE, training(request, "POST", f"/admin/consultations/{cid}/answers", user=user, data=data),
        accept=ok_with_object, then=f"{PATH}/{cid}",
        flash=lambda r: "ks_drafted" if r.data.get("state") == "draft" else "ks_answered",
        again=again, fixable=user_errors)


@router.post(PATH + "/{cid}/tinjau/{message_id}")
async def review(cid: str, message_id: str, request: Request) -> Response:
    check_id(cid, message_id)
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    approve = form_text(form, "action") == "approve"
    note = form_text(form, "note")[:600]

    async def again(r: Rejection) -> Response:
        return await _thread_page(request, user, cid, status_code=r.status, errors=r.errors, alert=r.alert())

    return await submit_form(
        request, SERVICE, training(request, "POST", f"/admin/consultations/{cid}/messages/{message_id}/review",
                                   user=user, json={"approve": approve, "note": note}),
        then=f"{PATH}/{cid}", flash="ks_approved" if approve else "ks_returned", again=again,
        fixable=lambda r, e: r.status in (403, 404, 409, 422))


@router.post(PATH + "/{cid}/tutup")
async def close(cid: str, request: Request) -> Response:
    check_id(cid)
    user = await require_admin(request)
    await read_form(request, max_files=0)

    async def again(r: Rejection) -> Response:
        return await _thread_page(request, user, cid, status_code=r.status, alert=r.alert())

    return await submit_form(request, SERVICE, training(request, "POST", f"/admin/consultations/{cid}/close",
                                                        user=user),
                             then=f"{PATH}/{cid}", flash="ks_closed_flash", again=again, fixable=user_errors)


@router.get(PATH + "/{cid}/lampiran/{file_id}")
async def attachment(cid: str, file_id: str, request: Request) -> Response:
    check_id(cid, file_id)
    return await proxy_file(request, SERVICE, f"/consultations/{cid}/files/{file_id}",
                            keep=("Content-Type", "ETag", "Cache-Control", "Content-Disposition"))
