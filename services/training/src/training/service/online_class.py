"""Online asynchronous classes (Si-Jawara+): materials (with their files), progress, the quiz, completion."""
from __future__ import annotations

import random
import uuid

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from balai_platform.logging import get_logger

from ..adapters.tables import enrollments
from ..adapters.tables_class import module_progress, modules, quiz_attempts, quiz_questions
from ..domain import lifecycle
from ..domain.quiz import Question, score, shuffled_paper
from . import events
from .context import TrainingContext
from .errors import Conflict, Forbidden, InvalidInput, NotFound
from .module_file_views import with_files

log = get_logger("online_class")
IN_CLASS = (lifecycle.VERIFIED, lifecycle.CONFIRMED, lifecycle.COMPLETED)


async def _enrollment(s: AsyncSession, participant_id: uuid.UUID, enrollment_id: uuid.UUID, *, act: bool):
    x = await events.load(s, enrollment_id, lock=act)
    if x.e["participant_id"] != participant_id:
        raise Forbidden("Anda tidak berhak membuka kelas ini")
    if x.t["mode"] != "online":
        raise Conflict("Pelatihan ini bukan kelas online")
    if x.e["status"] not in IN_CLASS:
        raise Conflict("Kelas dapat dibuka setelah pendaftaran diverifikasi")
    if act and (x.t["closed_at"] is not None or x.e["status"] == lifecycle.COMPLETED):
        raise Conflict("Kelas sudah selesai")
    return x


async def _questions(s, training_id) -> list[Question]:
    rows = (await s.execute(select(quiz_questions).where(quiz_questions.c.training_id == training_id)
                            .order_by(quiz_questions.c.position))).mappings().all()
    return [Question(str(r["id"]), r["text"], tuple(r["options"]), r["correct"]) for r in rows]


async def _state(s, x) -> dict:
    mods = (await s.execute(select(modules).where(modules.c.training_id == x.t["id"])
                            .order_by(modules.c.position, modules.c.title))).mappings().all()
    done = set((await s.scalars(select(module_progress.c.module_id)
                                .where(module_progress.c.enrollment_id == x.e["id"]))).all())
    attempts = (await s.execute(select(quiz_attempts).where(quiz_attempts.c.enrollment_id == x.e["id"])
                                .order_by(quiz_attempts.c.number))).mappings().all()
    n_questions = await s.scalar(select(func.count()).where(quiz_questions.c.training_id == x.t["id"]))
    scores = [a["score"] for a in attempts if a["score"] is not None]
    open_attempt = next((a for a in attempts if a["submitted_at"] is None), None)
    return dict(
        enrollment_id=str(x.e["id"]), status=x.e["status"], status_label=lifecycle.LABELS[x.e["status"]],
        modules=[dict(id=str(m["id"]), position=m["position"], title=m["title"], content=m["content"],
                      link=m["link"], completed=m["id"] in done) for m in mods],
        modules_done=len(done & {m["id"] for m in mods}), modules_total=len(mods),
        quiz=dict(questions=n_questions, pass_mark=x.t["quiz_pass_mark"], max_attempts=x.t["quiz_max_attempts"],
                  attempts_used=len(attempts), best_score=max(scores) if scores else None,
                  passed=any(a["passed"] for a in attempts) or n_questions == 0,
                  open_attempt_id=str(open_attempt["id"]) if open_attempt else None),
    )


async def class_view(ctx: TrainingContext, participant_id: uuid.UUID, enrollment_id: uuid.UUID) -> dict:
    async with ctx.sessionmaker() as s:
        state = await _state(s, await _enrollment(s, participant_id, enrollment_id, act=False))
        await with_files(ctx, s, state["modules"])
        return state


async def _maybe_complete(ctx: TrainingContext, s, x, state: dict) -> bool:
    if state["modules_done"] < state["modules_total"] or not state["quiz"]["passed"]:
        return False
    now = ctx.now()
    await s.execute(enrollments.update().where(enrollments.c.id == x.e["id"]).values(
        status=lifecycle.COMPLETED, completed_at=now, score=state["quiz"]["best_score"], updated_at=now))
    await events.completed(ctx, s, x, at=now, attendance_percent=None, score=state["quiz"]["best_score"])
    log.info("online_class_completed", enrollment_id=str(x.e["id"]))
    return True


