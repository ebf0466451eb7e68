"""HTTP routes of a period's files: report PDF, QR sheet, paper form, import template, exports, signed scan."""
from __future__ import annotations

import hashlib
import uuid

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from balai_platform.auth import Claims
from balai_platform.requests import admin_claims_of
from balai_platform.responses import PROBLEM_RESPONSES, binary_responses

from ..service import files, periods
from .deps import ctx_of

router = APIRouter(prefix="/admin/periods/{period_id}", responses=PROBLEM_RESPONSES)
PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"


def _file(data: bytes, media_type: str, filename: str, *, inline: bool = False) -> Response:
    disposition = "inline" if inline else "attachment"
    return Response(content=data, media_type=media_type, headers={
        "Content-Disposition": f'{disposition}; filename="{filename}"', "Cache-Control": "private, no-store",
        "ETag": '"' + hashlib.sha256(data).hexdigest()[:32] + '"', "X-Content-Type-Options": "nosniff"})


@router.get("/report.pdf", response_class=Response, responses=binary_responses(PDF, description="Laporan SKM"))
async def report(period_id: uuid.UUID, request: Request, training_id: uuid.UUID | None = Query(None),
                 claims: Claims = Depends(admin_claims_of)):
    data, name = await files.report_pdf(ctx_of(request), claims, period_id, training_id)
    return _file(data, PDF, name)


@router.get("/qr.pdf", response_class=Response, responses=binary_responses(PDF, description="Lembar QR"))
async def qr(period_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return _file(await files.qr_sheet(ctx_of(request), claims, period_id), PDF, "qr-skm.pdf")


@router.get("/paper-form.pdf", response_class=Response, responses=binary_responses(PDF, description="Formulir"))
async def paper_form(period_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return _file(await files.paper_form(ctx_of(request), claims, period_id), PDF, "formulir-skm.pdf")


@router.get("/template.xlsx", response_class=Response, responses=binary_responses(XLSX, description="Templat"))
async def template(period_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return _file(await files.template(ctx_of(request), claims, period_id), XLSX, "templat-skm-kertas.xlsx")


@router.get("/responses.csv", response_class=Response, responses=binary_responses(CSV, description="Jawaban"))
async def export_csv(period_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return _file(await files.export_csv(ctx_of(request), claims, period_id), CSV, "jawaban-skm.csv")


@router.get("/responses.xlsx", response_class=Response, responses=binary_responses(XLSX, description="Jawaban"))
async def export_xlsx(period_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return _file(await files.export_xlsx(ctx_of(request), claims, period_id), XLSX, "jawaban-skm.xlsx")


@router.get("/signed-report.pdf", response_class=Response, responses=binary_responses(PDF, description="Arsip"))
async def signed(period_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    data, name = await periods.signed_scan(ctx_of(request), claims, period_id)
    return _file(data, PDF, "laporan-skm-ttd.pdf")
