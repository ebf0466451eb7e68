"""`/ukm/daftar` (Daftarkan UKM/Koperasi) and `/ukm/<id>/edit`: one form in sections."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.upstream import UpstreamUnavailable
from gateway.web.common import form_text, page, redirect
from gateway.web.session import Forbidden, WebUser, require_user, set_flash
from gateway.web.shared.ukm_client import ensure_ok, reference, ukm, valid_id
from gateway.web.ukm import form as ukm_form
from gateway.web.ukm.detail import load_business, menu_for
from gateway.web.ukm.uploads import read_upload_form

router = APIRouter(include_in_schema=False)


def detail_url(user: WebUser, business_id: str) -> str:
    return f"/admin/ukm/{business_id}" if user.is_admin else f"/ukm/{business_id}"


async def _form_page(request: Request, user: WebUser, values: dict, errors: dict, *,
                     business: dict | None = None, status_code: int = 200,
                     summary: str | None = None) -> Response:
    edit = business is not None
    ctx = ukm_form.context(values, await reference(request))
    steps = ukm_form.sections(edit)
    return page(request, "ukm/form.html", status_code=status_code, user=user, nav="ukm",
                menu=menu_for(user), title=t("ukm_edit_title") if edit else t("ukm_form"),
                steps=steps, errors=errors, labels=ukm_form.field_labels(), summary=summary,
                start_step=ukm_form.first_error_section(errors, edit) if errors else steps[0][0],
                action=f"/ukm/{business['id']}/edit" if edit else "/ukm/daftar",
                cancel=detail_url(user, business["id"]) if edit else "/dashboard", business=business,
                **ctx)


@router.get("/ukm/daftar")
async def register_form(request: Request) -> Response:
    user = await require_user(request)
    if user.is_admin:
        return redirect("/admin/ukm")
    return await _form_page(request, user, {"kind": "ukm", "position": "pemilik"}, {})


@router.post("/ukm/daftar")
async def register_submit(request: Request) -> Response:
    user = await require_user(request)
    form = await read_upload_form(request)
    values = ukm_form.values_from_form(form, edit=False)
    if form_text(form, "aksi") == "wilayah":  # no-JS: reload the region selects, values kept
        return await _form_page(request, user, values, {})
    data, local = await ukm_form.multipart(form, values, with_photos=True,
                                           names=ukm_form.BUSINESS_FIELDS + ("position",))
    result = await ukm(request, "POST", "/businesses", user=user, data=data)
    if result.status in (200, 201) and isinstance(result.data, dict):
        set_flash(request, "ukm_registered")
        return redirect(f"/ukm/{result.data.get('id')}" if result.data.get("id") else "/dashboard")
    return await _failed(request, user, result, values, local, None)


async def _failed(request: Request, user: WebUser, result, values: dict, local: dict,
                  business: dict | None) -> Response:
    if result.status in (401, 403, 404):
        ensure_ok(request, result)
    errors = {**result.errors(), **local}
    if result.status in (413, 422) or errors:
        if result.status == 413 and not errors:
            errors = {"body": t("ukm_too_large")}
        return await _form_page(request, user, values, errors, business=business,
                                status_code=result.status if result.status >= 400 else 422,
                                summary=t("ukm_failed"))
    raise UpstreamUnavailable("ukm")


@router.get("/ukm/{business_id}/edit")
async def edit_form(business_id: str, request: Request) -> Response:
    user = await require_user(request)
    b = await load_business(request, user, business_id)
    if not b.get("can_edit"):
        raise Forbidden()
    return await _form_page(request, user, ukm_form.values_from_detail(b), {}, business=b)


@router.post("/ukm/{business_id}/edit")
async def edit_submit(business_id: str, request: Request) -> Response:
    user = await require_user(request)
    if not valid_id(business_id):
        raise HTTPException(404)
    form = await read_upload_form(request)
    values = ukm_form.values_from_form(form, edit=True)
    b = {"id": business_id, "name": form_text(form, "name")}
    if form_text(form, "aksi") == "wilayah":
        return await _form_page(request, user, values, {}, business=b)
    data, _ = await ukm_form.multipart(form, values, with_photos=False,
                                       names=ukm_form.BUSINESS_FIELDS)
    result = await ukm(request, "PATCH", f"/businesses/{business_id}", user=user, data=data)
    if result.status == 200:
        set_flash(request, "ukm_saved")
        return redirect(detail_url(user, business_id))
    return await _failed(request, user, result, values, {}, b)
