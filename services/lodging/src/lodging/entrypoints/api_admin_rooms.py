"""Admin routes on the dormitory: buildings, rooms, closures, settings."""
from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, Request

from balai_platform.auth import Claims
from balai_platform.requests import admin_claims_of
from balai_platform.responses import PROBLEM_RESPONSES, Items

from ..service import dormitory
from .deps import ctx_of
from .schemas import (
    BuildingIn,
    BuildingSaved,
    ClosureIn,
    DormitoryPublic,
    OrganisationPublic,
    RoomIn,
    RoomPatch,
    RoomPublic,
    SettingsIn,
)

router = APIRouter(prefix="/admin", responses=PROBLEM_RESPONSES)


@router.get("/organisations", response_model=Items[OrganisationPublic])
async def organisations(request: Request, claims: Claims = Depends(admin_claims_of)):
    return await dormitory.organisations(ctx_of(request), claims)


@router.get("/dormitory", response_model=DormitoryPublic)
async def overview(request: Request, claims: Claims = Depends(admin_claims_of), org_id: uuid.UUID | None = None):
    return await dormitory.overview(ctx_of(request), claims, org_id)


@router.put("/dormitory/settings", response_model=DormitoryPublic)
async def settings(body: SettingsIn, request: Request, claims: Claims = Depends(admin_claims_of),
                   org_id: uuid.UUID | None = None):
    return await dormitory.set_settings(ctx_of(request), claims, org_id, body.arrive_evening_before)


@router.post("/buildings", status_code=201, response_model=BuildingSaved)
async def create_building(body: BuildingIn, request: Request, claims: Claims = Depends(admin_claims_of),
                          org_id: uuid.UUID | None = None):
    return await dormitory.save_building(ctx_of(request), claims, org_id, body.model_dump())


@router.put("/buildings/{building_id}", response_model=BuildingSaved)
async def edit_building(building_id: uuid.UUID, body: BuildingIn, request: Request,
                        claims: Claims = Depends(admin_claims_of)):
    return await dormitory.save_building(ctx_of(request), claims, None, body.model_dump(), building_id)


@router.post("/rooms", status_code=201, response_model=RoomPublic)
async def create_room(body: RoomIn, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await dormitory.create_room(ctx_of(request), claims, body.model_dump())


@router.get("/rooms/{room_id}", response_model=RoomPublic)
async def room(room_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await dormitory.get_room(ctx_of(request), claims, room_id)


@router.put("/rooms/{room_id}", response_model=RoomPublic)
async def edit_room(room_id: uuid.UUID, body: RoomPatch, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await dormitory.update_room(ctx_of(request), claims, room_id, body.model_dump())


@router.post("/rooms/{room_id}/close", response_model=RoomPublic)
async def close(room_id: uuid.UUID, body: ClosureIn, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await dormitory.close_room(ctx_of(request), claims, room_id, body.closed_from, body.closed_until)


@router.post("/rooms/{room_id}/reopen", response_model=RoomPublic)
async def reopen(room_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await dormitory.reopen_room(ctx_of(request), claims, room_id)
