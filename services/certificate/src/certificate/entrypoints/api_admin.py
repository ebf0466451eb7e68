"""Admin routes: list and search, revoke, reissue, a training's ZIP, the SKM setting."""
from __future__ import annotations

import uuid
from typing import Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from balai_platform.auth import Claims
from balai_platform.requests import admin_claims_of
from balai_platform.responses import PROBLEM_RESPONSES, binary_responses

from ..service import admin, reads
from ..service.surveys import set_skm_required
from .deps import ctx_of
from .schemas import AdminCertificates, CertificateListItem, ReissuedPublic, RevokedPublic, TrainingSettingPublic

router = APIRouter(prefix="/admin", responses=PROBLEM_RESPONSES)


class RevokeIn(BaseModel):
    reason: str = Field(min_length=5, max_length=500)


class ReissueIn(BaseModel):
    holder_name: str = Field(min_length=3, max_length=150)


class TrainingSettingIn(BaseModel):
    skm_required: bool


@router.get("/certificates", response_model=AdminCertificates)
async def list_certificates(request: Request, claims: Claims = Depends(admin_claims_of),
                            q: str = Query("", max_length=100), training_id: uuid.UUID | None = None,
                            status: Literal["pending", "issued", "revoked"] | None = None,
                            page: int = Query(1, ge=1, le=10_000), per_page: int = Query(20, ge=1, le=100)):
    return await reads.admin_list(ctx_of(request), claims, q=q, training_id=training_id, status=status,
                                  page=page, per_page=per_page)


@router.get("/certificates/{cert_id}", response_model=CertificateListItem)
async def get_certificate(cert_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await reads.admin_get(ctx_of(request), claims, cert_id)


@router.post("/certificates/{cert_id}/revoke", response_model=RevokedPublic)
async def revoke(cert_id: uuid.UUID, body: RevokeIn, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await admin.revoke(ctx_of(request), claims, cert_id, body.reason)


@router.post("/certificates/{cert_id}/reissue", status_code=201, response_model=ReissuedPublic)
async def reissue(cert_id: uuid.UUID, body: ReissueIn, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await admin.reissue(ctx_of(request), claims, cert_id, body.holder_name)


@router.get("/trainings/{training_id}/certificates.zip", response_class=Response,
            responses=binary_responses("application/zip", description="Semua sertifikat pelatihan"))
async def training_zip(training_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    data, name = await admin.training_zip(ctx_of(request), claims, training_id)
    return Response(data, media_type="application/zip",
                    headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"})


@router.put("/trainings/{training_id}/settings", response_model=TrainingSettingPublic)
async def training_setting(training_id: uuid.UUID, body: TrainingSettingIn, request: Request,
                           claims: Claims = Depends(admin_claims_of)):
    return await set_skm_required(ctx_of(request), claims, training_id, body.skm_required)
