"""E-Sertifikat (Si Pentol step 20): the participant's certificates, "Proses" (download the signed
PDF) and "Unduh Open Badge"; only their own (the service checks the holder)."""
from __future__ import annotations

import orjson
from fastapi import HTTPException, Request
from fastapi.routing import APIRouter
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.common import page
from gateway.web.menus import participant_menu
from gateway.web.service_calls import valid_id
from gateway.web.session import WebUser, require_user
from gateway.web.shared.certificate_client import attachment, certificate, download, ensure_ok

router = APIRouter(include_in_schema=False)


async def _participant(request: Request) -> WebUser:
    user = await require_user(request)
    if user.is_admin:
        raise HTTPException(403)
    return user


async def _list(request: Request, user: WebUser, *, alert: str | None = None, status_code: int = 200) -> Response:
    data = ensure_ok(request, await certificate(request, "GET", "/certificates/mine", user=user))
    menu = participant_menu()
    return page(request, "certificate/mine.html", status_code=status_code, user=user, nav="e-sertifikat",
                menu=menu, title=t("cert_mine_title"), items=data.get("items") or [], alert=alert,
                skm_url=next((url for slug, url, _ in menu if slug == "skm"), "/"))


@router.get("/e-sertifikat")
async def mine(request: Request) -> Response:
    return await _list(request, await _participant(request))


@router.get("/e-sertifikat/{cert_id}/proses")
async def process(cert_id: str, request: Request) -> Response:
    """Proses: the signed PDF as issued (byte for byte, so the upload check says "cocok")."""
    user = await _participant(request)
    if not valid_id(cert_id):
        raise HTTPException(404)
    result = await download(request, user, f"/certificates/{cert_id}/pdf", "sertifikat.pdf")
    if result.status == 409:  # pending, revoked, or the SKM comes first: say so above the list
        try:
            detail = orjson.loads(result.body).get("detail")
        except (ValueError, AttributeError):
            detail = None
        return await _list(request, user, alert=detail or t("cert_pending_hint"), status_code=409)
    if result.status != 200:
        raise HTTPException(404)
    disposition = result.headers.get("Content-Disposition", 'attachment; filename="sertifikat.pdf"')
    return Response(result.body, media_type="application/pdf",
                    headers={"Content-Disposition": disposition, "Cache-Control": "private, no-store"})


@router.get("/e-sertifikat/{cert_id}/open-badge")
async def badge(cert_id: str, request: Request) -> Response:
    """The Open Badges 3.0 credential as a VC-JWT file a wallet can import."""
    user = await _participant(request)
    if not valid_id(cert_id):
        raise HTTPException(404)
    data = ensure_ok(request, await certificate(request, "GET", f"/certificates/{cert_id}/badge", user=user))
    return attachment(str(data.get("jwt", "")).encode(), "application/vc+jwt", f"open-badge-{cert_id[:8]}.jwt")
