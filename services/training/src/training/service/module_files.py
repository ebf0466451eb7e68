"""File materials of online class modules: admins upload and delete them; participants in the class
and admins of the organisation download them."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import delete, func, select

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..adapters.tables import enrollments, trainings
from ..adapters.tables_class import module_files, modules
from ..domain.material import MAX_FILES_PER_MODULE, MSG_TOO_MANY, MaterialError, check_material
from .access import require_org
from .class_admin import own_module
from .context import TrainingContext
from .errors import Forbidden, InvalidInput, NotFound
from .module_file_views import META, view
from .online_class import IN_CLASS

log = get_logger("module_files")
NOT_FOUND = "Berkas materi tidak ditemukan"
NOT_YOURS = "Anda tidak berhak mengunduh materi ini"


@dataclass(frozen=True)
class Download:
    filename: str
    content_type: str
    etag: str
    data: bytes | None  # None when the caller already has this version (If-None-Match)


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    tags = {t.strip().removeprefix("W/") for t in (if_none_match or "").split(",")}
    return "*" in tags or f'"{etag}"' in tags


async def upload(ctx: TrainingContext, claims: Claims, module_id: uuid.UUID, filename: str | None,
                 data: bytes | None) -> dict:
    try:
        checked = check_material(data, filename)
    except MaterialError as exc:
        raise InvalidInput({"file": exc.message}, exc.message) from None
    async with ctx.sessionmaker() as s, s.begin():
        await own_module(s, claims, module_id)  # locks the training row: concurrent uploads count in turn
        n = await s.scalar(select(func.count()).where(module_files.c.module_id == module_id))
        if n >= MAX_FILES_PER_MODULE:
            raise InvalidInput({"file": MSG_TOO_MANY}, MSG_TOO_MANY)
        row = dict(id=uuid.uuid4(), module_id=module_id, filename=checked.filename, content_type=checked.content_type,
                   size=checked.size, data=checked.data, etag=checked.etag, created_at=ctx.now())
        await s.execute(module_files.insert().values(**row))
    log.info("module_file_uploaded", module_id=str(module_id), file_id=str(row["id"]), size=row["size"],
             content_type=row["content_type"])
    return view(ctx, row)


async def remove(ctx: TrainingContext, claims: Claims, module_id: uuid.UUID, file_id: uuid.UUID) -> None:
    async with ctx.sessionmaker() as s, s.begin():
        await own_module(s, claims, module_id)
        gone = await s.execute(delete(module_files).where(module_files.c.id == file_id,
                                                          module_files.c.module_id == module_id))
        if gone.rowcount == 0:
            raise NotFound(NOT_FOUND)


async def _may_read(s, claims: Claims, training_id: uuid.UUID, org_id: uuid.UUID) -> None:
    if claims.is_admin:
        require_org(claims, org_id)
        return
    if claims.role != "peserta":
        raise Forbidden(NOT_YOURS)
    enrolled = await s.scalar(select(enrollments.c.id).where(
        enrollments.c.training_id == training_id, enrollments.c.participant_id == uuid.UUID(claims.sub),
        enrollments.c.status.in_(IN_CLASS)).limit(1))
    if enrolled is None:
        raise Forbidden(NOT_YOURS)


async def download(ctx: TrainingContext, claims: Claims, module_id: uuid.UUID, file_id: uuid.UUID,
                   if_none_match: str | None = None) -> Download:
    """The file for a participant whose enrollment is in the class, or an admin of the organisation."""
    async with ctx.sessionmaker() as s:
        r = (await s.execute(select(*META, modules.c.training_id, trainings.c.org_id)
                             .join(modules, modules.c.id == module_files.c.module_id)
                             .join(trainings, trainings.c.id == modules.c.training_id)
                             .where(module_files.c.id == file_id, module_files.c.module_id == module_id))
             ).mappings().first()
        if r is None:
            raise NotFound(NOT_FOUND)
        await _may_read(s, claims, r["training_id"], r["org_id"])
        data = None
        if not etag_matches(if_none_match, r["etag"]):
            data = await s.scalar(select(module_files.c.data).where(module_files.c.id == file_id))
    return Download(filename=r["filename"], content_type=r["content_type"], etag=r["etag"], data=data)
