"""The files of modules as the class view and the admin module list show them (no bytes)."""
from __future__ import annotations

import uuid
from collections.abc import Iterable

from ..adapters.classroom import FILE_META, module_file_rows
from .context import TrainingContext

META = FILE_META  # the columns of a file without its bytes


def view(ctx: TrainingContext, r) -> dict:
    return dict(id=str(r["id"]), filename=r["filename"], content_type=r["content_type"], size=r["size"],
                url=ctx.url(f"/modules/{r['module_id']}/files/{r['id']}"))


async def files_of(ctx: TrainingContext, s, module_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[dict]]:
    """The files of these modules (without their bytes), oldest first, by module id."""
    ids = list(module_ids)
    out: dict[uuid.UUID, list[dict]] = {m: [] for m in ids}
    for r in await module_file_rows(s, ids):
        out[r["module_id"]].append(view(ctx, r))
    return out


async def with_files(ctx: TrainingContext, s, items: list[dict]) -> list[dict]:
    """Module views (``id`` a string) with their ``files`` added."""
    files = await files_of(ctx, s, [uuid.UUID(m["id"]) for m in items])
    for m in items:
        m["files"] = files[uuid.UUID(m["id"])]
    return items
