"""The holder's routes: their certificates, the PDF ("Proses"), the Open Badge."""
from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from balai_platform.auth import Claims
from balai_platform.requests import claims_of
from balai_platform.responses import PROBLEM_RESPONSES, binary_responses
from balai_platform.web import file_response

from ..service import badges, reads
from .deps import ctx_of
from .schemas import BadgePublic, MyCertificates

router = APIRouter(responses=PROBLEM_RESPONSES)


@router.get("/certificates/mine", response_model=MyCertificates)
async def mine(request: Request, claims: Claims = Depends(claims_of)):
    return await reads.mine(ctx_of(request), claims)


@router.get("/certificates/{cert_id}/pdf", response_class=Response,
            responses=binary_responses("application/pdf", description="Sertifikat PDF bertanda tangan"))
async def pdf(cert_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    data, sha, number = await reads.pdf(ctx_of(request), claims, cert_id)
    name = "sertifikat-" + "".join(c if c.isalnum() else "-" for c in number) + ".pdf"
    return file_response(data, "application/pdf", sha, if_none_match=request.headers.get("if-none-match"),
                         headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/certificates/{cert_id}/badge", response_model=BadgePublic)
async def badge(cert_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    return await badges.badge(ctx_of(request), claims, cert_id)
