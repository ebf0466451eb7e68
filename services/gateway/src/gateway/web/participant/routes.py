"""Participant area: dashboard, own profile (view and edit), photo, features coming soon."""
from __future__ import annotations

import asyncio
from datetime import datetime

import aiohttp
from fastapi import APIRouter, Request
from starlette.responses import Response

from gateway.errors import error_page
from gateway.i18n import WIB, t
from gateway.upstream import UpstreamResponse
from gateway.web.common import form_file, form_text, identity, page, read_form, redirect
from gateway.web.forms import Rejection, any_answer, submit_form
from gateway.web.menus import PARTICIPANT_SOON, participant_menu
from gateway.web.participant.next_steps import next_steps
from gateway.web.participant.register import field_labels
from gateway.web.service_calls import valid_id
from gateway.web.session import LoginRequired, WebUser, clear_session, require_user
from gateway.web.shared.files import proxy_file
from gateway.web.shared.lodging_client import rooms_to_confirm
from gateway.web.shared.photos import photo_error
from gateway.web.shared.survey_client import my_invitations
from gateway.web.shared.tiles import fetch_json
from gateway.web.shared.training_client import my_history
from gateway.web.shared.ukm_client import my_businesses
from gateway.web.wilayah import region_choices

router = APIRouter(include_in_schema=False)
EDITABLE = ("full_name", "phone", "birth_place", "regency_code", "district_code", "village_code",
            "address", "marital_status", "npwp")
PHOTO_HEADERS = ("Content-Type", "ETag", "Last-Modified")


async def _me(request: Request, user: WebUser) -> dict:
    result = await identity(request, "GET", "/me", user=user)
    if result.status == 401:
        clear_session(request)
        raise LoginRequired()
    if result.status != 200 or not isinstance(result.data, dict):
        raise RuntimeError(f"identity /me answered {result.status}")
    return result.data


@router.get("/dashboard")
async def dashboard(request: Request) -> Response:
    user = await require_user(request)
    if user.is_admin:
        return redirect("/admin")
    me, businesses, history, rooms, surveys, certificates = await asyncio.gather(
        _me(request, user), my_businesses(request, user), my_history(request, user),
        rooms_to_confirm(request, user), my_invitations(request, user),
        fetch_json(request, user, "certificate", "/certificates/mine"))
    certs = [c for c in (certificates or {}).get("items") or [] if isinstance(c, dict)]
    steps = next_steps(businesses=businesses, history=history, rooms=rooms, surveys=surveys,
                       certificates=certs, today=datetime.now(WIB).date())
    down = [name for name, data in (("Pelatihan", history), ("Sertifikat", certificates), ("SKM", surveys))
            if data is None]
    return page(request, "participant/dashboard.html", user=user, nav="dashboard",
                menu=participant_menu(), title=t("dashboard_title"), me=me,
                trainings_count=history["completed_count"] if history else 0,
                businesses=businesses, history=history, steps=steps, steps_down=down)


def _profile_page(request: Request, user: WebUser, me: dict, values: dict, errors: dict,
                  status: int = 200, summary: str | None = None) -> Response:
    regions = region_choices(values.get("province", ""), values.get("regency_code", ""),
                             values.get("district_code", ""), values.get("village_code", ""))
    # the profile shows the participant's full NIK/KK: the edge marks it no-store (logged in)
    return page(request, "participant/profile.html", status_code=status, user=user, nav="profil",
                menu=participant_menu(), title=t("profile_title"), me=me, values=values,
                errors=errors, regions=regions, labels=field_labels(), summary=summary)


@router.get("/profil")
async def profile(request: Request) -> Response:
    user = await require_user(request)
    if user.is_admin:
        return redirect("/admin")
    me = await _me(request, user)
    values = {name: me.get(name) or "" for name in EDITABLE}
    return _profile_page(request, user, me, values, {})


@router.post("/profil")
async def profile_update(request: Request) -> Response:
    user = await require_user(request)
    form = await read_form(request, max_files=1)
    values = {name: form_text(form, name) for name in EDITABLE + ("province",)}
    if form_text(form, "aksi") == "wilayah":
        return _profile_page(request, user, await _me(request, user), values, {})
    data = aiohttp.FormData()
    for name in EDITABLE:
        data.add_field(name, values[name])  # assumption: an empty npwp clears it
    errors = {}
    photo = form_file(form, "photo")
    if photo is not None:
        error = await photo_error(photo)
        if error:
            errors["photo"] = error
        else:
            data.add_field("photo", await photo.read(), filename=photo.filename[-100:],
                           content_type=photo.content_type or "application/octet-stream")

    async def failed(r: Rejection) -> Response:
        errors = r.errors or {"_": r.detail or t("error_500_body")}
        return _profile_page(request, user, await _me(request, user), values, errors, 422,
                             summary=t("profile_failed"))

    if errors:  # not worth sending on
        return await failed(Rejection(UpstreamResponse(422), errors))
    return await submit_form(request, "identity", identity(request, "PATCH", "/me", user=user, data=data),
                             accept=lambda r: r.status == 200, flash="profile_saved", then="/profil",
                             again=failed, fixable=any_answer)


@router.get("/foto/{participant_id}")
async def photo(participant_id: str, request: Request) -> Response:
    """The profile photo for pages: identity's photo endpoint with the session's token."""
    if not valid_id(participant_id):
        return Response(status_code=404)
    return await proxy_file(request, "identity", f"/participants/{participant_id}/photo",
                            keep=PHOTO_HEADERS)


@router.get("/segera-hadir/{slug}")
async def coming_soon(slug: str, request: Request) -> Response:
    user = await require_user(request)
    if slug not in PARTICIPANT_SOON:
        return error_page(404)
    return page(request, "coming_soon.html", user=user, nav=slug, menu=participant_menu(),
                title=t(PARTICIPANT_SOON[slug]))
