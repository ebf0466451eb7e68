"""Public Standar Pelayanan pages: every organisation's services with their six components."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.common import identity, page
from gateway.web.service_calls import answer_checker, valid_id
from gateway.web.session import current_user

router = APIRouter(include_in_schema=False)
ensure_ok = answer_checker("identity")
COMPONENTS = ("requirements", "procedure", "time_limit", "cost", "product", "complaints")


@router.get("/standar-pelayanan")
async def all_orgs(request: Request) -> Response:
    data = ensure_ok(request, await identity(request, "GET", "/public/service-standards"))
    return page(request, "service_standards/list.html", user=await current_user(request), title=t("sp_title"),
                orgs=data.get("items") or [], components=COMPONENTS, single=False, public_nav="standar")


@router.get("/standar-pelayanan/{org_id}")
async def one_org(org_id: str, request: Request) -> Response:
    if not valid_id(org_id):
        raise HTTPException(404)
    data = ensure_ok(request, await identity(request, "GET", f"/public/orgs/{org_id}/service-standards"))
    return page(request, "service_standards/list.html", user=await current_user(request),
                title=f"{t('sp_title')} {data.get('org_name') or ''}", orgs=[data], components=COMPONENTS,
                single=True, public_nav="standar")
