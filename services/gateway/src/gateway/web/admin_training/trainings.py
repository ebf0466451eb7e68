"""Admin: the training schedule (Jadwal Pelatihan) — list, Tambah Pelatihan, edit."""
from __future__ import annotations

import re

from fastapi import APIRouter, Query, Request
from starlette.datastructures import FormData
from starlette.responses import Response

from gateway.i18n import t
from gateway.upstream import UpstreamResponse
from gateway.web.common import form_text, page, read_form
from gateway.web.forms import Rejection, ok_with_object, submit_form
from gateway.web.menus import admin_menu
from gateway.web.session import WebUser, require_admin
from gateway.web.shared.training_client import (
    MODES,
    SERVICE,
    check_id,
    ensure_ok,
    from_wib_input,
    items_of,
    pager,
    to_wib_input,
    training,
)

router = APIRouter(include_in_schema=False)
PER_PAGE = 20
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
PERMITS = ("nib", "halal", "pirt", "bpom", "haki")
TEXT = ("title", "kind", "level", "venue", "description", "whatsapp_link")
INTS = ("batch", "quota", "hours", "min_attendance_percent")
REQ_INTS = ("age_min", "age_max", "workforce_min")
REQ_MONEY = ("assets_min", "assets_max", "turnover_min", "turnover_max")


def is_superadmin(user: WebUser) -> bool:
    return user.claims.role == "superadmin"


def _int(value: str) -> int | None:
    return int(value) if re.fullmatch(r"\d{1,9}", value) else None


def _money(value: str) -> int | None:
    text = "".join(value.split())
    text = text[2:] if text[:2].lower() == "rp" else text
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        return int(text.replace(".", ""))
    return int(text) if re.fullmatch(r"\d{1,16}", text) else None


def values_of(tr: dict) -> dict:
    """A TrainingAdmin answer as the form's text values."""
    req = tr.get("requirements") or {}
    values = {k: str(tr.get(k) if tr.get(k) is not None else "") for k in TEXT + INTS}
    values.update(mode=tr.get("mode") or "", start_date=tr.get("start_date") or "",
                  end_date=tr.get("end_date") or "",
                  registration_opens_at=to_wib_input(tr.get("registration_opens_at")),
                  registration_closes_at=to_wib_input(tr.get("registration_closes_at")),
                  has_evaluation="1" if tr.get("has_evaluation") else "",
                  pass_mark="" if tr.get("pass_mark") is None else str(tr["pass_mark"]),
                  org_id=tr.get("org_id") or "")
    for k in REQ_INTS + REQ_MONEY:
        values["req_" + k] = "" if req.get(k) is None else str(req[k])
    values["req_permits"] = list(req.get("permits") or [])
    values["req_regencies"] = ", ".join(req.get("regencies") or [])
    values["req_checklist"] = "\n".join(tr.get("checklist") or [])
    return values


def parse_form(form: FormData) -> tuple[dict, dict, dict]:
    """(text values for re-showing, JSON body for the service, local errors)."""
    values = {k: form_text(form, k) for k in TEXT + INTS + (
        "mode", "start_date", "end_date", "registration_opens_at", "registration_closes_at",
        "has_evaluation", "pass_mark", "org_id", "req_regencies", "req_checklist")}
    for k in REQ_INTS + REQ_MONEY:
        values["req_" + k] = form_text(form, "req_" + k)
    values["req_permits"] = [p for p in form.getlist("req_permits") if p in PERMITS]
    errors: dict[str, str] = {}
    body: dict = {k: values[k] for k in TEXT}
    for k in INTS:
        body[k] = _int(values[k])
        if body[k] is None:
            errors[k] = t("tr_bad_number")
    body.update(mode=values["mode"], start_date=values["start_date"] or None,
                end_date=values["end_date"] or None,
                has_evaluation=values["has_evaluation"] == "1")
    for k in ("registration_opens_at", "registration_closes_at"):
        body[k] = from_wib_input(values[k])
        if body[k] is None:
            errors[k] = t("tr_bad_datetime")
    body["pass_mark"] = _int(values["pass_mark"]) if values["pass_mark"] else None
    if values["pass_mark"] and body["pass_mark"] is None:
        errors["pass_mark"] = t("tr_bad_number")
    req: dict = {}
    for k in REQ_INTS + REQ_MONEY:
        raw = values["req_" + k]
        if raw:
            req[k] = (_money if k in REQ_MONEY else _int)(raw)
            if req[k] is None:
                errors["req_" + k] = t("tr_bad_number")
    req["permits"] = values["req_permits"]
    req["regencies"] = [c.strip() for c in re.split(r"[,\s]+", values["req_regencies"]) if c.strip()]
    req["checklist"] = [line.strip() for line in values["req_checklist"].splitlines() if line.strip()]
    body["requirements"] = req
    if values["org_id"]:
        body["org_id"] = values["org_id"]
    return values, body, errors


