"""HTTP routes of businesses and their members. Thin: parse, call a handler, map the result."""
from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, Query, Request, Response

from balai_platform.auth import Claims
from balai_platform.requests import admin_claims_of, claims_of
from balai_platform.responses import PROBLEM_RESPONSES

from ..service import business_queries, businesses, members
from ..service.access import precheck_manager
from .deps import ctx_of, json_or_empty, read_form
from .schemas import (
    AuditPage,
    BusinessAdminPage,
    BusinessDetail,
    BusinessList,
    MembershipPublic,
    MyBusinessList,
)

router = APIRouter(responses=PROBLEM_RESPONSES)


@router.get("/businesses", response_model=BusinessList)
async def search(request: Request, _: Claims = Depends(claims_of), q: str = Query("", max_length=100)):
    return await business_queries.search_businesses(ctx_of(request), q)


@router.post("/businesses", status_code=201, response_model=BusinessDetail)
async def register(request: Request, claims: Claims = Depends(claims_of)):
    ctx = ctx_of(request)
    businesses.ensure_can_register(claims)  # before reading up to 10 MB of form
    fields, photos = await read_form(request, ctx.settings.max_upload_bytes, allow_json=False)
    return await businesses.register_business(ctx, claims, fields, photos)


@router.get("/businesses/mine", response_model=MyBusinessList)
async def mine(request: Request, claims: Claims = Depends(claims_of)):
    return await business_queries.my_businesses(ctx_of(request), claims)


@router.get("/businesses/{business_id}", response_model=BusinessDetail)
async def detail(business_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    return await businesses.get_business(ctx_of(request), claims, business_id)


@router.patch("/businesses/{business_id}", response_model=BusinessDetail)
async def edit(business_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    ctx = ctx_of(request)
    await precheck_manager(ctx.sessionmaker, claims, business_id=business_id)
    fields, _ = await read_form(request, ctx.settings.max_upload_bytes)
    return await businesses.update_business(ctx, claims, business_id, fields)


@router.get("/businesses/{business_id}/audit", response_model=AuditPage)
async def audit(business_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of),
                page: int = Query(1, ge=1, le=100000), per_page: int = Query(20, ge=1, le=100)):
    return await business_queries.audit_log(ctx_of(request), claims, business_id, page=page, per_page=per_page)


@router.post("/businesses/{business_id}/members", status_code=201, response_model=MembershipPublic)
async def join(business_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    ctx = ctx_of(request)
    if request.headers.get("content-type", "").startswith("application/json"):
        fields = json_or_empty(await request.body())
    else:
        fields, _ = await read_form(request, ctx.settings.max_upload_bytes)
    return await members.request_join(ctx, claims, business_id, fields.get("position"))


@router.post("/businesses/{business_id}/members/{member_id}/approve", response_model=MembershipPublic)
async def approve(business_id: uuid.UUID, member_id: uuid.UUID, request: Request,
                  claims: Claims = Depends(claims_of)):
    return await members.approve(ctx_of(request), claims, business_id, member_id)


@router.delete("/businesses/{business_id}/members/{member_id}", status_code=204)
async def remove(business_id: uuid.UUID, member_id: uuid.UUID, request: Request,
                 claims: Claims = Depends(claims_of)):
    await members.remove(ctx_of(request), claims, business_id, member_id)
    return Response(status_code=204)


@router.get("/admin/businesses", response_model=BusinessAdminPage)
async def admin_list(request: Request, _: Claims = Depends(admin_claims_of), q: str = Query("", max_length=100),
                     page: int = Query(1, ge=1, le=100000), per_page: int = Query(20, ge=1, le=100)):
    return await business_queries.admin_list(ctx_of(request), q=q, page=page, per_page=per_page)
