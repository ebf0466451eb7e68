"""HTTP routes of participants and the public: SKM invitations and answers, the public link, the app
survey and the published IKM."""
from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, Request

from balai_platform.auth import Claims
from balai_platform.requests import claims_of
from balai_platform.responses import PROBLEM_RESPONSES

from ..domain.app_survey import APP_SUGGESTION_LABEL, APP_SURVEY
from ..service import participation, responses
from .deps import client_ip, ctx_of, optional_claims, read_fields
from .schemas import (
    AppSubmittedPublic,
    IkmListPublic,
    InvitationFormPublic,
    InvitationsPublic,
    PublicFormPublic,
    SubmittedPublic,
)
from .schemas_app import AppSurveyPublic

router = APIRouter(responses=PROBLEM_RESPONSES)


@router.get("/me/invitations", response_model=InvitationsPublic)
async def my_invitations(request: Request, claims: Claims = Depends(claims_of)):
    return await participation.my_invitations(ctx_of(request), claims)


@router.get("/me/invitations/{invitation_id}", response_model=InvitationFormPublic)
async def invitation(invitation_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    return await participation.invitation_form(ctx_of(request), claims, invitation_id)


@router.post("/me/invitations/{invitation_id}/response", status_code=201, response_model=SubmittedPublic)
async def answer(invitation_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    raw = await read_fields(request)
    return await responses.submit_online(ctx_of(request), claims, invitation_id, raw)


@router.get("/public/orgs/{org_id}/form", response_model=PublicFormPublic)
async def public_form(org_id: uuid.UUID, request: Request):
    return await responses.public_form(ctx_of(request), org_id)


@router.post("/public/orgs/{org_id}/responses", status_code=201, response_model=SubmittedPublic)
async def public_answer(org_id: uuid.UUID, request: Request):
    raw = await read_fields(request)
    return await responses.submit_link(ctx_of(request), org_id, raw, client_ip(request))


@router.get("/public/ikm", response_model=IkmListPublic)
async def public_ikm(request: Request):
    return await participation.public_ikm(ctx_of(request))


@router.get("/app-survey", response_model=AppSurveyPublic)
async def app_survey_questions():
    return {"sections": [{"title": s.title, "description": s.description,
                          "questions": [{"key": q.key, "text": q.text, "kind": q.kind} for q in s.questions]}
                         for s in APP_SURVEY], "suggestion_label": APP_SUGGESTION_LABEL}


@router.post("/app-survey", status_code=201, response_model=AppSubmittedPublic)
async def app_survey(request: Request, claims: Claims | None = Depends(optional_claims)):
    raw = await read_fields(request)
    return await participation.submit_app_survey(ctx_of(request), claims, raw)
