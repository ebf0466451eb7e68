"""The online class in the database: materials, progress, questions and quiz attempts."""
from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from ..domain.quiz import Question
from .tables_class import module_files, module_progress, modules, quiz_attempts, quiz_questions

FILE_META = (module_files.c.id, module_files.c.module_id, module_files.c.filename, module_files.c.content_type,
             module_files.c.size, module_files.c.etag)


@dataclass
class ClassProgress:
    """One participant's class: the modules (in order), those done, the quiz attempts (in order)."""

    modules: list[Mapping]
    done: set[uuid.UUID]
    attempts: list[Mapping]
    questions: int


async def module_file_rows(s: AsyncSession, module_ids: Iterable[uuid.UUID]) -> list[Mapping]:
    """The files of these modules without their bytes, oldest first."""
    ids = list(module_ids)
    if not ids:
        return []
    return list((await s.execute(select(*FILE_META).where(module_files.c.module_id.in_(ids))
                                 .order_by(module_files.c.created_at, module_files.c.filename))).mappings().all())


class SqlClassroom:
    """The classroom port of the training unit of work."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def progress(self, training_id: uuid.UUID, enrollment_id: uuid.UUID) -> ClassProgress:
        s = self.session
        mods = (await s.execute(select(modules).where(modules.c.training_id == training_id)
                                .order_by(modules.c.position, modules.c.title))).mappings().all()
        done = set((await s.scalars(select(module_progress.c.module_id)
                                    .where(module_progress.c.enrollment_id == enrollment_id))).all())
        attempts = (await s.execute(select(quiz_attempts).where(quiz_attempts.c.enrollment_id == enrollment_id)
                                    .order_by(quiz_attempts.c.number))).mappings().all()
        n = await s.scalar(select(func.count()).where(quiz_questions.c.training_id == training_id))
        return ClassProgress(list(mods), done, list(attempts), n or 0)

    async def module_files(self, module_ids: Iterable[uuid.UUID]) -> list[Mapping]:
        return await module_file_rows(self.session, module_ids)

    async def has_module(self, training_id: uuid.UUID, module_id: uuid.UUID) -> bool:
        return await self.session.scalar(select(modules.c.id).where(
            modules.c.id == module_id, modules.c.training_id == training_id)) is not None

    async def mark_done(self, enrollment_id: uuid.UUID, module_id: uuid.UUID, at: datetime) -> None:
        await self.session.execute(insert(module_progress).values(
            enrollment_id=enrollment_id, module_id=module_id, completed_at=at).on_conflict_do_nothing())

    async def questions(self, training_id: uuid.UUID) -> list[Question]:
        rows = (await self.session.execute(select(quiz_questions).where(quiz_questions.c.training_id == training_id)
                                           .order_by(quiz_questions.c.position))).mappings().all()
        return [Question(str(r["id"]), r["text"], tuple(r["options"]), r["correct"]) for r in rows]

    async def attempt(self, enrollment_id: uuid.UUID, attempt_id: uuid.UUID) -> Mapping | None:
        """One attempt of this enrollment, row-locked (two submissions of it cannot both score)."""
        return (await self.session.execute(select(quiz_attempts).where(
            quiz_attempts.c.id == attempt_id, quiz_attempts.c.enrollment_id == enrollment_id)
            .with_for_update())).mappings().first()

    async def add_attempt(self, attempt_id: uuid.UUID, enrollment_id: uuid.UUID, number: int, paper: list,
                          at: datetime) -> None:
        await self.session.execute(quiz_attempts.insert().values(
            id=attempt_id, enrollment_id=enrollment_id, number=number, paper=paper, started_at=at))

    async def record_result(self, attempt_id: uuid.UUID, score: int, passed: bool, at: datetime) -> None:
        await self.session.execute(quiz_attempts.update().where(quiz_attempts.c.id == attempt_id).values(
            submitted_at=at, score=score, passed=passed))
