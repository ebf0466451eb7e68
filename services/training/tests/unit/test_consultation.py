"""Konsultasi pasca pelatihan: who may ask, the thread, the reviewer step, the first-answer target in
working hours (holidays excluded) and the overdue line, with a FrozenClock; the deadlines copy."""
from __future__ import annotations

import copy
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from balai_contracts.identity import ServiceDeadline
from balai_platform.auth import Claims
from balai_platform.clock import WIB
from balai_platform.errors import Conflict, Forbidden, InvalidInput, NotFound
from balai_platform.testing import FrozenClock
from training.domain import consultation as dc
from training.domain.consultation import Alumnus, Consultation
from training.domain.deadlines import (
    DEADLINE_CONSULTATION_ANSWER,
    DEADLINE_ENROLLMENT_VERIFICATION,
    Limit,
    limit_of,
    stored_form,
    verification_working_days,
)
from training.domain.material import check_material
from training.service import consultations
from training.service.context import TrainingContext
from training.settings import Settings

from .fakes import ORG, OTHER_ORG, FakeDatabase, FakeTrainingUnitOfWork, admin

QUESTION = "Bagaimana cara menghitung harga pokok produksi roti kami?"
THREE_HOURS = Limit(3, "working_hours")


def wib(*args) -> datetime:
    return datetime(*args, tzinfo=WIB)


def alumnus(status: str = "completed", org: uuid.UUID = ORG) -> Alumnus:
    return Alumnus(participant_id=uuid.uuid4(), enrollment_id=uuid.uuid4(), training_id=uuid.uuid4(), org_id=org,
                   status=status)


def opened(at: datetime | None = None, limit: Limit = THREE_HOURS, a: Alumnus | None = None):
    at, a = at or wib(2026, 6, 2, 9, 0), a or alumnus()
    return Consultation.open(a, a.participant_id, "Harga pokok produksi", QUESTION, [], limit, at)


# -- the deadlines -------------------------------------------------------------------------------

def test_default_first_answer_is_three_working_hours():
    assert limit_of(None, DEADLINE_CONSULTATION_ANSWER) == THREE_HOURS
    assert limit_of({}, DEADLINE_ENROLLMENT_VERIFICATION) == Limit(3, "working_days")
    assert THREE_HOURS.label == "3 jam kerja"


def test_published_limits_replace_the_default_and_bad_ones_fall_back():
    stored = stored_form([ServiceDeadline(key=DEADLINE_CONSULTATION_ANSWER, amount=5, unit="working_hours"),
                          ServiceDeadline(key=DEADLINE_ENROLLMENT_VERIFICATION, amount=2, unit="working_days")])
    assert limit_of(stored, DEADLINE_CONSULTATION_ANSWER) == Limit(5, "working_hours")
    assert limit_of(stored, DEADLINE_ENROLLMENT_VERIFICATION) == Limit(2, "working_days")
    assert limit_of({DEADLINE_CONSULTATION_ANSWER: [0, "working_hours"]}, DEADLINE_CONSULTATION_ANSWER) == THREE_HOURS
    assert limit_of({DEADLINE_CONSULTATION_ANSWER: [2, "weeks"]}, DEADLINE_CONSULTATION_ANSWER) == THREE_HOURS


def test_verification_counts_whole_working_days():
    assert verification_working_days(Limit(4, "working_days")) == 4
    assert verification_working_days(Limit(9, "working_hours")) == 2
    assert verification_working_days(Limit(3, "working_hours")) == 1


# -- opening and the target ----------------------------------------------------------------------

def test_an_alumnus_opens_and_the_first_answer_is_due_three_working_hours_later():
    c = opened(wib(2026, 6, 2, 9, 0))  # Tuesday 09:00 WIB
    assert c.status == dc.WAITING and c.due_at == wib(2026, 6, 2, 12, 0)
    assert [m.author for m in c.messages] == ["participant"] and c.messages[0].state == dc.PUBLISHED


def test_a_question_late_on_friday_is_due_on_monday_morning():
    c = opened(wib(2026, 6, 5, 15, 0))  # Friday 15:00: one hour left that day, two on Monday
    assert c.due_at == wib(2026, 6, 8, 10, 0)


def test_holidays_do_not_count():
    assert opened(wib(2026, 6, 1, 9, 0)).due_at == wib(2026, 6, 2, 11, 0)  # Hari Lahir Pancasila
    # Wednesday 23 December 15:30: half an hour, then cuti bersama, Christmas and the weekend
    assert opened(wib(2026, 12, 23, 15, 30)).due_at == wib(2026, 12, 28, 10, 30)


def test_only_alumni_open_and_only_for_themselves():
    with pytest.raises(Forbidden):
        opened(a=alumnus("verified"))
    a = alumnus()
    with pytest.raises(Forbidden):
        Consultation.open(a, uuid.uuid4(), "Harga pokok", QUESTION, [], THREE_HOURS, wib(2026, 6, 1, 9))


