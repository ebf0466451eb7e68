"""Konsultasi pasca pelatihan, the alumnus's side: the list with the form to ask (a training they
completed, a topic, the question, up to three attachments), the thread with replies, closing it,
and the attachments."""
from __future__ import annotations

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.common import form_text, page, read_form
from gateway.web.forms import Rejection, ok_with_object, submit_form, user_errors
from gateway.web.menus import participant_menu
from gateway.web.session import WebUser, require_user
from gateway.web.shared.consultation_client import multipart, read_reply, read_upload_form, thread_messages
from gateway.web.shared.files import proxy_file
from gateway.web.shared.training_client import SERVICE, check_id, ensure_ok, items_of, pager, training

router = APIRouter(include_in_schema=False)
PATH = "/konsultasi"
PER_PAGE = 20
LABELS = {"training_id": "ks_training", "topic": "ks_topic", "question": "ks_question", "files": "ks_files",
          "body": "ks_reply_body"}


async def _list_page(request: Request, user: WebUser, page_no: int, *, status_code: int = 200,
                     values: dict | None = None, errors: dict | None = None, alert: str | None = None) -> Response:
    mine = ensure_ok(request, await training(request, "GET", "/consultations/mine", user=user,
                                             params={"page": page_no, "per_page": PER_PAGE}))
    eligible = ensure_ok(request, await training(request, "GET", "/consultations/eligible", user=user))
    total = int(mine.get("total") or 0)
    return page(request, "consultation/list.html", status_code=status_code, user=user, nav="konsultasi",
                menu=participant_menu(), title=t("ks_title"), items=items_of(mine), total=total,
                trainings=items_of(eligible), values=values or {}, errors=errors or {}, alert=alert,
                labels={k: t(v) for k, v in LABELS.items()}, pager=pager(PATH, {}, page_no, total, PER_PAGE))


@router.get(PATH)
async def mine(request: Request, page_no: int = Query(1, alias="page", ge=1, le=10_000)) -> Response:
    user = await require_user(request)
    return await _list_page(request, user, page_no)


@router.post(PATH)
async def ask(request: Request) -> Response:
    user = await require_user(request)
    form = await read_upload_form(request)
    values = {k: form_text(form, k)[:4100] for k in ("training_id", "topic", "question")}
    data = await multipart(form, values)

    async def again(r: Rejection) -> Response:
        return await _list_page(request, user, 1, status_code=r.status, values=values, errors=r.errors,
                                alert=r.alert())

    return await submit_form(request, SERVICE, training(request, "POST", "/consultations", user=user, data=data),
                             accept=ok_with_object, then=lambda r: f"{PATH}/{r.data['id']}", flash="ks_opened",
                             again=again, fixable=user_errors)


async def _thread_page(request: Request, user: WebUser, cid: str, *, status_code: int = 200,
                       values: dict | None = None, errors: dict | None = None, alert: str | None = None) -> Response:
    c = ensure_ok(request, await training(request, "GET", f"/consultations/{cid}", user=user))
    return page(request, "consultation/thread.html", status_code=status_code, user=user, nav="konsultasi",
                menu=participant_menu(), title=c.get("topic") or t("ks_title"), c=c, messages=thread_messages(c, f"{PATH}/{cid}"),
                values=values or {}, errors=errors or {}, alert=alert, labels={k: t(v) for k, v in LABELS.items()})


@router.get(PATH + "/{cid}")
async def thread(cid: str, request: Request) -> Response:
    check_id(cid)
    user = await require_user(request)
    return await _thread_page(request, user, cid)


@router.post(PATH + "/{cid}/balas")
async def reply(cid: str, request: Request) -> Response:
    check_id(cid)
    user = await require_user(request)
    values, data = await read_reply(request)

    async def again(r: Rejection) -> Response:
        return await _thread_page(request, user, cid, status_code=r.status, values=values, errors=r.errors,
                                  alert=r.alert())

    return await submit_form(request, SERVICE, training(request, "POST", f"/consultations/{cid}/messages", user=user,
                                                        data=data),
                             then=f"{PATH}/{cid}#balas", flash="ks_posted", again=again, fixable=user_errors)


@router.post(PATH + "/{cid}/tutup")
async def close(cid: str, request: Request) -> Response:
    check_id(cid)
    user = await require_user(request)
    await read_form(request, max_files=0)

    async def again(r: Rejection) -> Response:
        return await _thread_page(request, user, cid, status_code=r.status, alert=r.alert())

    return await submit_form(request, SERVICE, training(request, "POST", f"/consultations/{cid}/close", user=user),
                             then=f"{PATH}/{cid}", flash="ks_closed_flash", again=again, fixable=user_errors)


@router.get(PATH + "/{cid}/lampiran/{file_id}")
async def attachment(cid: str, file_id: str, request: Request) -> Response:
    check_id(cid, file_id)
    return await proxy_file(request, SERVICE, f"/consultations/{cid}/files/{file_id}",
                            keep=("Content-Type", "ETag", "Cache-Control", "Content-Disposition"))
