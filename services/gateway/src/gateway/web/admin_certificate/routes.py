"""Admin "Sertifikat": list and search, one certificate (revoke with a reason, reissue after a name
correction), a training's ZIP and its "SKM before download" setting. Organisation-scoped by the service."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.common import form_text, page, read_form
from gateway.web.forms import Rejection, submit_form
from gateway.web.menus import admin_menu
from gateway.web.service_calls import valid_id
from gateway.web.session import WebUser, require_admin
from gateway.web.shared.certificate_client import SERVICE, STATUSES, attachment, certificate, download, ensure_ok
from gateway.web.shared.paging import pager

router = APIRouter(include_in_schema=False)
PER_PAGE = 20


def _page(request: Request, user: WebUser, template: str, **context) -> Response:
    return page(request, template, user=user, nav="sertifikat", menu=admin_menu(), **context)


@router.get("/admin/sertifikat")
async def list_page(request: Request, q: str = Query("", max_length=100), pelatihan: str = Query("", max_length=64),
                    status: str = Query("", max_length=10), page_no: int = Query(1, alias="page", ge=1, le=10_000)
                    ) -> Response:
    user = await require_admin(request)
    params = {"q": " ".join(q.split()), "per_page": PER_PAGE, "page": page_no}
    if pelatihan and valid_id(pelatihan):
        params["training_id"] = pelatihan
    if status in STATUSES:
        params["status"] = status
    data = ensure_ok(request, await certificate(request, "GET", "/admin/certificates", user=user, params=params))
    filters = {"q": params["q"], "pelatihan": params.get("training_id", ""), "status": params.get("status", "")}
    return _page(request, user, "admin_certificate/list.html", title=t("cert_admin_title"), items=data["items"],
                 total=data["total"], trainings=data.get("trainings") or [], filters=filters,
                 first_no=(page_no - 1) * PER_PAGE + 1,
                 pager=pager("/admin/sertifikat", filters, page_no, max(1, -(-data["total"] // PER_PAGE))))


async def _one(request: Request, user: WebUser, cert_id: str) -> dict:
    if not valid_id(cert_id):
        raise HTTPException(404)
    return ensure_ok(request, await certificate(request, "GET", f"/admin/certificates/{cert_id}", user=user))


@router.get("/admin/sertifikat/{cert_id}")
async def detail(cert_id: str, request: Request) -> Response:
    user = await require_admin(request)
    c = await _one(request, user, cert_id)
    return _page(request, user, "admin_certificate/detail.html", title=c["number"] or t("cert_admin_title"), c=c,
                 errors={}, alert=None, values={})


def _again(request: Request, user: WebUser, cert_id: str, form_values: dict):
    async def failed(r: Rejection) -> Response:
        c = await _one(request, user, cert_id)
        return page(request, "admin_certificate/detail.html", status_code=r.status, user=user, nav="sertifikat",
                    menu=admin_menu(), title=c["number"] or t("cert_admin_title"), c=c, errors=r.errors,
                    alert=r.alert(), values=form_values)
    return failed


@router.post("/admin/sertifikat/{cert_id}/cabut")
async def revoke(cert_id: str, request: Request) -> Response:
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    reason = form_text(form, "reason")[:500]
    if not valid_id(cert_id):
        raise HTTPException(404)
    return await submit_form(request, SERVICE, certificate(request, "POST", f"/admin/certificates/{cert_id}/revoke",
                                                           user=user, json={"reason": reason}),
                             flash="cert_revoked", then=f"/admin/sertifikat/{cert_id}",
                             again=_again(request, user, cert_id, {"reason": reason}))


@router.post("/admin/sertifikat/{cert_id}/terbit-ulang")
async def reissue(cert_id: str, request: Request) -> Response:
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    name = form_text(form, "holder_name")[:150]
    if not valid_id(cert_id):
        raise HTTPException(404)
    return await submit_form(request, SERVICE, certificate(request, "POST", f"/admin/certificates/{cert_id}/reissue",
                                                           user=user, json={"holder_name": name}),
                             flash="cert_reissued_flash", then="/admin/sertifikat",
                             again=_again(request, user, cert_id, {"holder_name": name}))


@router.get("/admin/sertifikat/{cert_id}/pdf")
async def pdf(cert_id: str, request: Request) -> Response:
    user = await require_admin(request)
    if not valid_id(cert_id):
        raise HTTPException(404)
    result = await download(request, user, f"/certificates/{cert_id}/pdf", "sertifikat.pdf")
    if result.status != 200:
        raise HTTPException(404 if result.status != 403 else 403)
    return attachment(result.body, "application/pdf", "sertifikat.pdf")


@router.get("/admin/sertifikat/pelatihan/{training_id}/zip")
async def training_zip(training_id: str, request: Request) -> Response:
    user = await require_admin(request)
    if not valid_id(training_id):
        raise HTTPException(404)
    result = await download(request, user, f"/admin/trainings/{training_id}/certificates.zip", "sertifikat.zip")
    if result.status != 200:
        raise HTTPException(404)
    return attachment(result.body, "application/zip", "sertifikat-pelatihan.zip")


@router.post("/admin/sertifikat/pelatihan/{training_id}/skm")
async def skm_setting(training_id: str, request: Request) -> Response:
    user = await require_admin(request)
    form = await read_form(request, max_files=0)
    if not valid_id(training_id):
        raise HTTPException(404)
    required = form_text(form, "skm_required") == "1"
    return await submit_form(request, SERVICE, certificate(request, "PUT", f"/admin/trainings/{training_id}/settings",
                                                           user=user, json={"skm_required": required}),
                             flash="cert_skm_saved", then=f"/admin/sertifikat?pelatihan={training_id}",
                             again=None)
