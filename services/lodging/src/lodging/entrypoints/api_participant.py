"""Participant routes: "Konfirmasi Check In Kamar" (own stays only)."""
from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, Request

from balai_platform.auth import Claims
from balai_platform.requests import claims_of
from balai_platform.responses import PROBLEM_RESPONSES

from ..service import stays, views
from ..service.access import require_participant
from .deps import ctx_of
from .schemas import MyStayPublic, MyStays, NeedIn

router = APIRouter(prefix="/me/stays", responses=PROBLEM_RESPONSES)


@router.get("", response_model=MyStays)
async def mine(request: Request, claims: Claims = Depends(claims_of)):
    return await views.my_stays(ctx_of(request), require_participant(claims))


@router.get("/{stay_id}", response_model=MyStayPublic)
async def one(stay_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    return await views.my_stay(ctx_of(request), require_participant(claims), stay_id)


@router.post("/{stay_id}/check-in", response_model=MyStayPublic)
async def check_in(stay_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    await stays.check_in(ctx_of(request), claims, stay_id)
    return await views.my_stay(ctx_of(request), require_participant(claims), stay_id)


@router.post("/{stay_id}/check-out", response_model=MyStayPublic)
async def check_out(stay_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    await stays.check_out(ctx_of(request), claims, stay_id)
    return await views.my_stay(ctx_of(request), require_participant(claims), stay_id)


@router.put("/{stay_id}/need", response_model=MyStayPublic)
async def need(stay_id: uuid.UUID, body: NeedIn, request: Request, claims: Claims = Depends(claims_of)):
    await stays.note_need(ctx_of(request), claims, stay_id, body.need)
    return await views.my_stay(ctx_of(request), require_participant(claims), stay_id)
