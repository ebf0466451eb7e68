"""`/ukm/daftar` (Daftarkan UKM/Koperasi) and `/ukm/<id>/edit`: one form in sections."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.upstream import UpstreamResponse
from gateway.web.common import form_text, page, redirect
from gateway.web.forms import Rejection, statuses_or_field_errors, submit_form
from gateway.web.service_calls import valid_id
from gateway.web.session import Forbidden, WebUser, require_user
from gateway.web.shared.ukm_client import SERVICE, reference, ukm
from gateway.web.ukm import form as ukm_form
from gateway.web.ukm.detail import load_business, menu_for
from gateway.web.ukm.uploads import read_upload_form

router = APIRouter(include_in_schema=False)
# field messages (ours or the service's), a 422, or a body too large go back to the form
FORM_FIXABLE = statuses_or_field_errors(413, 422)


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

    def registered(result: UpstreamResponse) -> str:
        return f"/ukm/{result.data.get('id')}" if result.data.get("id") else "/dashboard"

    return await submit_form(request, SERVICE, ukm(request, "POST", "/businesses", user=user, data=data),
                             accept=lambda r: r.status in (200, 201) and isinstance(r.data, dict),
                             flash="ukm_registered", then=registered,
                             again=_failed_again(request, user, values, None),
                             fixable=FORM_FIXABLE, local_errors=local)


def _failed_again(request: Request, user: WebUser, values: dict, business: dict | None):
    """The form again with the service's field messages (or "too large" for a 413)."""

    async def again(r: Rejection) -> Response:
        errors = r.errors
        if r.result.status == 413 and not errors:
            errors = {"body": t("ukm_too_large")}
        return await _form_page(request, user, values, errors, business=business,
                                status_code=r.status, summary=t("ukm_failed"))

    return again


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
    return await submit_form(request, SERVICE, ukm(request, "PATCH", f"/businesses/{business_id}",
                                                   user=user, data=data),
                             accept=lambda r: r.status == 200, flash="ukm_saved",
                             then=detail_url(user, business_id),
                             again=_failed_again(request, user, values, b), fixable=FORM_FIXABLE)
