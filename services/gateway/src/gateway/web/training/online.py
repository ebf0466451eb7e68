"""Online class (Si-Jawara+): materials, marking them done, the evaluation quiz and its result."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.common import page, read_form, redirect
from gateway.web.forms import Rejection, ok_with_object, submit_form
from gateway.web.menus import participant_menu
from gateway.web.session import WebUser, require_user
from gateway.web.shared.training_client import SERVICE, check_id, ensure_ok, message, training

router = APIRouter(include_in_schema=False)


async def _participant(request: Request) -> WebUser:
    user = await require_user(request)
    if user.is_admin:
        raise HTTPException(403)
    return user


async def _class_page(request: Request, user: WebUser, enrollment_id: str, *, status_code: int = 200,
                      alert: str | None = None, result: dict | None = None) -> Response:
    e_res = await training(request, "GET", f"/enrollments/{enrollment_id}", user=user)
    e = ensure_ok(request, e_res)
    c_res = await training(request, "GET", f"/enrollments/{enrollment_id}/class", user=user)
    if c_res.status == 409:  # not an online class, or not verified yet
        return page(request, "training/class.html", status_code=409, user=user, nav="riwayat",
                    menu=participant_menu(), title=t("tr_class_title"), e=e, c=None,
                    alert=message(c_res), result=None)
    c = ensure_ok(request, c_res)
    return page(request, "training/class.html", status_code=status_code, user=user, nav="riwayat",
                menu=participant_menu(), title=t("tr_class_title"), e=e, c=c, alert=alert,
                result=result)


@router.get("/kelas/{enrollment_id}")
async def class_view(enrollment_id: str, request: Request) -> Response:
    check_id(enrollment_id)
    user = await _participant(request)
    return await _class_page(request, user, enrollment_id)


@router.post("/kelas/{enrollment_id}/materi/{module_id}")
async def complete_module(enrollment_id: str, module_id: str, request: Request) -> Response:
    user = await _participant(request)
    await read_form(request, max_files=0)
    check_id(enrollment_id, module_id)
    return await submit_form(request, SERVICE,
                             training(request, "POST",
                                      f"/enrollments/{enrollment_id}/modules/{module_id}/complete", user=user),
                             then=f"/kelas/{enrollment_id}#materi-{module_id}",
                             again=_class_again(request, user, enrollment_id), fixable={409})


def _class_again(request: Request, user: WebUser, enrollment_id: str):
    """The class page again with the service's message."""

    async def again(r: Rejection) -> Response:
        return await _class_page(request, user, enrollment_id, status_code=r.status, alert=r.alert())

    return again


@router.post("/kelas/{enrollment_id}/evaluasi")
async def start_quiz(enrollment_id: str, request: Request) -> Response:
    user = await _participant(request)
    await read_form(request, max_files=0)
    check_id(enrollment_id)
    return await submit_form(request, SERVICE,
                             training(request, "POST", f"/enrollments/{enrollment_id}/quiz/attempts", user=user),
                             then=f"/kelas/{enrollment_id}/evaluasi",
                             again=_class_again(request, user, enrollment_id), fixable={409})


@router.get("/kelas/{enrollment_id}/evaluasi")
async def quiz(enrollment_id: str, request: Request) -> Response:
    """The open attempt's paper (starting one happens only by the POST above)."""
    check_id(enrollment_id)
    user = await _participant(request)
    c = ensure_ok(request, await training(request, "GET", f"/enrollments/{enrollment_id}/class",
                                          user=user))
    if not (c.get("quiz") or {}).get("open_attempt_id"):
        return redirect(f"/kelas/{enrollment_id}")
    # an open attempt is handed back as it is: this does not use up another attempt
    paper = ensure_ok(request, await training(request, "POST",
                                              f"/enrollments/{enrollment_id}/quiz/attempts",
                                              user=user))
    return page(request, "training/quiz.html", user=user, nav="riwayat", menu=participant_menu(),
                title=t("tr_quiz"), enrollment_id=enrollment_id, paper=paper, c=c)


@router.post("/kelas/{enrollment_id}/evaluasi/{attempt_id}")
async def submit_quiz(enrollment_id: str, attempt_id: str, request: Request) -> Response:
    user = await _participant(request)
    form = await read_form(request, max_files=0)
    check_id(enrollment_id, attempt_id)
    answers = {}
    for key, value in form.multi_items():
        if key.startswith("q_") and isinstance(value, str) and value.isdigit() and len(key) < 80:
            answers[key[2:]] = int(value)
    # the result is shown on the class page itself (nothing to redirect to)
    return await submit_form(request, SERVICE,
                             training(request, "POST",
                                      f"/enrollments/{enrollment_id}/quiz/attempts/{attempt_id}/submit",
                                      user=user, json={"answers": answers}),
                             accept=ok_with_object,
                             then=lambda r: _class_page(request, user, enrollment_id, result=r.data),
                             again=_class_again(request, user, enrollment_id))
