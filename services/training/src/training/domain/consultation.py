"""Konsultasi pasca pelatihan (SOP Layanan Konsultasi dan Informasi Pasca Pelatihan; standard
"Bimbingan dan Konsultasi": free, first answer within 3 working hours).

An alumnus (a participant whose enrollment is `completed`) opens a consultation about that training
with a topic and a question; the organisation answers in a thread; both sides post until it is
closed. When the organisation wants a reviewer step, an admin's answer is a draft that a second
admin approves (the participant then sees it) or returns with a note. The response-time target is
the organisation's `consultation_first_answer` limit, counted from the opening.

Concurrency (held by the database): every write loads the consultation row FOR UPDATE, so posts,
reviews and closing of one thread happen one after the other; the unique key
(consultation_id, seq) of consultation_messages backstops the message order; the first answer's
time is set only under that lock."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from balai_platform.aggregate import Aggregate
from balai_platform.errors import Conflict, Forbidden, InvalidInput, NotFound

from .deadlines import Limit
from .lifecycle import COMPLETED
from .material import CheckedMaterial

WAITING, ANSWERED, CLOSED = "waiting", "answered", "closed"
STATUSES = (WAITING, ANSWERED, CLOSED)
STATUS_LABELS = {WAITING: "Menunggu jawaban", ANSWERED: "Sudah dijawab", CLOSED: "Selesai"}
PUBLISHED, DRAFT, RETURNED = "published", "draft", "returned"
PARTICIPANT, ADMIN = "participant", "admin"

TOPIC_MIN, TOPIC_MAX = 5, 150
BODY_MIN, BODY_MAX = 10, 4000
NOTE_MAX = 500
MAX_FILES = 3


def is_overdue(first_answered_at: datetime | None, status: str, due_at: datetime, now: datetime) -> bool:
    """Past the target without a first answer (a closed one is no longer waiting)."""
    return first_answered_at is None and status != CLOSED and now > due_at


MSG_NOT_ALUMNUS = "Konsultasi hanya untuk alumni yang telah menyelesaikan pelatihan ini"
MSG_CLOSED = "Konsultasi sudah selesai (ditutup)"
MSG_NOT_YOURS = "Anda tidak berhak mengakses konsultasi ini"
MSG_SAME_REVIEWER = "Jawaban harus diperiksa oleh admin lain, bukan penyusunnya"
MSG_NO_DRAFT = "Draf jawaban tidak ditemukan atau sudah diperiksa"
MSG_TOO_MANY_FILES = f"Maksimal {MAX_FILES} lampiran"


def clean_text(value: str | None) -> str:
    return (value or "").replace("\r\n", "\n").replace("\x00", "").strip()


def check_topic(topic: str | None) -> str:
    topic = " ".join((topic or "").split())
    if not topic:
        raise InvalidInput({"topic": "Topik konsultasi wajib diisi"})
    if not TOPIC_MIN <= len(topic) <= TOPIC_MAX:
        raise InvalidInput({"topic": f"Topik {TOPIC_MIN}-{TOPIC_MAX} karakter"})
    return topic


def check_body(body: str | None, field_name: str = "body") -> str:
    body = clean_text(body)
    if not body:
        raise InvalidInput({field_name: "Isi pesan wajib diisi"})
    if not BODY_MIN <= len(body) <= BODY_MAX:
        raise InvalidInput({field_name: f"Isi pesan {BODY_MIN}-{BODY_MAX} karakter"})
    return body


def check_files(files: list[CheckedMaterial]) -> list[CheckedMaterial]:
    if len(files) > MAX_FILES:
        raise InvalidInput({"files": MSG_TOO_MANY_FILES}, MSG_TOO_MANY_FILES)
    return files


@dataclass(frozen=True)
class Alumnus:
    """What the service found about the asker's enrollment in the training (facts, no rule)."""
    participant_id: uuid.UUID
    enrollment_id: uuid.UUID
    training_id: uuid.UUID
    org_id: uuid.UUID
    status: str  # the enrollment's status


@dataclass
class Message:
    id: uuid.UUID
    seq: int
    author: str  # participant | admin
    author_id: uuid.UUID
    body: str
    state: str  # published | draft | returned
    created_at: datetime
    published_at: datetime | None = None
    reviewed_by: uuid.UUID | None = None
    review_note: str = ""
    files: list[CheckedMaterial] = field(default_factory=list)  # new files only (stored on save)
    file_ids: list[uuid.UUID] = field(default_factory=list)


