"""The admin edits the period's questionnaire: question texts, examples and answer wording of the nine
unsur; the unsur and their order stay. One side (performance or importance) per page: both at once
would pass the web forms' 60-field cap."""
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
SIDES = {"kinerja": "performance", "kepentingan": "importance"}


def side_from_form(form, side: str) -> list[dict]:
    """Form fields <side>.<n>.text / .example / .a1..a4 → one side of the service's content document."""
    return [{"unsur": n, "text": form_text(form, f"{side}.{n}.text")[:600],
             "example": form_text(form, f"{side}.{n}.example")[:1100],
             "answers": [form_text(form, f"{side}.{n}.a{k}")[:100] for k in range(1, 5)]}
            for n in range(1, UNSUR_COUNT + 1)]


def _side(sisi: str) -> str:
    if sisi not in SIDES:
        raise HTTPException(404)
    return SIDES[sisi]


def _page(request: Request, user: WebUser, period: dict, content: dict, sisi: str, *, errors=None,
          status_code=200, alert=None) -> Response:
    return page(request, "admin_survey/content.html", status_code=status_code, user=user, nav="skm",
                menu=admin_menu(), title=t("sv_content_title"), period=period, content=content, sisi=sisi,
                side=SIDES[sisi], errors=errors or {}, alert=alert)


async def _period(request: Request, user: WebUser, period_id: str) -> dict:
    if not valid_id(period_id):
        raise HTTPException(404)
    return ensure_ok(request, await survey(request, "GET", f"/admin/periods/{period_id}", user=user))


@router.get("/admin/skm/{period_id}/kuesioner")
async def content_form(period_id: str, request: Request, sisi: str = "kinerja") -> Response:
    user = await require_admin(request)
    _side(sisi)
    period = await _period(request, user, period_id)
    return _page(request, user, period, period["content"], sisi)


@router.post("/admin/skm/{period_id}/kuesioner")
async def content_save(period_id: str, request: Request, sisi: str = "kinerja") -> Response:
    user = await require_admin(request)
    side = _side(sisi)
    posted = await read_form(request, max_files=0)
    period = await _period(request, user, period_id)
    content = {**period["content"], side: side_from_form(posted, side)}

    async def failed(r: Rejection) -> Response:
        return _page(request, user, period, content, sisi, errors=r.errors, status_code=r.status, alert=r.alert())

    return await submit_form(request, SERVICE, survey(request, "PUT", f"/admin/periods/{period_id}/content",
                                                      user=user, json=content),
                             flash="sv_content_saved", then=f"/admin/skm/{period_id}/kuesioner?sisi={sisi}",
                             again=failed)