@pytest.mark.parametrize("topic,question,field", [("", QUESTION, "topic"), ("abc", QUESTION, "topic"),
                                                   ("Harga pokok", "singkat", "question"),
                                                   ("Harga pokok", "x" * 4001, "question")])
def test_topic_and_question_are_checked(topic, question, field):
    a = alumnus()
    with pytest.raises(InvalidInput) as exc:
        Consultation.open(a, a.participant_id, topic, question, [], THREE_HOURS, wib(2026, 6, 1, 9))
    assert field in exc.value.errors


def test_overdue_against_a_frozen_clock():
    clock = FrozenClock(wib(2026, 6, 2, 9, 0).astimezone(UTC))
    c = opened(clock())
    clock.now += timedelta(hours=2, minutes=59)
    assert not c.overdue(clock())
    clock.now += timedelta(minutes=2)
    assert c.overdue(clock())
    c.answer(uuid.uuid4(), "Hitung semua biaya bahan dan tenaga kerja.", [], review_required=False, at=clock())
    assert not c.overdue(clock()) and c.first_answered_at == clock()


def test_a_question_at_night_is_not_overdue_before_office_hours():
    clock = FrozenClock(wib(2026, 6, 1, 20, 0).astimezone(UTC))
    c = opened(clock())
    clock.now = wib(2026, 6, 2, 10, 59).astimezone(UTC)
    assert not c.overdue(clock())
    clock.now = wib(2026, 6, 2, 11, 1).astimezone(UTC)
    assert c.overdue(clock())


# -- the thread and the reviewer step --------------------------------------------------------------

def test_thread_goes_both_ways_until_closed():
    c = opened()
    me = c.participant_id
    c.answer(uuid.uuid4(), "Silakan kirim daftar bahan baku Anda.", [], review_required=False, at=wib(2026, 6, 1, 10))
    assert c.status == dc.ANSWERED
    c.ask_again(me, "Berikut daftar bahan baku kami, mohon dicek.", [], wib(2026, 6, 1, 11))
    assert c.status == dc.WAITING and [m.seq for m in c.messages] == [1, 2, 3]
    with pytest.raises(NotFound):
        c.ask_again(uuid.uuid4(), "Saya bukan pemilik konsultasi ini.", [], wib(2026, 6, 1, 11))
    c.close(wib(2026, 6, 1, 12))
    with pytest.raises(Conflict):
        c.ask_again(me, "Masih ada pertanyaan lain untuk Anda.", [], wib(2026, 6, 1, 13))
    with pytest.raises(Conflict):
        c.answer(uuid.uuid4(), "Jawaban setelah ditutup tidak boleh.", [], review_required=False,
                 at=wib(2026, 6, 1, 13))
    assert not c.overdue(wib(2026, 6, 9, 13))


def test_a_reviewed_answer_reaches_the_participant_only_when_approved_by_another_admin():
    c = opened()
    drafter, reviewer = uuid.uuid4(), uuid.uuid4()
    m = c.answer(drafter, "Draf: hitung biaya bahan, tenaga, overhead.", [], review_required=True,
                 at=wib(2026, 6, 1, 10))
    assert m.state == dc.DRAFT and c.first_answered_at is None and c.status == dc.WAITING
    assert [x.id for x in c.visible(admin=False)] == [c.messages[0].id]
    assert c.drafts == 1
    with pytest.raises(Forbidden):
        c.review(drafter, m.id, approve=True, note="", at=wib(2026, 6, 1, 10, 30))
    with pytest.raises(InvalidInput):
        c.review(reviewer, m.id, approve=False, note=" ", at=wib(2026, 6, 1, 10, 30))
    c.review(reviewer, m.id, approve=False, note="Tambahkan contoh angka", at=wib(2026, 6, 1, 10, 30))
    assert m.state == dc.RETURNED and m.review_note == "Tambahkan contoh angka"
    with pytest.raises(NotFound):
        c.review(reviewer, m.id, approve=True, note="", at=wib(2026, 6, 1, 10, 40))
    m2 = c.answer(drafter, "Contoh: bahan 60rb, tenaga 30rb, overhead 10rb.", [], review_required=True,
                  at=wib(2026, 6, 1, 11))
    c.review(reviewer, m2.id, approve=True, note="", at=wib(2026, 6, 1, 11, 30))
    assert m2.state == dc.PUBLISHED and c.first_answered_at == wib(2026, 6, 1, 11, 30)
    assert c.status == dc.ANSWERED and len(c.visible(admin=False)) == 2 and len(c.visible(admin=True)) == 3


