"""Admins write an online class: materials (text/link; files in module_files) and the evaluation quiz."""
from __future__ import annotations

import uuid
from collections.abc import Mapping

from sqlalchemy import delete, func, select

from balai_platform.auth import Claims

from ..adapters.tables import trainings
from ..adapters.tables_class import modules, quiz_questions
from .access import require_org
from .context import TrainingContext
from .errors import Conflict, InvalidInput, NotFound
from .module_file_views import with_files


async def _training(s, claims: Claims, training_id: uuid.UUID):
    t = (await s.execute(select(trainings).where(trainings.c.id == training_id).with_for_update())).mappings().first()
    if t is None:
        raise NotFound("Pelatihan tidak ditemukan")
    require_org(claims, t["org_id"])
    if t["mode"] != "online":
        raise Conflict("Materi dan evaluasi daring hanya untuk kelas online")
    return t


def _module(m: Mapping) -> dict:
    return dict(id=str(m["id"]), position=m["position"], title=m["title"], content=m["content"], link=m["link"])


async def add_module(ctx: TrainingContext, claims: Claims, training_id: uuid.UUID, data: Mapping) -> dict:
    if not (data.get("content") or "").strip() and not (data.get("link") or "").strip():
        raise InvalidInput({"content": "Isi materi atau tautan materi wajib diisi"})
    async with ctx.sessionmaker() as s, s.begin():
        await _training(s, claims, training_id)
        pos = data.get("position")
        if pos is None:
            pos = (await s.scalar(select(func.coalesce(func.max(modules.c.position), 0))
                                  .where(modules.c.training_id == training_id))) + 1
        mid = uuid.uuid4()
        row = dict(id=mid, training_id=training_id, position=pos, title=data["title"].strip(),
                   content=data.get("content") or "", link=data.get("link") or "")
        await s.execute(modules.insert().values(**row))
    return {**_module(row), "files": []}


async def own_module(s, claims, module_id):
    m = (await s.execute(select(modules).where(modules.c.id == module_id))).mappings().first()
    if m is None:
        raise NotFound("Materi tidak ditemukan")
    await _training(s, claims, m["training_id"])
    return m


async def update_module(ctx: TrainingContext, claims: Claims, module_id: uuid.UUID, data: Mapping) -> dict:
    async with ctx.sessionmaker() as s, s.begin():
        m = await own_module(s, claims, module_id)
        changes = {k: v for k, v in data.items() if k in ("title", "content", "link", "position") and v is not None}
        if changes:
            await s.execute(modules.update().where(modules.c.id == module_id).values(**changes))
    return _module({**m, **changes})


async def delete_module(ctx: TrainingContext, claims: Claims, module_id: uuid.UUID) -> None:
    async with ctx.sessionmaker() as s, s.begin():
        await own_module(s, claims, module_id)
        await s.execute(delete(modules).where(modules.c.id == module_id))


async def list_modules(ctx: TrainingContext, claims: Claims, training_id: uuid.UUID) -> list[dict]:
    async with ctx.sessionmaker() as s:
        await _training(s, claims, training_id)
        rows = (await s.execute(select(modules).where(modules.c.training_id == training_id)
                                .order_by(modules.c.position))).mappings().all()
        return await with_files(ctx, s, [_module(r) for r in rows])


async def set_quiz(ctx: TrainingContext, claims: Claims, training_id: uuid.UUID, data: Mapping) -> dict:
    """Replace the quiz: pass mark, attempts limit and multiple-choice questions."""
    errors = {f"questions.{i}.correct": "Jawaban benar harus salah satu pilihan"
              for i, q in enumerate(data["questions"]) if not 0 <= q["correct"] < len(q["options"])}
    if errors:
        raise InvalidInput(errors)
    async with ctx.sessionmaker() as s, s.begin():
        await _training(s, claims, training_id)
        await s.execute(trainings.update().where(trainings.c.id == training_id).values(
            quiz_pass_mark=data["pass_mark"], quiz_max_attempts=data["max_attempts"]))
        await s.execute(delete(quiz_questions).where(quiz_questions.c.training_id == training_id))
        for i, q in enumerate(data["questions"]):
            await s.execute(quiz_questions.insert().values(id=uuid.uuid4(), training_id=training_id, position=i + 1,
                                                           text=q["text"], options=list(q["options"]),
                                                           correct=q["correct"]))
    return await get_quiz(ctx, claims, training_id)


async def get_quiz(ctx: TrainingContext, claims: Claims, training_id: uuid.UUID) -> dict:
    async with ctx.sessionmaker() as s:
        t = await _training(s, claims, training_id)
        rows = (await s.execute(select(quiz_questions).where(quiz_questions.c.training_id == training_id)
                                .order_by(quiz_questions.c.position))).mappings().all()
    return dict(pass_mark=t["quiz_pass_mark"], max_attempts=t["quiz_max_attempts"],
                questions=[dict(id=str(r["id"]), text=r["text"], options=r["options"], correct=r["correct"])
                           for r in rows])
