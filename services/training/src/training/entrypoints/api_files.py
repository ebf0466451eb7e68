"""File materials of online class modules: admin upload/delete, download for the class and admins."""
from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, Request, Response
from starlette.datastructures import UploadFile

from balai_platform.auth import Claims
from balai_platform.requests import claims_of
from balai_platform.responses import PROBLEM_RESPONSES, binary_responses
from balai_platform.web import file_response

from ..domain.material import (
    MAX_MATERIAL_BYTES,
    MSG_REQUIRED,
    MSG_TOO_LARGE,
    content_disposition,
)
from ..service import module_files
from ..service.access import require_admin
from ..service.errors import InvalidInput, TrainingError
from .deps import ctx_of
from .schemas_class import ModuleFilePublic

router = APIRouter(responses=PROBLEM_RESPONSES)
FORM_OVERHEAD = 64 * 1024  # multipart boundaries and part headers around the file


async def _read_upload(request: Request) -> tuple[str | None, bytes | None]:
    """The multipart field ``file``: its name and at most MAX_MATERIAL_BYTES + 1 of its bytes."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise TrainingError("Kirim berkas sebagai formulir (multipart/form-data)")
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > MAX_MATERIAL_BYTES + FORM_OVERHEAD:
        raise InvalidInput({"file": MSG_TOO_LARGE}, MSG_TOO_LARGE)
    try:
        form = await request.form(max_files=1, max_fields=10)
    except Exception as exc:  # malformed multipart body, too many parts
        raise TrainingError("Format formulir tidak valid") from exc
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise InvalidInput({"file": MSG_REQUIRED}, MSG_REQUIRED)
    return upload.filename, await upload.read(MAX_MATERIAL_BYTES + 1)


@router.post("/admin/modules/{module_id}/files", status_code=201, response_model=ModuleFilePublic)
async def upload(module_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    require_admin(claims)  # before reading 3 MB; the organisation is checked with the module
    filename, data = await _read_upload(request)
    return await module_files.upload(ctx_of(request), claims, module_id, filename, data)


@router.delete("/admin/modules/{module_id}/files/{file_id}", status_code=204)
async def delete(module_id: uuid.UUID, file_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    await module_files.remove(ctx_of(request), claims, module_id, file_id)
    return Response(status_code=204)


@router.get("/modules/{module_id}/files/{file_id}", response_class=Response, responses=binary_responses(
    "application/pdf", "image/jpeg", "image/png", description="Berkas materi"))
async def download(module_id: uuid.UUID, file_id: uuid.UUID, request: Request, claims: Claims = Depends(claims_of)):
    f = await module_files.download(ctx_of(request), claims, module_id, file_id,
                                    request.headers.get("if-none-match"))
    return file_response(f.data, f.content_type, f.etag, if_none_match=None, headers={
        "Content-Disposition": content_disposition(f.filename), "X-Content-Type-Options": "nosniff"})
