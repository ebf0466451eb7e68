"""`/daftar`: one form in three steps, validated step by step by identity, then posted whole."""
from __future__ import annotations

import aiohttp
import orjson
from fastapi import APIRouter, Request
from starlette.datastructures import FormData
from starlette.responses import JSONResponse, Response

from gateway.errors import json_error
from gateway.i18n import t
from gateway.upstream import UpstreamResponse
from gateway.web.common import form_file, form_text, identity, page, read_form
from gateway.web.csrf import check_csrf
from gateway.web.forms import Rejection, any_answer, submit_form
from gateway.web.session import set_flash, store_tokens
from gateway.web.shared.photos import photo_error
from gateway.web.wilayah import region_choices

router = APIRouter(include_in_schema=False)

STEPS = {
    "data_diri": ("full_name", "nik", "kk", "phone", "birth_place", "birth_date"),
    "data_alamat": ("regency_code", "district_code", "village_code", "address", "marital_status",
                    "npwp", "photo"),
    "akun": ("username", "password", "password_confirm"),
}
STEP_LABELS = {"data_diri": "step_data_diri", "data_alamat": "step_data_alamat", "akun": "step_akun"}
SECRET_FIELDS = {"password", "password_confirm"}
TEXT_FIELDS = [f for fields in STEPS.values() for f in fields if f != "photo"]
FIELD_LABEL_KEYS = {"full_name": "full_name", "nik": "nik", "kk": "kk", "phone": "phone",
                    "birth_place": "birth_place", "birth_date": "birth_date",
                    "regency_code": "regency", "district_code": "district",
                    "village_code": "village", "address": "address",
                    "marital_status": "marital_status", "npwp": "npwp", "photo": "photo",
                    "username": "username", "password": "password",
                    "password_confirm": "password_confirm"}


def field_labels() -> dict[str, str]:
    return {name: t(key) for name, key in FIELD_LABEL_KEYS.items()}


def first_error_step(errors: dict[str, str]) -> str:
    for step, fields in STEPS.items():
        if any(f in errors for f in fields):
            return step
    return "data_diri"


def render_form(request: Request, values: dict, errors: dict, status: int = 200,
                summary: str | None = None) -> Response:
    regions = region_choices(values.get("province", ""), values.get("regency_code", ""),
                             values.get("district_code", ""), values.get("village_code", ""))
    return page(request, "participant/register.html", status_code=status,
                title=t("register_title"), values=values, errors=errors, regions=regions,
                steps=[(key, t(label)) for key, label in STEP_LABELS.items()],
                start_step=first_error_step(errors) if errors else "data_diri",
                labels=field_labels(), summary=summary)


@router.get("/daftar")
async def register_form(request: Request, prov: str = "", kab: str = "", kec: str = "") -> Response:
    values = {"province": prov[:2], "regency_code": kab[:5], "district_code": kec[:8]}
    return render_form(request, values, {})


@router.post("/daftar")
async def register_submit(request: Request) -> Response:
    form = await read_form(request, max_files=1)
    values = {name: form_text(form, name) for name in TEXT_FIELDS + ["province"]}
    kept = {k: v for k, v in values.items() if k not in SECRET_FIELDS}
    if form_text(form, "aksi") == "wilayah":  # no-JS users reloading the region selects
        return render_form(request, kept, {})

    data, local_errors = await _multipart(form, values)

    async def signed_up(result: UpstreamResponse) -> str:
        login = await identity(request, "POST", "/auth/login",
                               json={"login": values["username"], "password": values["password"]})
        set_flash(request, "account_created")
        if login.status == 200 and isinstance(login.data, dict):
            store_tokens(request, login.data)
            return "/dashboard"
        return "/"

    def failed(r: Rejection) -> Response:
        if r.result.status == 422 or r.errors:
            return render_form(request, kept, r.errors, 422, summary=t("register_failed"))
        return render_form(request, kept, {}, 503 if r.result.status >= 500 else 400,
                           summary=r.detail or t("error_500_body"))

    return await submit_form(request, "identity", identity(request, "POST", "/participants", data=data),
                             accept=lambda r: r.status in (200, 201), then=signed_up, again=failed,
                             fixable=any_answer, local_errors=local_errors)


async def _multipart(form: FormData, values: dict) -> tuple[aiohttp.FormData, dict[str, str]]:
    data = aiohttp.FormData()
    for name in TEXT_FIELDS:
        if values[name] or name != "npwp":
            data.add_field(name, values[name])
    errors: dict[str, str] = {}
    photo = form_file(form, "photo")
    if photo is not None:
        error = await photo_error(photo)
        if error:
            errors["photo"] = error  # not worth sending on
        else:
            data.add_field("photo", await photo.read(), filename=photo.filename[-100:],
                           content_type=photo.content_type or "application/octet-stream")
    return data, errors


@router.post("/daftar/validasi")
async def validate_step(request: Request) -> Response:
    """JSON for the form's script: {"step", "data"} -> identity's field errors of that step."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    try:
        body = orjson.loads(await request.body())
    except orjson.JSONDecodeError:
        return json_error(400, t("api_bad_json"))
    if not isinstance(body, dict) or body.get("step") not in STEPS or not isinstance(body.get("data"), dict):
        return json_error(422, t("api_bad_request"))
    step = body["step"]
    data = {k: str(v)[:500] for k, v in body["data"].items()
            if k in STEPS[step] and k != "photo" and isinstance(v, (str, int))}
    result = await identity(request, "POST", "/participants/validate",
                            json={"step": step, "data": data})
    if result.status in (200, 422):
        return JSONResponse({"errors": result.errors()}, status_code=result.status)
    return json_error(503, t("api_unavailable", service="identity"))
