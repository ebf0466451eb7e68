"""Public routes (no login): the E-Dukasi gallery and the form's choice lists."""
from __future__ import annotations

import uuid
from typing import Literal

import orjson
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from balai_platform.responses import PROBLEM_RESPONSES

from ..domain import reference as ref
from ..service import gallery
from .deps import ctx_of
from .schemas_gallery import ChoicePublic, GalleryDetail, GalleryPage

router = APIRouter(responses=PROBLEM_RESPONSES)


@router.get("/gallery", response_model=GalleryPage)
async def listing(request: Request, q: str = Query("", max_length=100),
                  regency_code: str | None = Query(None, pattern=r"^\d{2}\.\d{2}$"),
                  category: str | None = Query(None, max_length=30),
                  permit: Literal["halal", "pirt", "bpom", "haki", "nib"] | None = None,
                  page: int = Query(1, ge=1, le=10000), per_page: int = Query(24, ge=1, le=50),
                  sort: Literal["newest", "name"] = "newest"):
    # the hot path: answers are plain JSON types already, so skip FastAPI's generic encoder and the
    # response model's validation (returning a Response bypasses it); the model still documents the answer
    return _json(await gallery.list_gallery(
        ctx_of(request), q=q, regency_code=regency_code, category=category or None, permit=permit,
        page=page, per_page=per_page, sort=sort))


@router.get("/gallery/{product_id}", response_model=GalleryDetail)
async def detail(product_id: uuid.UUID, request: Request):
    return _json(await gallery.gallery_detail(ctx_of(request), product_id))


@router.get("/reference", response_model=dict[str, list[ChoicePublic]])
async def reference():
    return ref.reference_lists()


def _json(body: dict) -> Response:
    return Response(orjson.dumps(body), media_type="application/json")
