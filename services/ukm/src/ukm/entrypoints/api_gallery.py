"""Public routes (no login): the E-Dukasi gallery and the form's choice lists."""
from __future__ import annotations

import uuid
from typing import Literal

import orjson
from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import Field

from balai_platform.query import QueryModel
from balai_platform.responses import PROBLEM_RESPONSES

from ..domain import reference as ref
from ..service import gallery
from .deps import ctx_of
from .schemas_gallery import ChoicePublic, GalleryDetail, GalleryPage

router = APIRouter(responses=PROBLEM_RESPONSES)


class GalleryQuery(QueryModel):
    q: str = Field("", max_length=100)
    regency_code: str | None = Field(None, pattern=r"^\d{2}\.\d{2}$")
    category: str | None = Field(None, max_length=30)
    permit: Literal["halal", "pirt", "bpom", "haki", "nib"] | None = None
    page: int = Field(1, ge=1, le=10000)
    per_page: int = Field(24, ge=1, le=50)
    sort: Literal["newest", "name"] = "newest"


@router.get("/gallery", response_model=GalleryPage, openapi_extra=GalleryQuery.openapi())
async def listing(request: Request):
    # the hot path: the query string is validated in one call (balai_platform.query), and the answer
    # (plain JSON types already) skips FastAPI's generic encoder and the response model's validation
    # (returning a Response bypasses it); the model still documents the answer
    f = GalleryQuery.from_request(request)
    return _json(await gallery.list_gallery(
        ctx_of(request), q=f.q, regency_code=f.regency_code, category=f.category or None, permit=f.permit,
        page=f.page, per_page=f.per_page, sort=f.sort))


@router.get("/gallery/{product_id}", response_model=GalleryDetail)
async def detail(product_id: uuid.UUID, request: Request):
    return _json(await gallery.gallery_detail(ctx_of(request), product_id))


@router.get("/reference", response_model=dict[str, list[ChoicePublic]])
async def reference():
    return ref.reference_lists()


def _json(body: dict) -> Response:
    return Response(orjson.dumps(body), media_type="application/json")
