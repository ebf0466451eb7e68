"""Downloading an online class module's file materials through the gateway with the session's
token."""
from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from gateway.web.render import env
from gateway.web.shared.files import FILE_HEADERS, proxy_file
from gateway.web.shared.training_client import SERVICE, check_id

router = APIRouter(include_in_schema=False)
MATERIAL_HEADERS = (*FILE_HEADERS, "Content-Disposition", "X-Content-Type-Options")


def file_size(size: object) -> str:
    """1234 -> '2 KB'; 2_621_440 -> '2,5 MB' (Indonesian decimal comma)."""
    if not isinstance(size, int) or size < 0:
        return "-"
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def download_path(module_id: str, file_id: str) -> str:
    return f"/materi-pelatihan/{module_id}/{file_id}"


@router.get("/materi-pelatihan/{module_id}/{file_id}")
async def material(module_id: str, file_id: str, request: Request) -> Response:
    """For the participants of the class and the organisation's admins (the service decides)."""
    check_id(module_id, file_id)
    return await proxy_file(request, SERVICE, f"/modules/{module_id}/files/{file_id}",
                            keep=MATERIAL_HEADERS, cache="private, max-age=3600")


# helpers for the templates of the training pages (new names only: the environment is shared)
env.globals.update(tr_file_size=file_size, tr_material_url=download_path)
