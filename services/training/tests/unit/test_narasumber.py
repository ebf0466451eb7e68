"""Narasumber rules: the profile's validation, the two-level decision, letters, assignments, documents,
requests from outside bodies; and the handlers over an in-memory unit of work."""
from __future__ import annotations

import copy
import io
import uuid
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from balai_contracts.training import (
    NarasumberApprovedV1,
    NarasumberAssignedV1,
    NarasumberRegisteredV1,
    NarasumberRejectedV1,
)
from balai_platform.auth import Claims
from balai_platform.errors import Conflict, Forbidden, InvalidInput, NotFound
from balai_platform.testing import FakeUnitOfWork, FrozenClock
from training.adapters.narasumber_letters import DEFAULT_LETTERHEAD, Letter, Letterhead, render_letter
from training.domain.narasumber import STANDARD_MODULES, Narasumber, Profile, TrainingSlot, letter_number
from training.domain.narasumber_documents import MAX_DOCUMENT_BYTES, DocumentError, check_pdf
from training.domain.narasumber_request import NarasumberRequest, RequestLetter, token_hash, valid_token
from training.service import narasumber as handlers
from training.service import narasumber_requests as request_handlers
from training.service.context import TrainingContext
from training.settings import Settings

ORG = uuid.UUID("0b0a1a10-0000-4000-8000-000000000001")
OTHER = uuid.UUID("0b0a1a10-0000-4000-8000-000000000002")
AT = datetime(2026, 12, 3, 3, 0, tzinfo=UTC)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
FORM = dict(full_name="Dr. Rina Kartika", email="Rina@Contoh.id", phone="0812 3456 7890",
            expertise="Pemasaran digital UMKM", education="S2",
            experience="Mengajar pemasaran digital untuk koperasi sejak 2015.", modules=[STANDARD_MODULES[4]])


def profile(**over) -> Profile:
    return Profile.parse({**FORM, **over})


def registered() -> Narasumber:
    n = Narasumber.register(ORG, uuid.uuid4(), profile(), AT)
    n.pull_events()
    return n


def slot(**over) -> TrainingSlot:
    base = dict(id=uuid.uuid4(), org_id=ORG, title="Pemasaran Digital Angkatan 1", start_date=date(2026, 12, 14),
                end_date=date(2026, 12, 16), closed=False)
    return TrainingSlot(**{**base, **over})


# -- the profile ------------------------------------------------------------------------------------

def test_profile_is_normalised():
    p = profile()
    assert p.email == "rina@contoh.id" and p.phone == "6281234567890" and p.modules == (STANDARD_MODULES[4],)


@pytest.mark.parametrize(("field", "value", "message"), [
    ("full_name", "", "Nama lengkap wajib diisi"),
    ("email", "rina@", "Format email"),
    ("phone", "12345", "Nomor telepon tidak valid"),
    ("education", "S9", "Pilih pendidikan"),
    ("experience", "pendek", "minimal 10"),
    ("modules", [], "minimal satu modul"),
    ("modules", ["Memasak"], "daftar modul standar"),
])
def test_profile_names_each_wrong_field(field, value, message):
    with pytest.raises(InvalidInput) as exc:
        profile(**{field: value})
    assert message in exc.value.errors[field]


# -- the two-level decision -------------------------------------------------------------------------

def test_register_records_event_without_contact_data():
    n = Narasumber.register(ORG, uuid.uuid4(), profile(), AT)
    [event] = n.pending_events
    assert isinstance(event, NarasumberRegisteredV1)
    dumped = event.model_dump_json()
    assert "contoh.id" not in dumped and "6281234567890" not in dumped and "Rina" not in dumped


def test_reviewer_recommends_then_another_admin_approves():
    n, reviewer, head = registered(), uuid.uuid4(), uuid.uuid4()
    n.recommend(reviewer, "approve", "Profil sesuai modul standar", AT)
    assert n.status == "recommended" and not n.pending_events
    n.decide(head, "approve", "Disetujui sesuai telaah tim", "001/NARSUM/XII/2026", AT)
    [event] = n.pending_events
    assert isinstance(event, NarasumberApprovedV1) and event.letter_number == "001/NARSUM/XII/2026"
    assert n.status == "approved" and n.decided_by == head


def test_the_head_cannot_be_the_reviewer():
    n, reviewer = registered(), uuid.uuid4()
    n.recommend(reviewer, "approve", "Profil sesuai modul standar", AT)
    with pytest.raises(Forbidden):
        n.decide(reviewer, "approve", "Saya setujui sendiri", "001/NARSUM/XII/2026", AT)
    assert n.status == "recommended"