def test_at_most_three_attachments():
    a = alumnus()
    pdf = check_material(b"%PDF-1.4 test", "a.pdf")
    with pytest.raises(InvalidInput):
        Consultation.open(a, a.participant_id, "Harga pokok", QUESTION, [pdf] * 4, THREE_HOURS, wib(2026, 6, 1, 9))
    c = Consultation.open(a, a.participant_id, "Harga pokok", QUESTION, [pdf] * 3, THREE_HOURS, wib(2026, 6, 1, 9))
    assert len(c.messages[0].files) == 3


def test_files_are_checked_by_content():
    with pytest.raises(InvalidInput) as exc:
        consultations.checked_files([("rapor.pdf", b"MZ\x90\x00 not a pdf")])
    assert exc.value.errors == {"files": "Lampiran harus berupa PDF, JPG atau PNG"}
    with pytest.raises(InvalidInput):
        consultations.checked_files([("besar.pdf", b"%PDF-" + b"0" * (3 * 1024 * 1024))])


# -- the handlers, over fakes ---------------------------------------------------------------------

class FakeConsultations:
    def __init__(self, store: dict) -> None:
        self.store = store

    async def alumnus(self, participant_id, training_id):
        return self.store["alumni"].get((participant_id, training_id))

    async def deadlines(self, org_id):
        return self.store["deadlines"].get(org_id)

    async def review_required(self, org_id):
        return org_id in self.store["review"]

    async def add(self, c):
        self.store["threads"][c.id] = copy.deepcopy(c)

    async def save(self, c):
        self.store["threads"][c.id] = copy.deepcopy(c)

    async def get(self, cid, lock=False):
        c = self.store["threads"].get(cid)
        return copy.deepcopy(c) if c else None


@pytest.fixture
def world():
    db = FakeDatabase()
    store = {"alumni": {}, "deadlines": {}, "review": set(), "threads": {}}

    def uow():
        u = FakeTrainingUnitOfWork(db)
        u.consultations = FakeConsultations(store)
        return u
    clock = FrozenClock(wib(2026, 6, 2, 9, 0).astimezone(UTC))
    ctx = TrainingContext(settings=Settings(), sessionmaker=None, outbox=None, clock=clock, uow_factory=uow)
    return ctx, store, clock


def peserta(pid: uuid.UUID) -> Claims:
    return Claims(sub=str(pid), role="peserta", username="alumni", org=None, exp=0)


async def test_handlers_use_the_organisations_target_and_review_setting(world):
    ctx, store, clock = world
    a = alumnus()
    store["alumni"][(a.participant_id, a.training_id)] = a
    store["deadlines"][ORG] = {DEADLINE_CONSULTATION_ANSWER: [1, "working_hours"]}
    store["review"].add(ORG)
    out = await consultations.open_consultation(ctx, peserta(a.participant_id), a.training_id, "Harga pokok",
                                                QUESTION, [])
    assert out["due_at"] == wib(2026, 6, 2, 10, 0).astimezone(UTC).isoformat()
    cid = uuid.UUID(out["id"])
    drafted = await consultations.answer(ctx, admin(), cid, "Draf jawaban untuk diperiksa.", [])
    assert drafted["state"] == dc.DRAFT and drafted["status"] == dc.WAITING
    with pytest.raises(Forbidden):
        await consultations.answer(ctx, admin(OTHER_ORG), cid, "Admin organisasi lain menjawab.", [])
    done = await consultations.review(ctx, admin(), cid, uuid.UUID(drafted["message_id"]), approve=True, note="")
    assert done["status"] == dc.ANSWERED and done["state"] == dc.PUBLISHED


async def test_a_participant_without_a_completed_training_cannot_open(world):
    ctx, store, _ = world
    a = alumnus("not_completed")
    store["alumni"][(a.participant_id, a.training_id)] = a
    with pytest.raises(Forbidden):
        await consultations.open_consultation(ctx, peserta(a.participant_id), a.training_id, "Harga pokok",
                                              QUESTION, [])
    with pytest.raises(Forbidden):
        await consultations.open_consultation(ctx, peserta(uuid.uuid4()), uuid.uuid4(), "Harga pokok", QUESTION, [])
    with pytest.raises(Forbidden):
        await consultations.open_consultation(ctx, admin(), a.training_id, "Harga pokok", QUESTION, [])


async def test_another_participant_cannot_post_in_a_thread(world):
    ctx, store, _ = world
    a = alumnus()
    store["alumni"][(a.participant_id, a.training_id)] = a
    out = await consultations.open_consultation(ctx, peserta(a.participant_id), a.training_id, "Harga pokok",
                                                QUESTION, [])
    with pytest.raises(NotFound):
        await consultations.participant_post(ctx, peserta(uuid.uuid4()), uuid.UUID(out["id"]),
                                             "Saya mencoba menulis di sini.", [])
