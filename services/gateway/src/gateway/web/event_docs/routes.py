"""`/dokumentasi/events`: the public event documentation (no session, cacheable, ETag)."""
from __future__ import annotations

import hashlib
from functools import lru_cache

from fastapi import APIRouter, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.event_docs.catalog import envelope_fields, services
from gateway.web.render import render_html

router = APIRouter(include_in_schema=False)
CACHE = "public, max-age=300, stale-while-revalidate=3600"


@lru_cache(maxsize=1)
def _page() -> tuple[bytes, str]:
    body = render_html("event_docs/page.html", title=t("evd_title"), services=services(),
                       envelope=envelope_fields()).body
    return bytes(body), '"' + hashlib.sha256(body).hexdigest()[:20] + '"'


@router.get("/dokumentasi/events")
async def event_docs(request: Request) -> Response:
    body, etag = _page()
    headers = {"ETag": etag, "Cache-Control": CACHE}
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="text/html; charset=utf-8", headers=headers)
