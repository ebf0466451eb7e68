"""Asrama (admin): buildings and rooms — create, edit, close for maintenance, reopen — and the
organisation's setting "arrive the evening before"."""
from __future__ import annotations

from fastapi import APIRouter, Query, Request
from starlette.datastructures import FormData
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.common import form_text, page, read_form
from gateway.web.forms import Rejection, submit_form
from gateway.web.menus import admin_menu
from gateway.web.session import WebUser, require_admin
from gateway.web.shared.lodging_client import SERVICE, check_id, ensure_ok, lodging, org_choices

router = APIRouter(include_in_schema=False)
FACILITIES = ("ac", "kipas", "kamar_mandi_dalam", "air_panas", "meja_belajar", "lemari", "tv")


def _int(value: str) -> int | str:
    return int(value) if value.strip().lstrip("-").isdigit() and len(value.strip()) < 4 else value


def _room_body(form: FormData) -> dict:
    return {"code": form_text(form, "code")[:50], "floor": _int(form_text(form, "floor")) or 0,
            "beds": _int(form_text(form, "beds")), "sex": form_text(form, "sex")[:2],
            "accessible": form_text(form, "accessible") == "1", "notes": form_text(form, "notes")[:1000],
            "facilities": [f for f in form.getlist("facilities") if f in FACILITIES]}


async def _page(request: Request, user: WebUser, *, status_code: int = 200, alert: str | None = None,
                errors: dict | None = None, values: dict | None = None, org: str = "") -> Response:
    params = {"org_id": org} if org else {}
    data = ensure_ok(request, await lodging(request, "GET", "/admin/dormitory", user=user, params=params))
    return page(request, "admin_lodging/rooms.html", status_code=status_code, user=user, nav="asrama",
                menu=admin_menu(), title=t("lg_rooms_title"), data=data, alert=alert, errors=errors or {},
                values=values or {}, facilities=FACILITIES, org=org)


@router.get("/admin/asrama/kamar")
async def rooms(request: Request, org: str = Query("", max_length=40)) -> Response:
    user = await require_admin(request)
    org, _ = await org_choices(request, user, org)
    return await _page(request, user, org=org)


async def _post(request: Request, method: str, path: str, flash: str, body=None, org: str = "") -> Response:
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    payload = body(form) if body else None
    params = {"org_id": org} if org else {}

    async def failed(r: Rejection) -> Response:
        return await _page(request, user, status_code=r.status, alert=r.alert(), errors=r.errors,
                           values=payload or {}, org=org)

    return await submit_form(request, SERVICE, lodging(request, method, path, user=user, json=payload, params=params),
                             flash=flash, then="/admin/asrama/kamar" + (f"?org={org}" if org else ""), again=failed)


@router.post("/admin/asrama/kamar/pengaturan")
async def settings(request: Request, org: str = Query("", max_length=40)) -> Response:
    return await _post(request, "PUT", "/admin/dormitory/settings", "lg_settings_saved",
                       lambda f: {"arrive_evening_before": form_text(f, "evening") == "1"}, org)


@router.post("/admin/asrama/kamar/gedung")
async def building(request: Request, org: str = Query("", max_length=40)) -> Response:
    return await _post(request, "POST", "/admin/buildings", "lg_building_saved",
                       lambda f: {"name": form_text(f, "name")[:200], "notes": form_text(f, "notes")[:1000]}, org)


@router.post("/admin/asrama/kamar/baru")
async def new_room(request: Request) -> Response:
    def body(form: FormData) -> dict:
        building_id = form_text(form, "building_id")
        return {**_room_body(form), "building_id": building_id if len(building_id) == 36 else "00000000-0000-0000-0000-000000000000"}
    return await _post(request, "POST", "/admin/rooms", "lg_room_saved", body)


async def _edit_page(request: Request, user: WebUser, room_id: str, *, status_code: int = 200,
                     alert: str | None = None, errors: dict | None = None, values: dict | None = None) -> Response:
    room = ensure_ok(request, await lodging(request, "GET", f"/admin/rooms/{room_id}", user=user))
    return page(request, "admin_lodging/room_edit.html", status_code=status_code, user=user, nav="asrama",
                menu=admin_menu(), title=t("lg_edit_room", code=room["code"]), room=room,
                values=values or dict(room, beds=room["bed_count"]), errors=errors or {}, alert=alert,
                facilities=FACILITIES)


@router.get("/admin/asrama/kamar/{room_id}")
async def room_form(room_id: str, request: Request) -> Response:
    check_id(room_id)
    return await _edit_page(request, await require_admin(request), room_id)


@router.post("/admin/asrama/kamar/{room_id}/ubah")
async def edit_room(room_id: str, request: Request) -> Response:
    user = await require_admin(request)
    check_id(room_id)
    form = await read_form(request, max_files=0)
    body = _room_body(form)

    async def failed(r: Rejection) -> Response:
        return await _edit_page(request, user, room_id, status_code=r.status, alert=r.alert(), errors=r.errors,
                                values=body)

    return await submit_form(request, SERVICE, lodging(request, "PUT", f"/admin/rooms/{room_id}", user=user, json=body),
                             flash="lg_room_saved", then=f"/admin/asrama/kamar/{room_id}", again=failed)


@router.post("/admin/asrama/kamar/{room_id}/tutup")
async def close_room(room_id: str, request: Request) -> Response:
    check_id(room_id)
    return await _post(request, "POST", f"/admin/rooms/{room_id}/close", "lg_room_closed",
                       lambda f: {"closed_from": form_text(f, "closed_from")[:10],
                                  "closed_until": form_text(f, "closed_until")[:10]})


@router.post("/admin/asrama/kamar/{room_id}/buka")
async def reopen_room(room_id: str, request: Request) -> Response:
    check_id(room_id)
    return await _post(request, "POST", f"/admin/rooms/{room_id}/reopen", "lg_room_reopened")