async def complete_module(ctx: TrainingContext, participant_id: uuid.UUID, enrollment_id: uuid.UUID,
                          module_id: uuid.UUID) -> dict:
    """Mark a material as studied; the last step of the class completes the training."""
    async with ctx.sessionmaker() as s, s.begin():
        x = await _enrollment(s, participant_id, enrollment_id, act=True)
        if await s.scalar(select(modules.c.id).where(modules.c.id == module_id,
                                                     modules.c.training_id == x.t["id"])) is None:
            raise NotFound("Materi tidak ditemukan")
        await s.execute(insert(module_progress).values(enrollment_id=enrollment_id, module_id=module_id,
                                                       completed_at=ctx.now()).on_conflict_do_nothing())
        await _maybe_complete(ctx, s, x, await _state(s, x))
    return await class_view(ctx, participant_id, enrollment_id)


async def start_attempt(ctx: TrainingContext, participant_id: uuid.UUID, enrollment_id: uuid.UUID) -> dict:
    """A shuffled paper; an attempt already open is returned instead of using up another."""
    async with ctx.sessionmaker() as s, s.begin():
        x = await _enrollment(s, participant_id, enrollment_id, act=True)
        state = await _state(s, x)
        if state["modules_done"] < state["modules_total"]:
            raise Conflict("Selesaikan semua materi sebelum mengerjakan evaluasi")
        if state["quiz"]["questions"] == 0:
            raise Conflict("Kelas ini tidak memiliki evaluasi")
        q = state["quiz"]
        if q["open_attempt_id"]:
            row = (await s.execute(select(quiz_attempts).where(quiz_attempts.c.id == uuid.UUID(q["open_attempt_id"]))
                                   )).mappings().one()
            return dict(attempt_id=str(row["id"]), number=row["number"], questions=row["paper"])
        if q["passed"]:
            raise Conflict("Anda sudah lulus evaluasi")
        if q["attempts_used"] >= q["max_attempts"]:
            raise Conflict(f"Kesempatan mengerjakan evaluasi sudah habis ({q['max_attempts']} kali)")
        paper = shuffled_paper(await _questions(s, x.t["id"]), random.Random())
        aid = uuid.uuid4()
        await s.execute(quiz_attempts.insert().values(id=aid, enrollment_id=enrollment_id,
                                                      number=q["attempts_used"] + 1, paper=paper, started_at=ctx.now()))
    return dict(attempt_id=str(aid), number=q["attempts_used"] + 1, questions=paper)


async def submit_attempt(ctx: TrainingContext, participant_id: uuid.UUID, enrollment_id: uuid.UUID,
                         attempt_id: uuid.UUID, answers: dict[str, int]) -> dict:
    """Score an attempt; passing (with all materials done) completes the training."""
    async with ctx.sessionmaker() as s, s.begin():
        x = await _enrollment(s, participant_id, enrollment_id, act=True)
        a = (await s.execute(select(quiz_attempts).where(quiz_attempts.c.id == attempt_id,
                                                         quiz_attempts.c.enrollment_id == enrollment_id)
                             .with_for_update())).mappings().first()
        if a is None:
            raise NotFound("Evaluasi tidak ditemukan")
        if a["submitted_at"] is not None:
            raise Conflict("Jawaban evaluasi ini sudah dikirim")
        questions = await _questions(s, x.t["id"])
        unknown = set(answers) - {q.id for q in questions}
        if unknown:
            raise InvalidInput({"answers": "Ada jawaban untuk soal yang tidak dikenal"})
        result = score(questions, answers)
        ok = result >= x.t["quiz_pass_mark"]
        await s.execute(quiz_attempts.update().where(quiz_attempts.c.id == attempt_id).values(
            submitted_at=ctx.now(), score=result, passed=ok))
        state = await _state(s, x)
        completed = await _maybe_complete(ctx, s, x, state) if ok else False
    left = max(0, state["quiz"]["max_attempts"] - state["quiz"]["attempts_used"])
    return dict(attempt_id=str(attempt_id), score=result, passed=ok, pass_mark=x.t["quiz_pass_mark"],
                attempts_left=left, completed=completed)
