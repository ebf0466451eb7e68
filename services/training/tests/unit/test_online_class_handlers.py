"""The online class: materials, quiz attempts and completion (TrainingCompleted) on a fake unit of work."""
from __future__ import annotations

import uuid

import pytest

from balai_contracts.training import TrainingCompletedV1
from services.training.tests.unit.fakes import World
from training.domain import lifecycle as lc
from training.domain.quiz import Question
from training.service import online_class
from training.service.errors import Conflict, Forbidden, InvalidInput, NotFound


@pytest.fixture
def w() -> World:
    return World()


def with_class(w: World, *, modules: int = 2, questions: int = 0, **over):
    t = w.training(mode="online", venue="", quiz_pass_mark=70, quiz_max_attempts=2, **over)
    mods = [dict(id=uuid.uuid4(), position=i, title=f"Materi {i}", content="", link="") for i in range(modules)]
    w.db.state.modules[t.id] = mods
    w.db.state.questions[t.id] = [Question(str(uuid.uuid4()), f"Soal {i}", ("a", "b"), 0) for i in range(questions)]
    return t, mods


async def test_last_module_without_quiz_completes_the_training(w):
    t, mods = with_class(w)
    e = w.enroll(t, lc.VERIFIED)
    view = await online_class.complete_module(w.ctx, e.participant_id, e.id, mods[0]["id"])
    assert (view["modules_done"], view["status"], w.events) == (1, lc.VERIFIED, [])
    view = await online_class.complete_module(w.ctx, e.participant_id, e.id, mods[1]["id"])
    assert view["status"] == lc.COMPLETED and view["modules"][1]["files"] == []
    [event] = w.events
    assert isinstance(event, TrainingCompletedV1)
    assert (event.enrollment_id, event.mode, event.attendance_percent, event.score) == (e.id, "online", None, None)
    with pytest.raises(Conflict, match="Kelas sudah selesai"):
        await online_class.complete_module(w.ctx, e.participant_id, e.id, mods[1]["id"])


async def test_passing_the_quiz_after_all_materials_completes_with_the_score(w):
    t, mods = with_class(w, modules=1, questions=2)
    e = w.enroll(t, lc.VERIFIED)
    await online_class.complete_module(w.ctx, e.participant_id, e.id, mods[0]["id"])
    assert w.events == []
    paper = await online_class.start_attempt(w.ctx, e.participant_id, e.id)
    again = await online_class.start_attempt(w.ctx, e.participant_id, e.id)
    assert again["attempt_id"] == paper["attempt_id"] and paper["number"] == 1  # an open attempt is reused
    answers = {q.id: 0 for q in w.db.state.questions[t.id]}
    out = await online_class.submit_attempt(w.ctx, e.participant_id, e.id, uuid.UUID(paper["attempt_id"]), answers)
    assert (out["score"], out["passed"], out["completed"], out["attempts_left"]) == (100, True, True, 1)
    assert w.get(e).status == lc.COMPLETED and w.get(e).score == 100
    assert [x.score for x in w.events] == [100]


async def test_failing_the_quiz_does_not_complete_and_attempts_run_out(w):
    t, mods = with_class(w, modules=0, questions=2)
    e = w.enroll(t, lc.VERIFIED)
    for number in (1, 2):
        paper = await online_class.start_attempt(w.ctx, e.participant_id, e.id)
        assert paper["number"] == number
        out = await online_class.submit_attempt(w.ctx, e.participant_id, e.id, uuid.UUID(paper["attempt_id"]), {})
        assert (out["passed"], out["completed"]) == (False, False)
    with pytest.raises(Conflict, match=r"Kesempatan mengerjakan evaluasi sudah habis \(2 kali\)"):
        await online_class.start_attempt(w.ctx, e.participant_id, e.id)
    with pytest.raises(Conflict, match="Jawaban evaluasi ini sudah dikirim"):
        await online_class.submit_attempt(w.ctx, e.participant_id, e.id, uuid.UUID(paper["attempt_id"]), {})
    assert w.events == [] and w.get(e).status == lc.VERIFIED


async def test_quiz_refusals(w):
    t, mods = with_class(w, modules=1, questions=1)
    e = w.enroll(t, lc.VERIFIED)
    with pytest.raises(Conflict, match="Selesaikan semua materi sebelum mengerjakan evaluasi"):
        await online_class.start_attempt(w.ctx, e.participant_id, e.id)
    await online_class.complete_module(w.ctx, e.participant_id, e.id, mods[0]["id"])
    paper = await online_class.start_attempt(w.ctx, e.participant_id, e.id)
    with pytest.raises(InvalidInput):
        await online_class.submit_attempt(w.ctx, e.participant_id, e.id, uuid.UUID(paper["attempt_id"]), {"x": 1})
    with pytest.raises(NotFound, match="Evaluasi tidak ditemukan"):
        await online_class.submit_attempt(w.ctx, e.participant_id, e.id, uuid.uuid4(), {})


async def test_class_access_refusals(w):
    t, mods = with_class(w)
    e = w.enroll(t, lc.SUBMITTED)
    with pytest.raises(Forbidden, match="Anda tidak berhak membuka kelas ini"):
        await online_class.class_view(w.ctx, uuid.uuid4(), e.id)
    with pytest.raises(Conflict, match="Kelas dapat dibuka setelah pendaftaran diverifikasi"):
        await online_class.class_view(w.ctx, e.participant_id, e.id)
    face_to_face = w.enroll(w.training(), lc.VERIFIED)
    with pytest.raises(Conflict, match="Pelatihan ini bukan kelas online"):
        await online_class.class_view(w.ctx, face_to_face.participant_id, face_to_face.id)
    ok = w.enroll(t, lc.VERIFIED)
    with pytest.raises(NotFound, match="Materi tidak ditemukan"):
        await online_class.complete_module(w.ctx, ok.participant_id, ok.id, uuid.uuid4())


async def test_completion_carries_the_modules_as_syllabus_with_the_hours_shared(w):
    t, mods = with_class(w, modules=3, hours=32)
    e = w.enroll(t, lc.VERIFIED)
    for m in mods:
        await online_class.complete_module(w.ctx, e.participant_id, e.id, m["id"])
    [event] = w.events
    assert [(s.title, s.hours) for s in event.syllabus] == [("Materi 0", 11), ("Materi 1", 11), ("Materi 2", 10)]
