"""Admin: uploading and deleting a module's file materials (PDF/JPG/PNG, at most 3 MB, five a
module; the training service checks them)."""
from __future__ import annotations

import aiohttp
from fastapi import APIRouter, Request
from starlette.responses import Response

from gateway.i18n import t
from gateway.web.admin_training.class_editor import class_change, class_editor_page
from gateway.web.common import form_file, read_form
from gateway.web.session import require_admin
from gateway.web.shared.training_client import check_id, training

router = APIRouter(include_in_schema=False)


@router.post("/admin/pelatihan/{training_id}/kelas/materi/{module_id}/berkas")
async def upload(training_id: str, module_id: str, request: Request) -> Response:
    check_id(training_id, module_id)
    user = await require_admin(request)
    form = await read_form(request, max_files=1)
    upload = form_file(form, "file")
    if upload is None:
        return await class_editor_page(request, user, training_id, status_code=422,
                                       alert=t("tr_file_required"))
    data = aiohttp.FormData()
    data.add_field("file", await upload.read(), filename=upload.filename[-200:],
                   content_type=upload.content_type or "application/octet-stream")
    call = training(request, "POST", f"/admin/modules/{module_id}/files", user=user, data=data)
    return await class_change(request, user, training_id, call, "tr_file_uploaded")


@router.post("/admin/pelatihan/{training_id}/kelas/materi/{module_id}/berkas/{file_id}/hapus")
async def delete(training_id: str, module_id: str, file_id: str, request: Request) -> Response:
    check_id(training_id, module_id, file_id)
    user = await require_admin(request)
    await read_form(request, max_files=0)
    call = training(request, "DELETE", f"/admin/modules/{module_id}/files/{file_id}", user=user)
    return await class_change(request, user, training_id, call, "tr_file_deleted")
