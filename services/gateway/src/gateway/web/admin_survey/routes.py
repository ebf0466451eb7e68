"""Admin SKM pages (SOP steps 4-20): periods, live recap and analysis, report and printables, paper entry
and import, follow-up plan, signed-report archive, report settings."""
from __future__ import annotations

import aiohttp
from fastapi import APIRouter, HTTPException, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.common import form_file, form_text, page, read_form
from gateway.web.forms import Rejection, submit_form
from gateway.web.menus import admin_menu
from gateway.web.service_calls import valid_id
from gateway.web.session import WebUser, require_admin
from gateway.web.shared.files import proxy_file
from gateway.web.shared.survey_client import SERVICE, ensure_ok, skm_answers, skm_choices, skm_labels, survey

from .ipa_svg import ipa_svg

router = APIRouter(include_in_schema=False)
FILES = {"laporan.pdf": "report.pdf", "qr.pdf": "qr.pdf", "formulir.pdf": "paper-form.pdf",
         "templat.xlsx": "template.xlsx", "jawaban.csv": "responses.csv", "jawaban.xlsx": "responses.xlsx",
         "arsip.pdf": "signed-report.pdf"}
FU_KEYS = ("unsur", "program", "time", "responsible")
FU_ROWS = 5


def _check(*ids: str) -> None:
    if not all(valid_id(i) for i in ids):
        raise HTTPException(404)


def _base(request: Request, user: WebUser, template: str, title: str, **context) -> Response:
    return page(request, template, user=user, nav="skm", menu=admin_menu(), title=title, **context)


async def _orgs(request: Request, user: WebUser) -> list[tuple[str, str]]:
    if user.claims.role != "superadmin":
        return []
    data = ensure_ok(request, await survey(request, "GET", "/public/ikm"))
    return [(i["org_id"], i["org_name"]) for i in data.get("items") or []]


@router.get("/admin/skm")
async def periods(request: Request, org: str = "") -> Response:
    user = await require_admin(request)
    orgs = await _orgs(request, user)
    org = org if org and valid_id(org) else (orgs[0][0] if orgs else "")
    params = {"org_id": org} if org else None
    data = ensure_ok(request, await survey(request, "GET", "/admin/periods", user=user, params=params))
    return _base(request, user, "admin_survey/periods.html", t("sv_admin_title"), data=data, orgs=orgs, org=org)


async def _recap_page(request: Request, user: WebUser, period_id: str, *, status_code: int = 200,
                      import_errors: dict | None = None, fu_errors: dict | None = None,
                      alert: str | None = None, service: str = "") -> Response:
    period = ensure_ok(request, await survey(request, "GET", f"/admin/periods/{period_id}", user=user))
    service = service if service and valid_id(service) else ""
    params = {"training_id": service} if service else None
    recap = ensure_ok(request, await survey(request, "GET", f"/admin/periods/{period_id}/recap", user=user,
                                            params=params))
    rows = list(period.get("follow_up") or [])
    rows += [dict.fromkeys(FU_KEYS, "") for _ in range(max(0, FU_ROWS - len(rows)))]
    svg = ipa_svg(recap.get("ipa"), t("sv_ipa"), t("sv_col_perf"), t("sv_col_imp"))
    by_unsur = {u["unsur"]: u for u in recap.get("unsur") or []}
    return page(request, "admin_survey/recap.html", status_code=status_code, user=user, nav="skm",
                menu=admin_menu(), title=t("sv_recap_title", period=period["name"]), period=period, r=recap,
                weakest=[by_unsur[n] for n in recap.get("weakest_first") or [] if n in by_unsur], ipa_svg=svg,
                fu_rows=rows, import_errors=import_errors or {}, fu_errors=fu_errors or {}, alert=alert,
                service=service, public_link=f"{request.base_url}skm/{period['org_id']}")


@router.get("/admin/skm/{period_id}")
async def recap(period_id: str, request: Request, layanan: str = "") -> Response:
    user = await require_admin(request)
    _check(period_id)
    return await _recap_page(request, user, period_id, service=layanan)


@router.get("/admin/skm/{period_id}/unduh/{name}")
async def download(period_id: str, name: str, request: Request, layanan: str = "") -> Response:
    await require_admin(request)
    _check(period_id)
    if name not in FILES:
        raise HTTPException(404)
    query = f"?training_id={layanan}" if name == "laporan.pdf" and layanan and valid_id(layanan) else ""
    resp = await proxy_file(request, SERVICE, f"/admin/periods/{period_id}/{FILES[name]}{query}",
                            cache="private, no-store")
    if resp.status_code == 200:
        resp.headers["Content-Disposition"] = f'attachment; filename="skm-{name}"'
    return resp


@router.post("/admin/skm/{period_id}/populasi")
async def population(period_id: str, request: Request) -> Response:
    user = await require_admin(request)
    _check(period_id)
    form = await read_form(request, max_files=0)

    async def failed(r: Rejection) -> Response:
        return await _recap_page(request, user, period_id, status_code=r.status, alert=r.alert())

    return await submit_form(request, SERVICE, survey(request, "PUT", f"/admin/periods/{period_id}/settings",
                                                      user=user, json={"population": form_text(form, "population")}),
                             flash="sv_population_saved", then=f"/admin/skm/{period_id}#sampel", again=failed)


