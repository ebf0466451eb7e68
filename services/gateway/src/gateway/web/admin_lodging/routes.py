"""Asrama (admin): the occupancy board with the waiting list on top, one guest's page (move, release,
front-desk check-in/out), the printable "Daftar Kamar Peserta" with CSV/XLSX export."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from gateway.i18n import WIB, t
from gateway.web.common import form_text, identity, page, read_form
from gateway.web.forms import Rejection, submit_form
from gateway.web.menus import admin_menu
from gateway.web.session import WebUser, require_admin
from gateway.web.shared.files import proxy_file
from gateway.web.shared.lodging_client import SERVICE, check_id, ensure_ok, lodging, org_choices

router = APIRouter(include_in_schema=False)
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _day(value: str, default: date) -> date:
    try:
        return date.fromisoformat(value) if DAY.match(value) else default
    except ValueError:
        return default


def _first_name(name: str) -> str:
    return (name or "").split(" ")[0]


async def _username_of(request: Request, user: WebUser, q: str) -> str:
    """"Username / NIK Peserta": a full NIK is looked up in identity (blind index); lodging never sees it."""
    if not (q.isdigit() and len(q) == 16):
        return q
    found = await identity(request, "GET", "/admin/participants", user=user, params={"q": q, "per_page": 1})
    items = found.data.get("items") if found.ok and isinstance(found.data, dict) else None
    return str(items[0].get("username") or "") if items else "#tidak-ditemukan#"


@router.get("/admin/asrama")
async def board(request: Request, q: str = Query("", max_length=100), pelatihan: str = Query("", max_length=100),
                dari: str = Query("", max_length=10), sampai: str = Query("", max_length=10),
                org: str = Query("", max_length=40)) -> Response:
    """The board for a week (or the chosen nights), searchable like the guide's screen."""
    user = await require_admin(request)
    org, orgs = await org_choices(request, user, org)
    start = _day(dari, datetime.now(WIB).date())
    end = _day(sampai, start + timedelta(days=6))
    end = min(max(end, start), start + timedelta(days=30))
    params = {"start": start.isoformat(), "end": end.isoformat(), "q": await _username_of(request, user, q.strip()),
              "training": pelatihan.strip()}
    if org:
        params["org_id"] = org
    data = ensure_ok(request, await lodging(request, "GET", "/admin/board", user=user, params=params))
    nights = [str(n) for n in data.get("nights") or []]
    guests = {}
    for room in data.get("rooms") or []:
        for bed in room.get("beds") or []:
            cells = []
            for night in nights:
                who = next((s for s in bed.get("stays") or [] if s["first_night"] <= night <= s["last_night"]), None)
                closed = bool(room.get("closed_from")) and room["closed_from"] <= night <= room["closed_until"]
                cells.append({"who": _first_name(who["participant_name"]) if who else "", "closed": closed})
            bed["cells"] = cells
            for s in bed.get("stays") or []:
                guests[s["stay_id"]] = dict(s, room_label=f"{room['code']}-{bed['label']}")
    return page(request, "admin_lodging/board.html", user=user, nav="asrama", menu=admin_menu(),
                title=t("lg_board_title"), data=data, nights=nights, guests=list(guests.values()), orgs=orgs,
                filters={"q": q.strip(), "pelatihan": params["training"], "dari": start.isoformat(),
                         "sampai": end.isoformat(), "org": org})


async def _guest_page(request: Request, user: WebUser, stay_id: str, *, status_code: int = 200,
                      alert: str | None = None) -> Response:
    check_id(stay_id)
    stay = ensure_ok(request, await lodging(request, "GET", f"/admin/stays/{stay_id}", user=user))
    dorm = ensure_ok(request, await lodging(request, "GET", "/admin/dormitory", user=user,
                                            params={"org_id": stay["org_id"]}))
    beds = [(b["bed_id"], f"{r['building_name']} · {r['code']}-{b['label']}")
            for r in dorm.get("rooms") or [] if r["sex"] == stay["sex"] for b in r.get("beds") or []]
    return page(request, "admin_lodging/guest.html", status_code=status_code, user=user, nav="asrama",
                menu=admin_menu(), title=stay["participant_name"], s=stay, beds=beds, alert=alert)


@router.get("/admin/asrama/tamu/{stay_id}")
async def guest(stay_id: str, request: Request) -> Response:
    return await _guest_page(request, await require_admin(request), stay_id)


async def _act(request: Request, stay_id: str, action: str, flash: str) -> Response:
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    check_id(stay_id)
    kwargs = {}
    if action == "reassign":
        bed = form_text(form, "bed_id")
        check_id(bed)
        kwargs["json"] = {"bed_id": bed}

    async def failed(r: Rejection) -> Response:
        return await _guest_page(request, user, stay_id, status_code=r.status, alert=r.alert())

    return await submit_form(request, SERVICE, lodging(request, "POST", f"/admin/stays/{stay_id}/{action}",
                                                       user=user, **kwargs),
                             flash=flash, then=f"/admin/asrama/tamu/{stay_id}", again=failed)


@router.post("/admin/asrama/tamu/{stay_id}/pindah")
async def move(stay_id: str, request: Request) -> Response:
    return await _act(request, stay_id, "reassign", "lg_moved")


@router.post("/admin/asrama/tamu/{stay_id}/lepas")
async def release(stay_id: str, request: Request) -> Response:
    return await _act(request, stay_id, "release", "lg_released")


@router.post("/admin/asrama/tamu/{stay_id}/check-in")
async def check_in(stay_id: str, request: Request) -> Response:
    return await _act(request, stay_id, "check-in", "lg_fd_checked_in")


@router.post("/admin/asrama/tamu/{stay_id}/check-out")
async def check_out(stay_id: str, request: Request) -> Response:
    return await _act(request, stay_id, "check-out", "lg_fd_checked_out")


@router.get("/admin/asrama/pelatihan/{training_id}")
async def room_list(training_id: str, request: Request) -> Response:
    """"Daftar Kamar Peserta" of one training, printable for the front desk."""
    user = await require_admin(request)
    check_id(training_id)
    data = ensure_ok(request, await lodging(request, "GET", f"/admin/trainings/{training_id}/rooms", user=user))
    return page(request, "admin_lodging/room_list.html", user=user, nav="asrama", menu=admin_menu(),
                title=t("lg_room_list"), data=data)


@router.get("/admin/asrama/pelatihan/{training_id}/unduh")
async def export(training_id: str, request: Request, format: str = Query("csv", pattern="^(csv|xlsx)$")) -> Response:
    """The room list as CSV or XLSX, fetched with the admin's token (the service checks the organisation)."""
    await require_admin(request)
    check_id(training_id)
    return await proxy_file(request, SERVICE, f"/admin/trainings/{training_id}/rooms/export?format={format}",
                            keep=("Content-Type", "Content-Disposition"), cache="private, no-store")
