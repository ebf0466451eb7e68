"""The template editor of "Sertifikat": wording, signatory, logo, number format and the syllabus page
per organisation and training kind, with a live preview (sample data, watermark CONTOH)."""
from __future__ import annotations

import aiohttp
from fastapi import APIRouter, Query, Request
from starlette.datastructures import FormData
from starlette.responses import Response

from gateway.edge import client_ip
from gateway.i18n import t
from gateway.web.common import form_file, form_text, page, read_form
from gateway.web.forms import Rejection, submit_form
from gateway.web.menus import admin_menu
from gateway.web.service_calls import valid_id
from gateway.web.session import WebUser, require_admin
from gateway.web.shared.certificate_client import SERVICE, certificate, ensure_ok

router = APIRouter(include_in_schema=False)
FIELDS = ("org_code", "org_name", "org_parent", "place", "number_format", "heading", "intro", "body", "closing",
          "signatory_position", "signatory_name", "signatory_nip")
MAX_LOGO = 3 * 1024 * 1024


def _params(jenis: str, org: str) -> dict:
    params = {"kind": " ".join(jenis.split())[:60] or "*"}
    if org and valid_id(org):
        params["org_id"] = org
    return params


def _editor(request: Request, user: WebUser, tpl: dict, params: dict, *, status_code: int = 200,
            errors: dict | None = None, alert: str | None = None) -> Response:
    return page(request, "admin_certificate/template.html", status_code=status_code, user=user, nav="sertifikat",
                menu=admin_menu(), title=t("cert_tpl_title"), tpl=tpl, params=params, errors=errors or {},
                alert=alert)


@router.get("/admin/sertifikat/template")
async def editor(request: Request, jenis: str = Query("", max_length=60), org: str = Query("", max_length=64)
                 ) -> Response:
    user = await require_admin(request)
    params = _params(jenis, org)
    result = await certificate(request, "GET", "/admin/templates", user=user, params=params)
    if result.status == 422:
        return _editor(request, user, {}, params, status_code=422, alert=result.detail()
                       or next(iter(result.errors().values()), None))
    return _editor(request, user, ensure_ok(request, result), params)


async def _body(form: FormData) -> aiohttp.FormData:
    body = aiohttp.FormData()
    for name in FIELDS:
        body.add_field(name, form_text(form, name))
    body.add_field("syllabus_page", "1" if form_text(form, "syllabus_page") else "")
    body.add_field("remove_logo", "1" if form_text(form, "remove_logo") else "")
    logo = form_file(form, "logo")
    if logo is not None:
        data = await logo.read(MAX_LOGO + 1)
        body.add_field("logo", data, filename="logo", content_type=logo.content_type or "application/octet-stream")
    return body


@router.post("/admin/sertifikat/template")
async def save(request: Request, jenis: str = Query("", max_length=60), org: str = Query("", max_length=64)
               ) -> Response:
    user = await require_admin(request)
    form = await read_form(request, max_files=1)
    params = _params(jenis, org)
    typed = {name: form_text(form, name) for name in FIELDS} | {
        "syllabus_page": bool(form_text(form, "syllabus_page")), "kind": params["kind"]}

    async def failed(r: Rejection) -> Response:
        return _editor(request, user, typed, params, status_code=r.status, errors=r.errors, alert=r.alert())

    query = "&".join(f"{k}={v}" for k, v in (("jenis", jenis), ("org", org)) if v)
    return await submit_form(request, SERVICE, certificate(request, "PUT", "/admin/templates", user=user,
                                                           params=params, data=await _body(form)),
                             flash="cert_tpl_saved", then="/admin/sertifikat/template" + ("?" + query if query else ""),
                             again=failed)


@router.post("/admin/sertifikat/template/pratinjau")
async def preview(request: Request, jenis: str = Query("", max_length=60), org: str = Query("", max_length=64)
                  ) -> Response:
    """The PDF of the fields as typed (nothing saved), shown inline in a new tab."""
    user = await require_admin(request)
    form = await read_form(request, max_files=1)
    params = _params(jenis, org)
    r = await request.app.state.upstreams.call(SERVICE, "POST", "/admin/templates/preview", params=params,
                                               data=await _body(form), token=user.access_token,
                                               client_ip=client_ip(request.scope))
    if r.status == 200:
        return Response(r.body, media_type="application/pdf", headers={
            "Content-Disposition": 'inline; filename="contoh-sertifikat.pdf"', "Cache-Control": "no-store"})
    data = r.data
    data = data if isinstance(data, dict) else {}
    typed = {name: form_text(form, name) for name in FIELDS} | {"kind": params["kind"]}
    errors = data.get("errors") if isinstance(data.get("errors"), dict) else {}
    return _editor(request, user, typed, params, status_code=r.status if r.status < 500 else 503,
                   errors=errors, alert=data.get("detail") if isinstance(data.get("detail"), str) else None)
