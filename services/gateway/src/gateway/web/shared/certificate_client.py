"""Calls from the certificate pages to the certificate service, and small helpers for their templates."""
from __future__ import annotations

import re
from datetime import date

from fastapi import HTTPException, Request
from starlette.responses import Response

from gateway.edge import client_ip
from gateway.i18n import MONTHS_ID, format_date_id, t
from gateway.upstream import UpstreamResponse, UpstreamUnavailable
from gateway.web.render import env
from gateway.web.service_calls import answer_checker, call_service
from gateway.web.session import WebUser

SERVICE = "certificate"
CODE = re.compile(r"^[A-Z2-7]{16}$")
STATUSES = ("pending", "issued", "revoked")


async def certificate(request: Request, method: str, path: str, *, user: WebUser | None = None,
                      **kwargs) -> UpstreamResponse:
    return await call_service(request, SERVICE, method, path, user=user, **kwargs)


ensure_ok = answer_checker(SERVICE)


def code_of(value: str) -> str:
    """A verification code as printed (any case, spaces or dashes typed by a person), or 404."""
    code = re.sub(r"[\s-]", "", value).upper()
    if not CODE.match(code):
        raise HTTPException(404)
    return code


async def download(request: Request, user: WebUser, path: str, filename: str) -> UpstreamResponse:
    """A file of the service fetched with the session's token (not cached by shared caches)."""
    upstreams = request.app.state.upstreams
    return await upstreams.download(SERVICE, path, token=user.access_token, client_ip=client_ip(request.scope))


def attachment(body: bytes, content_type: str, filename: str) -> Response:
    return Response(body, media_type=content_type, headers={
        "Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "private, no-store"})


def date_range(start: str | None, end: str | None) -> str:
    """'2024-06-24', '2024-06-28' -> '24 s.d. 28 Juni 2024' (the certificate's own wording)."""
    try:
        a, b = date.fromisoformat(str(start)[:10]), date.fromisoformat(str(end)[:10])
    except ValueError:
        return "-"
    if a == b:
        return format_date_id(a)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day} s.d. {b.day} {MONTHS_ID[b.month - 1]} {b.year}"
    if a.year == b.year:
        return f"{a.day} {MONTHS_ID[a.month - 1]} s.d. {format_date_id(b)}"
    return f"{format_date_id(a)} s.d. {format_date_id(b)}"


def status_label(status: str) -> str:
    return t(f"cert_st_{status}") if status in STATUSES else status


env.globals.update(cert_status_label=status_label, cert_dates=date_range)
__all__ = ["SERVICE", "UpstreamUnavailable", "attachment", "certificate", "code_of", "download", "ensure_ok"]
