"""Online class routes: the participant's class and quiz; the admin's materials and quiz."""
from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, Request, Response

from balai_platform.auth import Claims
from balai_platform.requests import claims_of
from balai_platform.responses import PROBLEM_RESPONSES

from ..service import class_admin, online_class
from ..service.access import require_participant
from .deps import ctx_of
from .schemas import AnswersIn, ModuleIn, ModulePatch, QuizIn
from .schemas_class import AttemptPublic, AttemptResult, ClassView, ModuleList, ModulePublic, QuizAdmin

router = APIRouter(responses=PROBLEM_RESPONSES)


@router.get("/enrollments/{enrollment_id}/class", response_model=ClassView)
async def class_view(enrollment_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    return await online_class.class_view(ctx_of(request), require_participant(claims), enrollment_id)


@router.post("/enrollments/{enrollment_id}/modules/{module_id}/complete", response_model=ClassView)
async def complete_module(enrollment_id: uuid.UUID, module_id: uuid.UUID, request: Request,
                          claims: Claims = Depends(claims_of)):
    return await online_class.complete_module(ctx_of(request), require_participant(claims), enrollment_id,
                                              module_id)


@router.post("/enrollments/{enrollment_id}/quiz/attempts", status_code=201, response_model=AttemptPublic)
async def start_attempt(enrollment_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    return await online_class.start_attempt(ctx_of(request), require_participant(claims), enrollment_id)


@router.post("/enrollments/{enrollment_id}/quiz/attempts/{attempt_id}/submit", response_model=AttemptResult)
async def submit_attempt(enrollment_id: uuid.UUID, attempt_id: uuid.UUID, body: AnswersIn, request: Request,
                         claims: Claims = Depends(claims_of)):
    return await online_class.submit_attempt(ctx_of(request), require_participant(claims), enrollment_id,
                                             attempt_id, body.answers)


@router.get("/admin/trainings/{training_id}/modules", response_model=ModuleList)
async def modules(training_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    return {"items": await class_admin.list_modules(ctx_of(request), claims, training_id)}


@router.post("/admin/trainings/{training_id}/modules", status_code=201, response_model=ModulePublic, response_model_exclude_unset=True)
async def add_module(training_id: uuid.UUID, body: ModuleIn, request: Request, claims: Claims = Depends(claims_of)):
    return await class_admin.add_module(ctx_of(request), claims, training_id, body.model_dump())


@router.patch("/admin/modules/{module_id}", response_model=ModulePublic, response_model_exclude_unset=True)
async def edit_module(module_id: uuid.UUID, body: ModulePatch, request: Request, claims: Claims = Depends(claims_of)):
    return await class_admin.update_module(ctx_of(request), claims, module_id, body.model_dump(exclude_unset=True))


@router.delete("/admin/modules/{module_id}", status_code=204)
async def delete_module(module_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    await class_admin.delete_module(ctx_of(request), claims, module_id)
    return Response(status_code=204)


@router.get("/admin/trainings/{training_id}/quiz", response_model=QuizAdmin)
async def get_quiz(training_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    return await class_admin.get_quiz(ctx_of(request), claims, training_id)


@router.put("/admin/trainings/{training_id}/quiz", response_model=QuizAdmin)
async def set_quiz(training_id: uuid.UUID, body: QuizIn, request: Request, claims: Claims = Depends(claims_of)):
    return await class_admin.set_quiz(ctx_of(request), claims, training_id, body.model_dump())
