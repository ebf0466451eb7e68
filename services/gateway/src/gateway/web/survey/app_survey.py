"""Survey Aplikasi Balai (Si Pentol's "Survey Si Pentol", steps 24-27): 1-10 scales and yes/no questions,
as a signed-in participant or anyone, with name/email/phone or "Masuk sebagai anonim"."""
from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.common import page, read_form
from gateway.web.forms import Rejection, submit_form
from gateway.web.menus import participant_menu
from gateway.web.session import WebUser, current_user
from gateway.web.shared.survey_client import SERVICE, ensure_ok, survey

router = APIRouter(include_in_schema=False)


def _page(request: Request, user: WebUser | None, questions: dict, *, values=None, errors=None, alert=None,
          status_code: int = 200, done: bool = False) -> Response:
    member = user is not None and not user.is_admin
    extra = {"menu": participant_menu(), "nav": "survey"} if member else {}
    keys = {q["key"]: q["text"] for s in questions.get("sections") or [] for q in s.get("questions") or []}
    keys.update(name=t("sv_app_name"), email=t("sv_app_email"), phone=t("sv_app_phone"))
    return page(request, "survey/app_survey.html", status_code=status_code, user=user if member else None,
                title=t("sv_app_title"), layout="app_layout.html" if member else "base.html", q=questions,
                values=values or {}, errors=errors or {}, alert=alert, labels=keys, done=done, **extra)


@router.get("/survey")
async def app_survey(request: Request) -> Response:
    user = await current_user(request)
    questions = ensure_ok(request, await survey(request, "GET", "/app-survey"))
    return _page(request, user, questions)


@router.post("/survey")
async def app_survey_send(request: Request) -> Response:
    user = await current_user(request)
    posted = await read_form(request, max_files=0)
    questions = ensure_ok(request, await survey(request, "GET", "/app-survey"))
    keys = [q["key"] for s in questions.get("sections") or [] for q in s.get("questions") or []]
    answers = {k: str(posted.get(k) or "")[:2000] for k in [*keys, "anonymous", "name", "email", "phone", "suggestion"]}
    member = user if user is not None and not user.is_admin else None

    async def failed(r: Rejection) -> Response:
        if r.result.status == 409:
            return _page(request, user, questions, done=True, alert=r.detail)
        return _page(request, user, questions, values=answers, errors=r.errors, status_code=r.status,
                     alert=t("sv_send_failed"))

    return await submit_form(request, SERVICE, survey(request, "POST", "/app-survey", user=member, data=answers),
                             flash="sv_app_sent", then="/dashboard" if member else "/survey/terima-kasih",
                             again=failed)


@router.get("/survey/terima-kasih")
async def thanks(request: Request) -> Response:
    return page(request, "survey/thanks.html", user=None, title=t("sv_public_thanks_title"))