def test_no_decision_without_recommendation_and_no_second_decision():
    n = registered()
    with pytest.raises(Conflict):
        n.decide(uuid.uuid4(), "approve", "Langsung disetujui", "x", AT)
    n.recommend(uuid.uuid4(), "reject", "Modul tidak sesuai", AT)
    with pytest.raises(Conflict):
        n.recommend(uuid.uuid4(), "approve", "Rekomendasi kedua", AT)
    n.decide(uuid.uuid4(), "reject", "Kualifikasi belum sesuai", "002/NARSUM/XII/2026", AT)
    assert isinstance(n.pending_events[0], NarasumberRejectedV1)
    with pytest.raises(Conflict):
        n.decide(uuid.uuid4(), "approve", "Berubah pikiran", "x", AT)


def test_reason_and_decision_are_required():
    n = registered()
    with pytest.raises(InvalidInput) as exc:
        n.recommend(uuid.uuid4(), "approve", "  ", AT)
    assert "reason" in exc.value.errors
    with pytest.raises(InvalidInput):
        n.recommend(uuid.uuid4(), "maybe", "Alasan cukup panjang", AT)


def test_letter_number_format():
    assert letter_number(7, "NARSUM", date(2026, 12, 3)) == "007/NARSUM/XII/2026"


# -- assignments ------------------------------------------------------------------------------------

def approved() -> Narasumber:
    n = registered()
    n.recommend(uuid.uuid4(), "approve", "Profil sesuai modul standar", AT)
    n.decide(uuid.uuid4(), "approve", "Disetujui pimpinan", "001/NARSUM/XII/2026", AT)
    n.pull_events()
    return n


def test_assign_an_approved_narasumber_within_the_training_dates():
    n, s = approved(), slot()
    a = n.assign(s, "Pemasaran Digital", date(2026, 12, 15), uuid.uuid4(), AT)
    [event] = n.pending_events
    assert isinstance(event, NarasumberAssignedV1) and event.assignment_id == a.id and event.day == a.day
    with pytest.raises(Conflict):
        n.assign(s, "Pemasaran Digital", date(2026, 12, 15), uuid.uuid4(), AT)


@pytest.mark.parametrize(("n_of", "s", "day", "error"), [
    (registered, slot(), date(2026, 12, 15), Conflict),
    (approved, slot(org_id=OTHER), date(2026, 12, 15), Forbidden),
    (approved, slot(), date(2026, 12, 20), InvalidInput),
    (approved, slot(closed=True), date(2026, 12, 15), Conflict),
])
def test_assign_refusals(n_of, s, day, error):
    with pytest.raises(error):
        n_of().assign(s, "Pemasaran Digital", day, uuid.uuid4(), AT)


# -- documents and letters --------------------------------------------------------------------------

def test_documents_are_judged_by_content():
    assert check_pdf(PDF, "../../cv saya.exe", "CV").filename == "cv saya.exe.pdf"
    with pytest.raises(DocumentError, match="harus berupa berkas PDF"):
        check_pdf(b"\x89PNG\r\n\x1a\n" + b"0" * 100, "cv.pdf", "CV")
    with pytest.raises(DocumentError, match="maksimal 3 MB"):
        check_pdf(PDF + b"0" * MAX_DOCUMENT_BYTES, "cv.pdf", "CV")
    with pytest.raises(DocumentError, match="wajib diunggah"):
        check_pdf(None, None, "CV")


def test_letter_renders_with_letterhead_number_and_date():
    head = Letterhead(name="UPT Pelatihan KUKM Provinsi Jawa Timur", parent="Dinas Koperasi dan UKM",
                      address="Jl. Contoh 1", place="Surabaya", head_position="Kepala UPT", head_name="Ir. Bambang",
                      head_nip="19700815 199803 1 004")
    pdf = render_letter(head, Letter(number="001/NARSUM/XII/2026", on=date(2026, 12, 3),
                                     subject="Persetujuan Pendaftaran Narasumber", to=["Dr. Rina Kartika"],
                                     paragraphs=["Pendaftaran DISETUJUI.", "Terima kasih."],
                                     details=[("Modul", "Pemasaran Digital")]))
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert pdf.startswith(b"%PDF-")
    for words in ("UPT PELATIHAN KUKM", "001/NARSUM/XII/2026", "3 Desember 2026", "Dr. Rina Kartika", "Ir. Bambang"):
        assert words in text
    assert render_letter(DEFAULT_LETTERHEAD, Letter("1", date(2026, 1, 1), "Perihal", ["X"], ["Y"], [])).startswith(
        b"%PDF-")