@dataclass(eq=False)
class Consultation(Aggregate):
    """One alumnus's question about one training and its thread of messages."""
    id: uuid.UUID
    org_id: uuid.UUID
    training_id: uuid.UUID
    enrollment_id: uuid.UUID
    participant_id: uuid.UUID
    topic: str
    status: str
    opened_at: datetime
    due_at: datetime
    first_answered_at: datetime | None = None
    closed_at: datetime | None = None
    updated_at: datetime | None = None
    messages: list[Message] = field(default_factory=list)

    @classmethod
    def open(cls, alumnus: Alumnus, asker: uuid.UUID, topic: str, question: str, files: list[CheckedMaterial],
             limit: Limit, at: datetime) -> Consultation:
        """An alumnus asks; the first answer is due `limit` (working hours/days) later."""
        if asker != alumnus.participant_id:
            raise Forbidden(MSG_NOT_ALUMNUS)
        if alumnus.status != COMPLETED:
            raise Forbidden(MSG_NOT_ALUMNUS)
        c = cls(id=uuid.uuid4(), org_id=alumnus.org_id, training_id=alumnus.training_id,
                enrollment_id=alumnus.enrollment_id, participant_id=alumnus.participant_id,
                topic=check_topic(topic), status=WAITING, opened_at=at, due_at=limit.due(at), updated_at=at)
        c._add(PARTICIPANT, asker, check_body(question, "question"), check_files(files), PUBLISHED, at)
        return c

    # -- who may see what -----------------------------------------------------------------------

    def ensure_owner(self, participant_id: uuid.UUID) -> None:
        if participant_id != self.participant_id:
            raise NotFound("Konsultasi tidak ditemukan")  # another's consultation does not exist for you

    def visible(self, *, admin: bool) -> list[Message]:
        """The participant sees published messages only; admins also see drafts and returned drafts."""
        return [m for m in self.messages if admin or m.state == PUBLISHED]

    def overdue(self, now: datetime) -> bool:
        return is_overdue(self.first_answered_at, self.status, self.due_at, now)

    # -- the thread -----------------------------------------------------------------------------

    def ask_again(self, participant_id: uuid.UUID, body: str, files: list[CheckedMaterial], at: datetime) -> Message:
        """The alumnus adds to the thread; it waits for the organisation again."""
        self.ensure_owner(participant_id)
        self._ensure_open()
        m = self._add(PARTICIPANT, participant_id, check_body(body), check_files(files), PUBLISHED, at)
        self.status = WAITING
        return m

    def answer(self, admin_id: uuid.UUID, body: str, files: list[CheckedMaterial], *, review_required: bool,
               at: datetime) -> Message:
        """An admin answers: published at once, or a draft for a second admin when the organisation
        wants the reviewer step."""
        self._ensure_open()
        m = self._add(ADMIN, admin_id, check_body(body), check_files(files), DRAFT if review_required else PUBLISHED,
                      at)
        if m.state == PUBLISHED:
            self._answered(at)
        return m

    def review(self, reviewer_id: uuid.UUID, message_id: uuid.UUID, *, approve: bool, note: str,
               at: datetime) -> Message:
        """A second admin approves a draft (the participant sees it now) or returns it with a note."""
        self._ensure_open()
        m = next((m for m in self.messages if m.id == message_id and m.state == DRAFT), None)
        if m is None:
            raise NotFound(MSG_NO_DRAFT)
        if m.author_id == reviewer_id:
            raise Forbidden(MSG_SAME_REVIEWER)
        note = " ".join((note or "").split())
        if len(note) > NOTE_MAX:
            raise InvalidInput({"note": f"Catatan maksimal {NOTE_MAX} karakter"})
        if not approve and not note:
            raise InvalidInput({"note": "Tuliskan catatan perbaikan untuk penyusun jawaban"})
        m.reviewed_by, m.review_note = reviewer_id, note
        if approve:
            m.state, m.published_at = PUBLISHED, at
            self._answered(at)
        else:
            m.state = RETURNED
        self.updated_at = at
        return m

    def close(self, at: datetime) -> None:
        """Either side closes the thread (the participant's question is settled; filed)."""
        self._ensure_open()
        self.status, self.closed_at, self.updated_at = CLOSED, at, at

    @property
    def drafts(self) -> int:
        return sum(1 for m in self.messages if m.state == DRAFT)

    def _answered(self, at: datetime) -> None:
        if self.first_answered_at is None:
            self.first_answered_at = at
        self.status = ANSWERED

    def _ensure_open(self) -> None:
        if self.status == CLOSED:
            raise Conflict(MSG_CLOSED)

    def _add(self, author: str, author_id: uuid.UUID, body: str, files: list[CheckedMaterial], state: str,
             at: datetime) -> Message:
        seq = max((m.seq for m in self.messages), default=0) + 1
        m = Message(id=uuid.uuid4(), seq=seq, author=author, author_id=author_id, body=body, state=state,
                    created_at=at, published_at=at if state == PUBLISHED else None, files=list(files))
        self.messages.append(m)
        self.updated_at = at
        return m
