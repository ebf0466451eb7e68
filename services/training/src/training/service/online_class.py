"""Online asynchronous classes (Si-Jawara+): materials (with their files), progress, the quiz, completion."""
from __future__ import annotations

import random
import uuid

from balai_platform.logging import get_logger

from ..adapters.classroom import ClassProgress
from ..domain import lifecycle
from ..domain.enrollment import Enrollment
from ..domain.enrollment_facts import syllabus_of
from ..domain.quiz import score, shuffled_paper
from .context import TrainingContext
from .errors import Conflict, Forbidden, InvalidInput, NotFound
from .loading import load_enrollment, refusals
from .module_file_views import view as file_view

log = get_logger("online_class")
IN_CLASS = (lifecycle.VERIFIED, lifecycle.CONFIRMED, lifecycle.COMPLETED)


async def _enrollment(uow, participant_id: uuid.UUID, enrollment_id: uuid.UUID, *, act: bool) -> Enrollment:
    e = await load_enrollment(uow, enrollment_id, lock=act)
    if e.participant_id != participant_id:
        raise Forbidden("Anda tidak berhak membuka kelas ini")
    if not e.training.online:
        raise Conflict("Pelatihan ini bukan kelas online")
    if e.status not in IN_CLASS:
        raise Conflict("Kelas dapat dibuka setelah pendaftaran diverifikasi")
    if act and (e.training.closed or e.status == lifecycle.COMPLETED):
        raise Conflict("Kelas sudah selesai")
    return e


def _state(e: Enrollment, p: ClassProgress) -> dict:
    scores = [a["score"] for a in p.attempts if a["score"] is not None]
    open_attempt = next((a for a in p.attempts if a["submitted_at"] is None), None)
    return dict(
        enrollment_id=str(e.id), status=e.status, status_label=lifecycle.LABELS[e.status],
        modules=[dict(id=str(m["id"]), position=m["position"], title=m["title"], content=m["content"],
                      link=m["link"], completed=m["id"] in p.done) for m in p.modules],
        modules_done=len(p.done & {m["id"] for m in p.modules}), modules_total=len(p.modules),
        quiz=dict(questions=p.questions, pass_mark=e.training.quiz_pass_mark,
                  max_attempts=e.training.quiz_max_attempts, attempts_used=len(p.attempts),
                  best_score=max(scores) if scores else None,
                  passed=any(a["passed"] for a in p.attempts) or p.questions == 0,
                  open_attempt_id=str(open_attempt["id"]) if open_attempt else None),
    )


async def _state_of(uow, e: Enrollment) -> dict:
    return _state(e, await uow.classroom.progress(e.training.id, e.id))


async def class_view(ctx: TrainingContext, participant_id: uuid.UUID, enrollment_id: uuid.UUID) -> dict:
    async with ctx.uow() as uow:
        state = await _state_of(uow, await _enrollment(uow, participant_id, enrollment_id, act=False))
        rows = await uow.classroom.module_files([uuid.UUID(m["id"]) for m in state["modules"]])
    for m in state["modules"]:
        m["files"] = [file_view(ctx, r) for r in rows if str(r["module_id"]) == m["id"]]
    return state


async def _maybe_complete(ctx: TrainingContext, uow, e: Enrollment, state: dict) -> bool:
    """The last module done and the quiz passed: the class completes the training (TrainingCompleted)."""
    if state["modules_done"] < state["modules_total"] or not state["quiz"]["passed"]:
        return False
    with refusals():
        e.complete(None, state["quiz"]["best_score"], ctx.now(),
                   syllabus_of([m["title"] for m in state["modules"]], e.training.hours))
    await uow.enrollments.save(e)
    log.info("online_class_completed", enrollment_id=str(e.id))
    return True


async def complete_module(ctx: TrainingContext, participant_id: uuid.UUID, enrollment_id: uuid.UUID,
                          module_id: uuid.UUID) -> dict:
    """Mark a material as studied; the last step of the class completes the training."""
    async with ctx.uow() as uow:
        e = await _enrollment(uow, participant_id, enrollment_id, act=True)
        if not await uow.classroom.has_module(e.training.id, module_id):
            raise NotFound("Materi tidak ditemukan")
        await uow.classroom.mark_done(enrollment_id, module_id, ctx.now())
        await _maybe_complete(ctx, uow, e, await _state_of(uow, e))
        await uow.commit()
    return await class_view(ctx, participant_id, enrollment_id)


async def start_attempt(ctx: TrainingContext, participant_id: uuid.UUID, enrollment_id: uuid.UUID) -> dict:
    """A shuffled paper; an attempt already open is returned instead of using up another."""
    async with ctx.uow() as uow:
        e = await _enrollment(uow, participant_id, enrollment_id, act=True)
        progress = await uow.classroom.progress(e.training.id, e.id)
        state = _state(e, progress)
        if state["modules_done"] < state["modules_total"]:
            raise Conflict("Selesaikan semua materi sebelum mengerjakan evaluasi")
        if state["quiz"]["questions"] == 0:
            raise Conflict("Kelas ini tidak memiliki evaluasi")
        q = state["quiz"]
        if q["open_attempt_id"]:
            row = next(a for a in progress.attempts if str(a["id"]) == q["open_attempt_id"])
            return dict(attempt_id=str(row["id"]), number=row["number"], questions=row["paper"])
        if q["passed"]:
            raise Conflict("Anda sudah lulus evaluasi")
        if q["attempts_used"] >= q["max_attempts"]:
            raise Conflict(f"Kesempatan mengerjakan evaluasi sudah habis ({q['max_attempts']} kali)")
        paper = shuffled_paper(await uow.classroom.questions(e.training.id), random.Random())
        aid = uuid.uuid4()
        await uow.classroom.add_attempt(aid, enrollment_id, q["attempts_used"] + 1, paper, ctx.now())
        await uow.commit()
    return dict(attempt_id=str(aid), number=q["attempts_used"] + 1, questions=paper)


async def submit_attempt(ctx: TrainingContext, participant_id: uuid.UUID, enrollment_id: uuid.UUID,
                         attempt_id: uuid.UUID, answers: dict[str, int]) -> dict:
    """Score an attempt; passing (with all materials done) completes the training."""
    async with ctx.uow() as uow:
        e = await _enrollment(uow, participant_id, enrollment_id, act=True)
        a = await uow.classroom.attempt(enrollment_id, attempt_id)
        if a is None:
            raise NotFound("Evaluasi tidak ditemukan")
        if a["submitted_at"] is not None:
            raise Conflict("Jawaban evaluasi ini sudah dikirim")
        questions = await uow.classroom.questions(e.training.id)
        if set(answers) - {q.id for q in questions}:
            raise InvalidInput({"answers": "Ada jawaban untuk soal yang tidak dikenal"})
        result = score(questions, answers)
        ok = result >= e.training.quiz_pass_mark
        await uow.classroom.record_result(attempt_id, result, ok, ctx.now())
        state = await _state_of(uow, e)
        completed = await _maybe_complete(ctx, uow, e, state) if ok else False
        await uow.commit()
    left = max(0, state["quiz"]["max_attempts"] - state["quiz"]["attempts_used"])
    return dict(attempt_id=str(attempt_id), score=result, passed=ok, pass_mark=e.training.quiz_pass_mark,
                attempts_left=left, completed=completed)