# -- requests ---------------------------------------------------------------------------------------

REQUEST = dict(body_name="Dinas Koperasi Kabupaten Sambas", contact_name="Budi", contact_email="budi@sambas.go.id",
               contact_phone="0812 1111 2222", letter_number="005/123/DISKOP", letter_date="2026-12-01",
               topic="Pemasaran digital bagi koperasi", event_date="2027-01-10", place="Aula Dinas, Sambas",
               audience="40")


def test_request_letter_validation():
    parsed = RequestLetter.parse(REQUEST, date(2026, 12, 3))
    assert parsed.audience == 40 and parsed.contact_phone == "6281211112222"
    with pytest.raises(InvalidInput) as exc:
        RequestLetter.parse({**REQUEST, "event_date": "2026-11-01", "audience": "0", "letter_date": "kemarin",
                             "contact_email": "x"}, date(2026, 12, 3))
    assert set(exc.value.errors) == {"event_date", "audience", "letter_date", "contact_email"}


def test_request_token_is_random_and_only_its_hash_is_kept():
    r, token = NarasumberRequest.submit(ORG, RequestLetter.parse(REQUEST, date(2026, 12, 3)), AT)
    assert valid_token(token) and r.token_hash == token_hash(token) and token not in r.token_hash
    assert NarasumberRequest.submit(ORG, RequestLetter.parse(REQUEST, date(2026, 12, 3)), AT)[1] != token


def test_request_approval_needs_an_approved_narasumber_of_the_organisation():
    r, _ = NarasumberRequest.submit(ORG, RequestLetter.parse(REQUEST, date(2026, 12, 3)), AT)
    with pytest.raises(InvalidInput):
        r.approve(uuid.uuid4(), uuid.uuid4(), "submitted", ORG, "", "001", AT)
    with pytest.raises(InvalidInput):
        r.approve(uuid.uuid4(), uuid.uuid4(), "approved", OTHER, "", "001", AT)
    r.approve(uuid.uuid4(), uuid.uuid4(), "approved", ORG, "", "001/PERM-NARSUM/XII/2026", AT)
    assert r.status == "approved"
    with pytest.raises(Conflict):
        r.reject(uuid.uuid4(), "Sudah diputuskan", "002", AT)


def test_request_rejection_needs_a_reason():
    r, _ = NarasumberRequest.submit(ORG, RequestLetter.parse(REQUEST, date(2026, 12, 3)), AT)
    with pytest.raises(InvalidInput):
        r.reject(uuid.uuid4(), "", "001", AT)


# -- handlers over an in-memory unit of work --------------------------------------------------------

class FakeNarasumberRepo:
    def __init__(self, uow: FakeNarasumberUow) -> None:
        self.uow = uow

    async def get(self, narasumber_id, *, lock=False):
        if narasumber_id not in self.uow.db["narasumber"]:
            raise NotFound("Data narasumber tidak ditemukan")
        n = copy.deepcopy(self.uow.db["narasumber"][narasumber_id])
        self.uow.track(n)
        return n

    async def add(self, n, files):
        if any(o.account_id == n.account_id and o.org_id == n.org_id for o in self.uow.db["narasumber"].values()):
            raise Conflict("Anda sudah terdaftar")
        await self.save(n)
        self.uow.db["files"][n.id] = files

    async def save(self, n):
        self.uow.db["narasumber"][n.id] = n
        self.uow.track(n)

    async def status_of(self, narasumber_id):
        n = self.uow.db["narasumber"].get(narasumber_id)
        return (n.status, n.org_id) if n else None

    async def training_slot(self, training_id):
        return self.uow.db["slots"][training_id]


class FakeRequests:
    def __init__(self, uow: FakeNarasumberUow) -> None:
        self.uow = uow

    async def get(self, request_id, *, lock=False):
        r = copy.deepcopy(self.uow.db["requests"][request_id])
        self.uow.track(r)
        return r

    async def add(self, r, letter):
        self.uow.db["requests"][r.id] = r

    async def save(self, r):
        self.uow.db["requests"][r.id] = r


class FakeLetters:
    def __init__(self, uow: FakeNarasumberUow) -> None:
        self.uow = uow

    async def next_seq(self, org_id, kind, year):
        """Counted in the unit of work: a refused decision leaves the counter as it was (rollback)."""
        key = (org_id, kind, year)
        self.uow.counters[key] = self.uow.counters.get(key, self.uow.db["counters"].get(key, 0)) + 1
        return self.uow.counters[key]

    async def office_known(self, org_id):
        return org_id in (ORG, OTHER)

    async def letterhead(self, org_id):
        return DEFAULT_LETTERHEAD


