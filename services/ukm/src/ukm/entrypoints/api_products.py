"""HTTP routes of products, their photos, and the gallery moderation."""
from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import BaseModel, Field

from balai_platform.auth import Claims
from balai_platform.requests import admin_claims_of, claims_of, verify_claims
from balai_platform.responses import PROBLEM_RESPONSES, binary_responses
from balai_platform.thumbnails import THUMB_WIDTHS
from balai_platform.web import file_response

from ..service import product_photos, products
from ..service.access import precheck_manager
from ..service.errors import InvalidInput
from .deps import ctx_of, read_form
from .schemas import ProductPublic

router = APIRouter(responses=PROBLEM_RESPONSES)


class UnpublishIn(BaseModel):
    reason: str = Field(min_length=5, max_length=500)


@router.post("/businesses/{business_id}/products", status_code=201, response_model=ProductPublic)
async def create(business_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    ctx = ctx_of(request)
    await precheck_manager(ctx.sessionmaker, claims, business_id=business_id)
    fields, photos = await read_form(request, ctx.settings.max_upload_bytes, allow_json=False)
    return await products.create_product(ctx, claims, business_id, fields, photos)


@router.patch("/products/{product_id}", response_model=ProductPublic)
async def edit(product_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    ctx = ctx_of(request)
    await precheck_manager(ctx.sessionmaker, claims, product_id=product_id)
    fields, photos = await read_form(request, ctx.settings.max_upload_bytes)
    return await products.update_product(ctx, claims, product_id, fields, photos)


@router.post("/products/{product_id}/hide", response_model=ProductPublic)
async def hide(product_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    return await products.set_hidden(ctx_of(request), claims, product_id, True)


@router.post("/products/{product_id}/unhide", response_model=ProductPublic)
async def unhide(product_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    return await products.set_hidden(ctx_of(request), claims, product_id, False)


@router.post("/admin/products/{product_id}/unpublish", response_model=ProductPublic)
async def unpublish(product_id: uuid.UUID, body: UnpublishIn, request: Request,
                    claims: Claims = Depends(admin_claims_of)):
    return await products.set_unpublished(ctx_of(request), claims, product_id, " ".join(body.reason.split()))


@router.post("/admin/products/{product_id}/republish", response_model=ProductPublic)
async def republish(product_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await products.set_unpublished(ctx_of(request), claims, product_id, None)


@router.get("/products/{product_id}/photos/{n}", response_class=Response,
            responses=binary_responses("image/jpeg", "image/png", "image/webp", description="Foto produk"))
async def photo(product_id: uuid.UUID, request: Request, n: int = Path(ge=1, le=3),
                w: int | None = Query(None, description=f"WebP thumbnail width, one of {THUMB_WIDTHS}")):
    """Public for gallery products; a hidden or unpublished product's photos only for members and admins.
    With `w`, a WebP copy cropped to 4:3 and `w` pixels wide (for gallery cards)."""
    if w is not None and w not in THUMB_WIDTHS:
        raise InvalidInput({"w": f"Lebar gambar harus salah satu dari {', '.join(map(str, THUMB_WIDTHS))}"})
    claims = verify_claims(request) if request.headers.get("authorization") else None
    stored = await product_photos.photo_for(ctx_of(request), claims, product_id, n,
                                            request.headers.get("if-none-match"), w)
    # shared caches an hour: hiding a product reaches them soon enough; a browser keeps a
    # thumbnail a day (a replaced photo reaches a returning visitor within a day)
    shared = "public, max-age=86400, s-maxage=3600" if w else "public, max-age=3600"
    cache = shared if stored.public else "private, no-store"
    return file_response(stored.data, stored.content_type, stored.etag, if_none_match=None,
                         cache_control=cache)
