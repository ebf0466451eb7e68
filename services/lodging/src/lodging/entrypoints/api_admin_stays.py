"""Admin routes on stays: the occupancy board, moves, release, front desk, the room list per training."""
from __future__ import annotations

import uuid
from datetime import date
from typing import Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from balai_platform.auth import Claims
from balai_platform.requests import admin_claims_of
from balai_platform.responses import PROBLEM_RESPONSES, binary_responses

from ..service import board, exports, stays, views
from .deps import ctx_of
from .schemas import BoardPublic, ReassignIn, StayAdmin, TrainingRoomList

router = APIRouter(prefix="/admin", responses=PROBLEM_RESPONSES)


@router.get("/board", response_model=BoardPublic)
async def occupancy(request: Request, claims: Claims = Depends(admin_claims_of), org_id: uuid.UUID | None = None,
                    start: date | None = None, end: date | None = None, q: str = Query("", max_length=100),
                    training: str = Query("", max_length=100)):
    return await board.board(ctx_of(request), claims, org_id, start, end, q.strip(), training.strip())


@router.get("/stays/{stay_id}", response_model=StayAdmin)
async def one(stay_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await views.admin_stay(ctx_of(request), stay_id, claims)


@router.post("/stays/{stay_id}/reassign", response_model=StayAdmin)
async def reassign(stay_id: uuid.UUID, body: ReassignIn, request: Request, claims: Claims = Depends(admin_claims_of)):
    await stays.reassign(ctx_of(request), claims, stay_id, body.bed_id)
    return await views.admin_stay(ctx_of(request), stay_id)


@router.post("/stays/{stay_id}/release", response_model=StayAdmin)
async def release(stay_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    await stays.release(ctx_of(request), claims, stay_id)
    return await views.admin_stay(ctx_of(request), stay_id)


@router.post("/stays/{stay_id}/check-in", response_model=StayAdmin)
async def check_in(stay_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    await stays.front_desk_check_in(ctx_of(request), claims, stay_id)
    return await views.admin_stay(ctx_of(request), stay_id)


@router.post("/stays/{stay_id}/check-out", response_model=StayAdmin)
async def check_out(stay_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    await stays.front_desk_check_out(ctx_of(request), claims, stay_id)
    return await views.admin_stay(ctx_of(request), stay_id)


@router.get("/trainings/{training_id}/rooms", response_model=TrainingRoomList)
async def room_list(training_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await board.training_list(ctx_of(request), claims, training_id)


@router.get("/trainings/{training_id}/rooms/export", response_class=Response,
            responses=binary_responses("text/csv", exports.XLSX, description="Daftar Kamar Peserta"))
async def export(training_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of),
                 format: Literal["csv", "xlsx"] = "csv"):
    data = await board.training_list(ctx_of(request), claims, training_id)
    body, media, ext = exports.render(data, format)
    return Response(body, media_type=media, headers={
        "Content-Disposition": f'attachment; filename="daftar-kamar-{training_id}.{ext}"'})