@router.post("/admin/skm/{period_id}/tindak-lanjut")
async def follow_up(period_id: str, request: Request) -> Response:
    user = await require_admin(request)
    _check(period_id)
    form = await read_form(request, max_files=0)
    rows = [{k: form_text(form, f"fu{n}_{k}")[:500] for k in FU_KEYS} for n in range(1, 31)
            if any(form_text(form, f"fu{n}_{k}") for k in FU_KEYS)]

    async def failed(r: Rejection) -> Response:
        return await _recap_page(request, user, period_id, status_code=r.status, fu_errors=r.errors, alert=r.alert())

    return await submit_form(request, SERVICE, survey(request, "PUT", f"/admin/periods/{period_id}/follow-up",
                                                      user=user, json={"rows": rows}),
                             flash="sv_fu_saved", then=f"/admin/skm/{period_id}#tindak-lanjut", again=failed)


async def _upload(request: Request, user: WebUser, period_id: str, path: str, flash, anchor: str,
                  errors_key: str) -> Response:
    form = await read_form(request, max_files=1)
    file = form_file(form, "file")
    data = aiohttp.FormData()
    content = await file.read() if file else b""
    data.add_field("file", content, filename=(file.filename if file else "kosong")[-100:],
                   content_type="application/octet-stream")

    async def failed(r: Rejection) -> Response:
        kw = {errors_key: r.errors}
        return await _recap_page(request, user, period_id, status_code=r.status, alert=r.alert(), **kw)

    return await submit_form(request, SERVICE, survey(request, "POST", path, user=user, data=data),
                             flash=flash, then=f"/admin/skm/{period_id}#{anchor}", again=failed,
                             fixable=(409, 413, 422))


@router.post("/admin/skm/{period_id}/impor")
async def import_sheet(period_id: str, request: Request) -> Response:
    user = await require_admin(request)
    _check(period_id)
    return await _upload(request, user, period_id, f"/admin/periods/{period_id}/import",
                         "sv_imported_ok", "kertas", "import_errors")


@router.post("/admin/skm/{period_id}/arsip")
async def archive(period_id: str, request: Request) -> Response:
    user = await require_admin(request)
    _check(period_id)
    return await _upload(request, user, period_id, f"/admin/periods/{period_id}/signed-report",
                         "sv_archived", "arsip", "import_errors")


@router.get("/admin/skm/{period_id}/kertas")
async def paper_form(period_id: str, request: Request) -> Response:
    user = await require_admin(request)
    _check(period_id)
    period = ensure_ok(request, await survey(request, "GET", f"/admin/periods/{period_id}", user=user))
    return _paper_page(request, user, period)


def _paper_page(request: Request, user: WebUser, period: dict, *, values=None, errors=None, alert=None,
                status_code: int = 200) -> Response:
    return page(request, "admin_survey/paper.html", status_code=status_code, user=user, nav="skm",
                menu=admin_menu(), title=t("sv_paper_entry"), period=period, values=values or {},
                errors=errors or {}, alert=alert, labels=skm_labels(), choices=skm_choices(period))


@router.post("/admin/skm/{period_id}/kertas")
async def paper_send(period_id: str, request: Request) -> Response:
    user = await require_admin(request)
    _check(period_id)
    answers = skm_answers(await read_form(request, max_files=0))

    async def failed(r: Rejection) -> Response:
        period = ensure_ok(request, await survey(request, "GET", f"/admin/periods/{period_id}", user=user))
        return _paper_page(request, user, period, values=answers, errors=r.errors, alert=t("sv_send_failed"),
                           status_code=r.status)

    return await submit_form(request, SERVICE, survey(request, "POST", f"/admin/periods/{period_id}/paper",
                                                      user=user, data=answers),
                             flash="sv_paper_saved", then=f"/admin/skm/{period_id}/kertas", again=failed)


@router.get("/admin/skm-pengaturan")
async def settings_form(request: Request, org: str = "") -> Response:
    user = await require_admin(request)
    org = org or user.claims.org or ""
    _check(org)
    data = ensure_ok(request, await survey(request, "GET", f"/admin/orgs/{org}/settings", user=user))
    return _base(request, user, "admin_survey/settings.html", t("sv_settings"), values=data, errors={}, org=org)


@router.post("/admin/skm-pengaturan")
async def settings_save(request: Request, org: str = "") -> Response:
    user = await require_admin(request)
    org = org or user.claims.org or ""
    _check(org)
    form = await read_form(request, max_files=0)
    body = {k: form_text(form, k) for k in ("name", "parent", "place", "period_months", "signatory_position",
                                             "signatory_name", "signatory_nip")}

    async def failed(r: Rejection) -> Response:
        return page(request, "admin_survey/settings.html", status_code=r.status, user=user, nav="skm",
                    menu=admin_menu(), title=t("sv_settings"), values=body, errors=r.errors, org=org)

    return await submit_form(request, SERVICE, survey(request, "PUT", f"/admin/orgs/{org}/settings", user=user,
                                                      json=body),
                             flash="sv_settings_saved", then=f"/admin/skm?org={org}",
                             again=failed)