def field_of(key: str) -> str:
    """A service error key ("requirements.age_min", "requirements.checklist.0") as a form field."""
    if key.startswith("requirements."):
        return "req_" + key.split(".")[1]
    return key.split(".")[0]


async def _org_choices(request: Request, user: WebUser) -> list[tuple[str, str]]:
    """Superadmin: the organisations known from the schedule (labelled by their venue)."""
    if not is_superadmin(user):
        return []
    result = await training(request, "GET", "/admin/trainings", user=user, params={"per_page": 100})
    seen: dict[str, str] = {}
    for tr in items_of(result.data if result.ok and isinstance(result.data, dict) else None):
        if tr.get("org_id") and tr["org_id"] not in seen and tr.get("venue"):
            seen[tr["org_id"]] = f"{tr['venue']} ({tr['org_id'][:8]})"
        seen.setdefault(tr.get("org_id") or "", tr.get("org_id") or "")
    return [(k, v) for k, v in seen.items() if k]


@router.get("/admin/pelatihan")
async def trainings(request: Request, q: str = Query("", max_length=100),
                    mode: str = Query("", max_length=20), month: str = Query("", max_length=7),
                    page_no: int = Query(1, alias="page", ge=1, le=10_000)) -> Response:
    user = await require_admin(request)
    q = q.strip()
    mode = mode if mode in MODES else ""
    month = month if MONTH.match(month) else ""
    params: dict = {"page": page_no, "per_page": PER_PAGE}
    params.update({k: v for k, v in (("q", q), ("mode", mode), ("month", month)) if v})
    data = ensure_ok(request, await training(request, "GET", "/admin/trainings", user=user,
                                             params=params))
    total = int(data.get("total") or 0)
    filters = {"q": q, "mode": mode, "month": month}
    return page(request, "admin_training/list.html", user=user, nav="jadwal", menu=admin_menu(),
                title=t("tr_admin_list"), items=items_of(data), total=total, filters=filters,
                first_no=(page_no - 1) * PER_PAGE + 1,
                pager=pager("/admin/pelatihan", filters, page_no, total, PER_PAGE))


async def _form_page(request: Request, user: WebUser, values: dict, *, training_id: str = "",
                     status_code: int = 200, errors: dict | None = None,
                     alert: str | None = None) -> Response:
    return page(request, "admin_training/form.html", status_code=status_code, user=user,
                nav="jadwal", menu=admin_menu(),
                title=t("tr_edit_title") if training_id else t("tr_add"), values=values,
                training_id=training_id, errors=errors or {}, alert=alert, permits=PERMITS,
                orgs=await _org_choices(request, user) if not training_id else [])


@router.get("/admin/pelatihan/baru")
async def new_form(request: Request) -> Response:
    user = await require_admin(request)
    values = {"mode": "residential", "batch": "1", "min_attendance_percent": "80",
              "req_permits": [], "org_id": user.claims.org or ""}
    return await _form_page(request, user, values)


async def _save(request: Request, training_id: str = "") -> Response:
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    values, body, errors = parse_form(form)
    if not is_superadmin(user) or training_id:
        body.pop("org_id", None)
    if errors:
        return await _form_page(request, user, values, training_id=training_id, status_code=422,
                                errors=errors, alert=t("tr_save_failed"))
    if training_id:
        call = training(request, "PATCH", f"/admin/trainings/{training_id}", user=user, json=body)
    else:
        call = training(request, "POST", "/admin/trainings", user=user, json=body)

    async def failed(r: Rejection) -> Response:
        errors: dict[str, str] = {}
        for key, msg in r.errors.items():
            errors.setdefault(field_of(key), msg)
        return await _form_page(request, user, values, training_id=training_id, status_code=r.status,
                                errors=errors, alert=r.detail or t("tr_save_failed"))

    return await submit_form(request, SERVICE, call, accept=ok_with_object,
                             flash="tr_saved" if training_id else "tr_created",
                             then=f"/admin/pelatihan/{training_id}/edit" if training_id else "/admin/pelatihan",
                             again=failed, fixable=_fixable)


def _fixable(result: UpstreamResponse, errors: dict[str, str]) -> bool:
    """409/422, and a 403 that names a field (an organisation the admin may not plan for)."""
    return result.status in (409, 422) or (result.status == 403 and bool(errors))


@router.post("/admin/pelatihan/baru")
async def create(request: Request) -> Response:
    return await _save(request)


@router.get("/admin/pelatihan/{training_id}/edit")
async def edit_form(training_id: str, request: Request) -> Response:
    check_id(training_id)
    user = await require_admin(request)
    tr = ensure_ok(request, await training(request, "GET", f"/admin/trainings/{training_id}",
                                           user=user))
    return await _form_page(request, user, values_of(tr), training_id=training_id)


@router.post("/admin/pelatihan/{training_id}/edit")
async def edit(training_id: str, request: Request) -> Response:
    check_id(training_id)
    return await _save(request, training_id)
