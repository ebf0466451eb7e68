"""HTTP routes of the identity service. Thin: parse, call a handler, map the result."""
from __future__ import annotations

import uuid
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field

from balai_platform.auth import Claims
from balai_platform.requests import admin_claims_of, claims_of
from balai_platform.responses import PROBLEM_RESPONSES, Message, binary_responses
from balai_platform.web import file_response

from ..service import password_reset, profiles, registration, sessions
from ..service.errors import NotFound
from .client_ip import client_ip
from .deps import ctx_of, read_form
from .schemas import MailPublic, ParticipantPage, ParticipantPrivate, StepValid, TokensPublic

router = APIRouter(responses=PROBLEM_RESPONSES)


class LoginIn(BaseModel):
    login: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=200)


class RefreshIn(BaseModel):
    refresh_token: str = Field(min_length=1, max_length=200)


class ResetRequestIn(BaseModel):
    login: str = Field(min_length=1, max_length=100)


class ResetConfirmIn(BaseModel):
    token: str = Field(min_length=1, max_length=200)
    password: str = Field(max_length=200)
    password_confirm: str = Field(max_length=200)


class ValidateIn(BaseModel):
    step: Literal["data_diri", "data_alamat", "akun"]
    data: dict[str, Any]


@router.post("/participants", status_code=201, response_model=ParticipantPrivate)
async def register(request: Request):
    ctx = ctx_of(request)
    fields, photo = await read_form(request, ctx.settings.max_upload_bytes)
    account_id = await registration.register_participant(ctx, fields, photo)
    owner = Claims(sub=str(account_id), role="peserta", username="", org=None, exp=0)
    return await profiles.get_profile(ctx, account_id, owner)


@router.post("/participants/validate", response_model=StepValid)
async def validate(body: ValidateIn, request: Request):
    errors = await registration.validate_step(ctx_of(request), body.step, body.data)
    if errors:
        return Response(status_code=422, media_type="application/json", content=_json(
            {"detail": "Data belum valid, periksa isian yang ditandai", "errors": errors}))
    return {"errors": {}}


@router.post("/auth/login", response_model=TokensPublic)
async def login(body: LoginIn, request: Request):
    ctx = ctx_of(request)
    ip = client_ip(request, ctx.settings.trusted_proxies)
    return await sessions.login(ctx, body.login, body.password, ip)


@router.post("/auth/refresh", response_model=TokensPublic)
async def refresh(body: RefreshIn, request: Request):
    return await sessions.refresh(ctx_of(request), body.refresh_token)


@router.post("/auth/logout", status_code=204)
async def logout(body: RefreshIn, request: Request):
    await sessions.logout(ctx_of(request), body.refresh_token)
    return Response(status_code=204)


@router.post("/auth/password-reset/request", status_code=202, response_model=Message)
async def reset_request(body: ResetRequestIn, request: Request):
    await password_reset.request_reset(ctx_of(request), body.login)
    return {"detail": "Jika akun ditemukan, tautan reset telah dikirim"}


@router.post("/auth/password-reset/confirm", status_code=204)
async def reset_confirm(body: ResetConfirmIn, request: Request):
    await password_reset.confirm_reset(ctx_of(request), body.token, body.model_dump())
    return Response(status_code=204)


@router.get("/me", response_model=ParticipantPrivate)
async def me(request: Request, claims: Claims = Depends(claims_of)):
    return await profiles.get_profile(ctx_of(request), uuid.UUID(claims.sub), claims)


@router.patch("/me", response_model=ParticipantPrivate)
async def edit_me(request: Request, claims: Claims = Depends(claims_of)):
    ctx = ctx_of(request)
    fields, photo = await read_form(request, ctx.settings.max_upload_bytes)
    return await profiles.update_profile(ctx, claims, fields, photo)


@router.get("/participants/{account_id}/photo", response_class=Response,
            responses=binary_responses("image/jpeg", "image/png", description="Foto profil"))
async def photo(account_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    data, ctype, etag = await profiles.get_photo(ctx_of(request), account_id, claims)
    return file_response(data, ctype, etag, if_none_match=request.headers.get("if-none-match"))


@router.get("/admin/participants", response_model=ParticipantPage)
async def admin_list(request: Request, _: Claims = Depends(admin_claims_of),
                     q: str = Query("", max_length=100), page: int = Query(1, ge=1, le=100000),
                     per_page: int = Query(20, ge=1, le=100),
                     sort: Literal["created_at", "full_name", "username"] = "created_at",
                     order: Literal["asc", "desc"] = "desc"):
    return await profiles.list_participants(ctx_of(request), q=q, page=page, per_page=per_page,
                                            sort=sort, order=order)


@router.get("/admin/participants/{account_id}", response_model=ParticipantPrivate)
async def admin_get(account_id: uuid.UUID, request: Request, claims: Claims = Depends(admin_claims_of)):
    return await profiles.get_profile(ctx_of(request), account_id, claims)


@router.get("/dev/mailbox", response_model=list[MailPublic])
async def mailbox(request: Request):
    ctx = ctx_of(request)
    if not ctx.settings.dev_mailbox:
        raise NotFound("Tidak ditemukan")
    return await password_reset.read_mailbox(ctx)


def _json(obj: Any) -> bytes:
    import orjson
    return orjson.dumps(obj)
