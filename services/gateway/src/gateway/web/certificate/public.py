"""Public verification (no login): `/verifikasi/<kode>` with the status valid/dicabut, the PDF upload
check ("cocok"/"tidak cocok"), and the Open Badges issuer keys at `/.well-known/`."""
from __future__ import annotations

import aiohttp
from fastapi import APIRouter, HTTPException, Query, Request
from starlette.responses import JSONResponse, Response

from gateway.i18n import t
from gateway.web.common import form_file, read_form, redirect
from gateway.web.render import render_html
from gateway.web.shared.certificate_client import certificate, code_of
from gateway.web.shared.certificate_client import ensure_ok as _ensure_ok

router = APIRouter(include_in_schema=False)
MAX_PDF = 5 * 1024 * 1024
KEYS_CACHE = "public, max-age=3600"


def _page(request: Request, template: str, status_code: int = 200, **context) -> Response:
    from gateway.web.csrf import csrf_token

    response = render_html(template, status_code=status_code, title=t("cert_verify_title"),
                           csrf_token=csrf_token(request), **context)
    response.headers["Cache-Control"] = "no-store"  # a revocation shows at once
    return response


@router.get("/verifikasi")
async def verify_form(request: Request, kode: str = Query("", max_length=40)) -> Response:
    if kode.strip():
        try:
            return redirect(f"/verifikasi/{code_of(kode)}")
        except HTTPException:
            return _page(request, "certificate/verify.html", status_code=404, facts=None, typed=kode,
                         alert=t("cert_unknown"))
    return _page(request, "certificate/verify.html", facts=None, typed="", alert=None)


async def _facts(request: Request, code: str) -> dict | None:
    result = await certificate(request, "GET", f"/public/verify/{code}")
    return None if result.status == 404 else _ensure_ok(request, result)


@router.get("/verifikasi/{kode}")
async def verify(kode: str, request: Request) -> Response:
    code = code_of(kode)
    facts = await _facts(request, code)
    if facts is None:
        return _page(request, "certificate/verify.html", status_code=404, facts=None, typed=kode,
                     alert=t("cert_unknown"))
    return _page(request, "certificate/verify.html", facts=facts, typed=code, alert=None, check=None)


@router.post("/verifikasi/{kode}")
async def check(kode: str, request: Request) -> Response:
    """Upload the PDF: the service compares its SHA-256 with the issued file's."""
    code = code_of(kode)
    form = await read_form(request, max_files=1)
    upload = form_file(form, "berkas")
    facts = await _facts(request, code)
    if facts is None:
        raise HTTPException(404)
    if upload is None:
        return _page(request, "certificate/verify.html", status_code=422, facts=facts, typed=code,
                     alert=None, check=None, upload_error=t("cert_upload_missing"))
    data = await upload.read(MAX_PDF + 1)
    if len(data) > MAX_PDF:
        raise HTTPException(413)
    body = aiohttp.FormData()
    body.add_field("berkas", data, filename="sertifikat.pdf", content_type="application/pdf")
    result = _ensure_ok(request, await certificate(request, "POST", f"/public/verify/{code}/check", data=body))
    return _page(request, "certificate/verify.html", facts=facts, typed=code, alert=None, check=result)


async def _keys(request: Request, path: str) -> Response:
    data = _ensure_ok(request, await certificate(request, "GET", path))
    return JSONResponse(data, headers={"Cache-Control": KEYS_CACHE, "Access-Control-Allow-Origin": "*"})


@router.get("/.well-known/did.json")
async def did_document(request: Request) -> Response:
    """The did:web document of the certificate issuer (Open Badges 3.0 verification key)."""
    return await _keys(request, "/public/did.json")


@router.get("/.well-known/jwks.json")
async def jwks(request: Request) -> Response:
    return await _keys(request, "/public/jwks.json")
