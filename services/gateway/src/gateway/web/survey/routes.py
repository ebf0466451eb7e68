"""SKM for participants (Si Pentol steps 21-23), the public link/QR questionnaire and the published IKM."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.common import page, read_form
from gateway.web.forms import Rejection, submit_form
from gateway.web.menus import participant_menu
from gateway.web.service_calls import valid_id
from gateway.web.session import WebUser, current_user, require_user
from gateway.web.shared.survey_client import SERVICE, ensure_ok, skm_answers, skm_choices, skm_labels, survey

router = APIRouter(include_in_schema=False)
async def _participant(request: Request) -> WebUser:
    user = await require_user(request)
    if user.is_admin:
        raise HTTPException(403)
    return user


@router.get("/skm")
async def skm_list(request: Request) -> Response:
    user = await _participant(request)
    data = ensure_ok(request, await survey(request, "GET", "/me/invitations", user=user))
    return page(request, "survey/skm_list.html", user=user, nav="skm", menu=participant_menu(),
                title=t("sv_skm_title"), items=data.get("items") or [])


def _form_page(request: Request, user: WebUser | None, form: dict, action: str, *, values=None, errors=None,
               alert=None, status_code: int = 200, public: bool = False) -> Response:
    extra = {} if public else {"menu": participant_menu(), "nav": "skm"}
    return page(request, "survey/skm_form.html", status_code=status_code, user=user if not public else None,
                title=t("sv_skm_long"), layout="base.html" if public else "app_layout.html", form=form,
                action=action, values=values or {}, errors=errors or {}, alert=alert, labels=skm_labels(),
                choices=skm_choices(form), cancel=None if public else "/skm",
                intro=t("sv_public_intro") if public else None, **extra)


@router.get("/skm/isi/{invitation_id}")
async def skm_form(invitation_id: str, request: Request) -> Response:
    user = await _participant(request)
    if not valid_id(invitation_id):
        raise HTTPException(404)
    form = ensure_ok(request, await survey(request, "GET", f"/me/invitations/{invitation_id}", user=user))
    return _form_page(request, user, form, f"/skm/isi/{invitation_id}")


@router.post("/skm/isi/{invitation_id}")
async def skm_send(invitation_id: str, request: Request) -> Response:
    user = await _participant(request)
    if not valid_id(invitation_id):
        raise HTTPException(404)
    posted = await read_form(request, max_files=0)
    answers = skm_answers(posted)

    async def failed(r: Rejection) -> Response:
        form = ensure_ok(request, await survey(request, "GET", f"/me/invitations/{invitation_id}", user=user))
        return _form_page(request, user, form, f"/skm/isi/{invitation_id}", values=answers, errors=r.errors,
                          alert=r.detail if r.result.status == 409 else t("sv_send_failed"), status_code=r.status)

    return await submit_form(request, SERVICE, survey(request, "POST", f"/me/invitations/{invitation_id}/response",
                                                      user=user, data=answers),
                             flash="sv_sent", then="/skm", again=failed)


@router.get("/skm/{org_id}")
async def public_form(org_id: str, request: Request) -> Response:
    """The page the QR sheet points to: anyone may answer, anonymously if they wish."""
    if not valid_id(org_id):
        raise HTTPException(404)
    form = ensure_ok(request, await survey(request, "GET", f"/public/orgs/{org_id}/form"))
    return _form_page(request, None, form, f"/skm/{org_id}", public=True)


@router.post("/skm/{org_id}")
async def public_send(org_id: str, request: Request) -> Response:
    if not valid_id(org_id):
        raise HTTPException(404)
    posted = await read_form(request, max_files=0)
    answers = skm_answers(posted)
    answers["form_token"] = str(posted.get("form_token") or "")[:200]
    answers["website"] = str(posted.get("website") or "")[:200]

    async def failed(r: Rejection) -> Response:
        form = ensure_ok(request, await survey(request, "GET", f"/public/orgs/{org_id}/form"))
        alert = r.detail if r.result.status in (409, 429) or "form_token" in r.errors else t("sv_send_failed")
        return _form_page(request, None, form, f"/skm/{org_id}", values=answers, errors=r.errors, alert=alert,
                          status_code=r.status, public=True)

    return await submit_form(request, SERVICE, survey(request, "POST", f"/public/orgs/{org_id}/responses",
                                                      data=answers),
                             then=lambda _: page(request, "survey/thanks.html", user=None,
                                                 title=t("sv_public_thanks_title")),
                             again=failed, fixable=(409, 422, 429))


@router.get("/ikm")
async def public_ikm(request: Request) -> Response:
    data = ensure_ok(request, await survey(request, "GET", "/public/ikm"))
    user = await current_user(request)
    return page(request, "survey/ikm.html", user=user, title=t("sv_ikm_title"), items=data.get("items") or [])
