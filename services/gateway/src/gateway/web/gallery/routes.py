"""`/galeri` and `/galeri/<product_id>`: the public E-Dukasi showcase, the same page for everyone."""
from __future__ import annotations

import hashlib

from fastapi import APIRouter, HTTPException, Query, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.upstream import UpstreamUnavailable
from gateway.web.render import render_html
from gateway.web.service_calls import valid_id
from gateway.web.shared.paging import pager
from gateway.web.shared.ukm_client import reference, ukm
from gateway.web.wilayah import children

router = APIRouter(include_in_schema=False)
PER_PAGE = 24
PROVINCES = (("33", "Jawa Tengah"), ("35", "Jawa Timur"))
PERMITS = (("halal", "Halal"), ("pirt", "PIRT"), ("bpom", "BPOM"), ("haki", "HAKI"), ("nib", "NIB"))
SORTS = ("newest", "name")
CACHE = "public, max-age=60, stale-while-revalidate=300"


def regency_groups() -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    return [(name, children(code)) for code, name in PROVINCES]


def cached_page(request: Request, template: str, status_code: int = 200, **context) -> Response:
    """No session, no cookies, no CSRF token: a shared cache may keep it; ETag for revalidation."""
    response = render_html(template, status_code=status_code, title=context.pop("title"), **context)
    if status_code != 200:
        return response
    etag = '"' + hashlib.sha256(response.body).hexdigest()[:20] + '"'
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers={"ETag": etag, "Cache-Control": CACHE})
    response.headers["ETag"] = etag
    response.headers["Cache-Control"] = CACHE
    return response


@router.get("/galeri")
async def gallery(request: Request, q: str = Query("", max_length=100),
                  kab: str = Query("", max_length=5), kategori: str = Query("", max_length=30),
                  izin: str = Query("", max_length=10), urut: str = Query("newest", max_length=10),
                  page_no: int = Query(1, alias="page", ge=1, le=10_000)) -> Response:
    q = " ".join(q.split())
    kab = kab if len(kab) == 5 and any(c == kab for _, group in regency_groups() for c, _ in group) else ""
    izin = izin if izin in dict(PERMITS) else ""
    urut = urut if urut in SORTS else "newest"
    ref = await reference(request)
    categories = ref.get("product_type", [])
    kategori = kategori if kategori in dict(categories) else ""
    params = {"q": q, "regency_code": kab, "category": kategori, "permit": izin, "sort": urut,
              "page": page_no, "per_page": PER_PAGE}
    result = await ukm(request, "GET", "/gallery",
                       params={k: v for k, v in params.items() if v not in ("", None)})
    if result.status != 200 or not isinstance(result.data, dict):
        raise UpstreamUnavailable("ukm")
    data = result.data
    pages = max(1, int(data.get("pages") or 1))
    filters = {"q": q, "kab": kab, "kategori": kategori, "izin": izin,
               "urut": urut if urut != "newest" else ""}
    return cached_page(request, "gallery/list.html", title=t("gallery_title"),
                       items=data.get("items") or [], total=int(data.get("total") or 0),
                       filters=filters, regency_groups=regency_groups(), categories=categories,
                       permits=PERMITS, pager=pager("/galeri", filters, page_no, pages),
                       filtered=any(v for k, v in filters.items() if k != "urut"),
                       public_nav="galeri")


@router.get("/galeri/{product_id}")
async def product(product_id: str, request: Request) -> Response:
    if not valid_id(product_id):
        raise HTTPException(404)
    result = await ukm(request, "GET", f"/gallery/{product_id}")
    if result.status in (404, 422):
        raise HTTPException(404)
    if result.status != 200 or not isinstance(result.data, dict):
        raise UpstreamUnavailable("ukm")
    d = result.data
    return cached_page(request, "gallery/detail.html", title=(d.get("product") or {}).get("name", ""),
                       product=d.get("product") or {}, business=d.get("business") or {},
                       trainings=d.get("trainings") or [], others=d.get("other_products") or [],
                       published_at=d.get("published_at"), public_nav="galeri")
