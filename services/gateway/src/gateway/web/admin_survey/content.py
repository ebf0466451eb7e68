"""The admin edits the period's questionnaire: question texts, examples and answer wording of the nine
unsur (performance and importance); the unsur and their order stay."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.common import form_text, page, read_form
from gateway.web.forms import Rejection, submit_form
from gateway.web.menus import admin_menu
from gateway.web.service_calls import valid_id
from gateway.web.session import WebUser, require_admin
from gateway.web.shared.survey_client import SERVICE, UNSUR_COUNT, ensure_ok, survey

router = APIRouter(include_in_schema=False)
SIDES = ("performance", "importance")


def content_from_form(form) -> dict:
    """Form fields <side>.<n>.text / .example / .a1..a4 → the service's content document."""
    return {side: [{"unsur": n, "text": form_text(form, f"{side}.{n}.text")[:600],
                    "example": form_text(form, f"{side}.{n}.example")[:1100],
                    "answers": [form_text(form, f"{side}.{n}.a{k}")[:100] for k in range(1, 5)]}
                   for n in range(1, UNSUR_COUNT + 1)] for side in SIDES}


def _page(request: Request, user: WebUser, period: dict, content: dict, *, errors=None, status_code=200,
          alert=None) -> Response:
    return page(request, "admin_survey/content.html", status_code=status_code, user=user, nav="skm",
                menu=admin_menu(), title=t("sv_content_title"), period=period, content=content,
                errors=errors or {}, alert=alert)


@router.get("/admin/skm/{period_id}/kuesioner")
async def content_form(period_id: str, request: Request) -> Response:
    user = await require_admin(request)
    if not valid_id(period_id):
        raise HTTPException(404)
    period = ensure_ok(request, await survey(request, "GET", f"/admin/periods/{period_id}", user=user))
    return _page(request, user, period, period["content"])


@router.post("/admin/skm/{period_id}/kuesioner")
async def content_save(period_id: str, request: Request) -> Response:
    user = await require_admin(request)
    if not valid_id(period_id):
        raise HTTPException(404)
    content = content_from_form(await read_form(request, max_files=0))

    async def failed(r: Rejection) -> Response:
        period = ensure_ok(request, await survey(request, "GET", f"/admin/periods/{period_id}", user=user))
        return _page(request, user, period, content, errors=r.errors, status_code=r.status, alert=r.alert())

    return await submit_form(request, SERVICE, survey(request, "PUT", f"/admin/periods/{period_id}/content",
                                                      user=user, json=content),
                             flash="sv_content_saved", then=f"/admin/skm/{period_id}", again=failed)
