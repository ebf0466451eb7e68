"""Standar Pelayanan routes: public reading, the organisation admin's save."""
from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Request

from balai_platform.auth import Claims
from balai_platform.requests import admin_claims_of
from balai_platform.responses import PROBLEM_RESPONSES, PublicModel

from ..service import service_standards
from .deps import ctx_of

router = APIRouter(responses=PROBLEM_RESPONSES)


class ServiceEntryPublic(PublicModel):
    name: str
    requirements: str
    procedure: str
    time_limit: str
    cost: str
    product: str
    complaints: str


class DeadlinePublic(PublicModel):
    key: str
    label: str
    amount: int
    unit: str
    unit_label: str


class ServiceStandardsPublic(PublicModel):
    org_id: uuid.UUID
    org_code: str
    org_name: str
    services: list[ServiceEntryPublic]
    deadlines: list[DeadlinePublic]
    version: int
    updated_at: datetime | None


class ServiceStandardsListPublic(PublicModel):
    items: list[ServiceStandardsPublic]


@router.get("/public/service-standards", response_model=ServiceStandardsListPublic)
async def public_all(request: Request):
    return await service_standards.public_all(ctx_of(request))


@router.get("/public/orgs/{org_id}/service-standards", response_model=ServiceStandardsPublic)
async def public_one(org_id: uuid.UUID, request: Request):
    return await service_standards.public_one(ctx_of(request), org_id)


@router.get("/admin/orgs/{org_id}/service-standards", response_model=ServiceStandardsPublic)
async def admin_get(org_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await service_standards.admin_get(ctx_of(request), claims, org_id)


@router.put("/admin/orgs/{org_id}/service-standards", response_model=ServiceStandardsPublic)
async def admin_save(org_id: uuid.UUID, body: dict[str, Any], request: Request,
                     claims: Claims = Depends(admin_claims_of)):
    return await service_standards.save(ctx_of(request), claims, org_id, body)