class FakeNarasumberUow(FakeUnitOfWork):
    def __init__(self, db: dict) -> None:
        super().__init__()
        self.db = db
        self.narasumber = FakeNarasumberRepo(self)
        self.narasumber_requests = FakeRequests(self)
        self.letters = FakeLetters(self)
        self.counters: dict = {}

    async def commit(self) -> None:
        await super().commit()
        self.db["counters"].update(self.counters)


@pytest.fixture
def world():
    db = {"narasumber": {}, "files": {}, "requests": {}, "counters": {}, "slots": {}, "uows": []}

    def factory():
        uow = FakeNarasumberUow(db)
        db["uows"].append(uow)
        return uow

    ctx = TrainingContext(settings=Settings(), sessionmaker=None, outbox=None,  # type: ignore[arg-type]
                          clock=FrozenClock(AT), uow_factory=factory)
    return ctx, db


def claims(role="peserta", org=None, sub=None) -> Claims:
    return Claims(sub=str(sub or uuid.uuid4()), role=role, username="u", org=str(org) if org else None, exp=0)


def published(db) -> list:
    return [e for uow in db["uows"] for e in uow.events]


async def test_register_review_decide_assign_through_handlers(world):
    ctx, db = world
    applicant = claims()
    out = await handlers.register(ctx, applicant, ORG, FORM, ("cv.pdf", PDF), (None, None))
    nid = uuid.UUID(out["id"])
    reviewer, head = claims("admin", ORG), claims("admin", ORG)
    await handlers.recommend(ctx, reviewer, nid, "approve", "Profil sesuai modul standar")
    with pytest.raises(Forbidden):
        await handlers.decide(ctx, reviewer, nid, "approve", "Saya sendiri")
    decided = await handlers.decide(ctx, head, nid, "approve", "Disetujui pimpinan")
    assert decided["letter_number"] == "001/NARSUM/XII/2026"
    s = slot()
    db["slots"][s.id] = s
    await handlers.assign(ctx, head, nid, s.id, "Pemasaran Digital", date(2026, 12, 14))
    assert [type(e).__name__ for e in published(db)] == [
        "NarasumberRegisteredV1", "NarasumberApprovedV1", "NarasumberAssignedV1"]
    name, pdf = await handlers.letter_pdf(ctx, applicant, nid)
    assert name.endswith(".pdf") and pdf.startswith(b"%PDF-")


async def test_admins_stay_in_their_organisation_and_applicants_see_only_their_own(world):
    ctx, db = world
    applicant = claims()
    out = await handlers.register(ctx, applicant, ORG, FORM, ("cv.pdf", PDF), (None, None))
    nid = uuid.UUID(out["id"])
    with pytest.raises(Forbidden):
        await handlers.recommend(ctx, claims("admin", OTHER), nid, "approve", "Profil sesuai modul")
    with pytest.raises(Forbidden):
        await handlers.letter_pdf(ctx, claims(), nid)
    with pytest.raises(Forbidden):
        await handlers.register(ctx, claims("admin", ORG), ORG, FORM, ("cv.pdf", PDF), (None, None))


async def test_every_wrong_field_is_named_at_once(world):
    ctx, _ = world
    with pytest.raises(InvalidInput) as exc:
        await handlers.register(ctx, claims(), None, {**FORM, "email": "x"}, (None, None), ("x.pdf", b"GIF89a"))
    assert set(exc.value.errors) == {"org_id", "email", "cv", "certificate"}


async def test_request_submit_and_decide_through_handlers(world):
    ctx, db = world
    out = await request_handlers.submit(ctx, ORG, REQUEST, "surat.pdf", PDF)
    rid = uuid.UUID(out["id"])
    assert db["requests"][rid].token_hash == token_hash(out["token"])
    with pytest.raises(InvalidInput):
        await request_handlers.submit(ctx, ORG, REQUEST, "surat.png", b"\x89PNG")
    with pytest.raises(Forbidden):
        await request_handlers.decide(ctx, claims("admin", OTHER), rid, "reject", None, "Bukan organisasi kami")
    n = approved()
    db["narasumber"][n.id] = n
    decided = await request_handlers.decide(ctx, claims("admin", ORG), rid, "approve", n.id, "")
    assert decided["status"] == "approved" and decided["answer_number"] == "001/PERM-NARSUM/XII/2026"
