"""Wire the web areas into the app and map their exceptions to pages."""
from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Request
from starlette.responses import Response

from gateway.errors import error_page, json_error, wants_json
from gateway.i18n import t
from gateway.upstream import UpstreamUnavailable
from gateway.web import wilayah
from gateway.web.admin import nik_access as admin_nik_access
from gateway.web.admin import routes as admin
from gateway.web.admin_certificate import routes as cert_admin
from gateway.web.admin_certificate import templates as cert_templates
from gateway.web.admin_complaints import routes as adu_admin
from gateway.web.admin_consultation import routes as ks_admin
from gateway.web.admin_lodging import rooms as lg_rooms
from gateway.web.admin_lodging import routes as lg_admin
from gateway.web.admin_narasumber import routes as ns_admin
from gateway.web.admin_service_standards import routes as sp_admin
from gateway.web.admin_survey import content as sv_content
from gateway.web.admin_survey import routes as sv_admin
from gateway.web.admin_training import class_editor as tr_class_editor
from gateway.web.admin_training import enrollments as tr_enrollments
from gateway.web.admin_training import materials as tr_admin_materials
from gateway.web.admin_training import queue as tr_queue
from gateway.web.admin_training import sessions as tr_sessions
from gateway.web.admin_training import trainings as tr_trainings
from gateway.web.auth import routes as auth
from gateway.web.certificate import public as cert_public
from gateway.web.certificate import routes as cert_routes
from gateway.web.common import redirect
from gateway.web.complaints import routes as adu_routes
from gateway.web.consultation import routes as ks_routes
from gateway.web.csrf import CsrfFailed
from gateway.web.event_docs import routes as event_docs
from gateway.web.gallery import routes as gallery
from gateway.web.lodging import routes as lg_routes
from gateway.web.narasumber import routes as ns_routes
from gateway.web.participant import register
from gateway.web.participant import routes as participant
from gateway.web.service_standards import routes as sp_routes
from gateway.web.session import Forbidden, LoginRequired, set_flash
from gateway.web.survey import app_survey as sv_app
from gateway.web.survey import routes as sv_routes
from gateway.web.training import history as tr_history
from gateway.web.training import materials as tr_materials
from gateway.web.training import online as tr_online
from gateway.web.training import routes as tr_routes
from gateway.web.ukm import admin as ukm_admin
from gateway.web.ukm import products as ukm_products
from gateway.web.ukm import register as ukm_register
from gateway.web.ukm import routes as ukm


def include(app: FastAPI) -> None:
    # ukm_register first: /ukm/daftar before /ukm/{business_id}
    for module in (auth, register, participant, admin, admin_nik_access, wilayah, ukm_register, ukm_products,
                   ukm, ukm_admin, gallery):
        app.include_router(module.router)
    for module in (tr_routes, tr_history, tr_online, tr_materials, tr_trainings, tr_enrollments, tr_queue, tr_sessions,
                   tr_class_editor, tr_admin_materials):
        app.include_router(module.router)  # training pages
    for module in (lg_routes, lg_admin, lg_rooms):
        app.include_router(module.router)  # lodging pages
    for module in (sv_routes, sv_app, sv_admin, sv_content):
        app.include_router(module.router)  # survey pages
    for module in (cert_routes, cert_public, cert_templates, cert_admin):  # template editor before /{cert_id}
        app.include_router(module.router)  # certificate pages
    app.include_router(event_docs.router)  # /dokumentasi/events
    for module in (ns_routes, ns_admin):
        app.include_router(module.router)  # narasumber pages
    for module in (sp_routes, sp_admin, adu_routes, adu_admin):
        app.include_router(module.router)  # Standar Pelayanan and pengaduan pages
    for module in (ks_routes, ks_admin):
        app.include_router(module.router)  # consultation pages (Konsultasi pasca pelatihan)

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        set_flash(request, "login_required")
        target = request.url.path if request.method == "GET" else ""
        return redirect("/?next=" + quote(target) if target else "/")

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, exc: Forbidden) -> Response:
        return error_page(403)

    @app.exception_handler(CsrfFailed)
    async def csrf_failed(request: Request, exc: CsrfFailed) -> Response:
        if wants_json(request.scope):
            return json_error(403, t("error_csrf_body"))
        return error_page(403, title=t("error_csrf_title"), body=t("error_csrf_body"))

    @app.exception_handler(UpstreamUnavailable)
    async def unavailable(request: Request, exc: UpstreamUnavailable) -> Response:
        if wants_json(request.scope):
            return json_error(503, t("api_unavailable", service=exc.service), {"Retry-After": "5"})
        return error_page(503, headers={"Retry-After": "5"})
