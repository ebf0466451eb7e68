"""The files of modules as the class view and the admin module list show them (no bytes)."""
from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select

from ..adapters.tables_class import module_files
from .context import TrainingContext

META = (module_files.c.id, module_files.c.module_id, module_files.c.filename, module_files.c.content_type,
        module_files.c.size, module_files.c.etag)


def view(ctx: TrainingContext, r) -> dict:
    return dict(id=str(r["id"]), filename=r["filename"], content_type=r["content_type"], size=r["size"],
                url=ctx.url(f"/modules/{r['module_id']}/files/{r['id']}"))


async def files_of(ctx: TrainingContext, s, module_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[dict]]:
    """The files of these modules (without their bytes), oldest first, by module id."""
    ids = list(module_ids)
    out: dict[uuid.UUID, list[dict]] = {m: [] for m in ids}
    if ids:
        rows = (await s.execute(select(*META).where(module_files.c.module_id.in_(ids))
                                .order_by(module_files.c.created_at, module_files.c.filename))).mappings().all()
        for r in rows:
            out[r["module_id"]].append(view(ctx, r))
    return out


async def with_files(ctx: TrainingContext, s, items: list[dict]) -> list[dict]:
    """Module views (``id`` a string) with their ``files`` added."""
    files = await files_of(ctx, s, [uuid.UUID(m["id"]) for m in items])
    for m in items:
        m["files"] = files[uuid.UUID(m["id"])]
    return items
