"""Requests for a narasumber from outside bodies (SOP Permintaan Narasumber): a district office or a
cooperative sends its letter; the request is recorded, decided by the head of office who assigns an
approved narasumber (or rejects with a reason), and answered with a confirmation letter. The
requester follows it by an unguessable link (a random token; only its SHA-256 is stored).

Concurrency: the decision loads the row FOR UPDATE, so two admins deciding at once take turns and the
second sees a decided request (Conflict); the letter number comes from the organisation's counter row
(UPDATE ... RETURNING); ``token_hash`` is unique."""
from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from balai_platform.aggregate import Aggregate
from balai_platform.errors import Conflict, InvalidInput

from .narasumber import clean_email, clean_phone, clean_reason, clean_text

MSG_DECIDED = "Permintaan ini sudah diputuskan"
MAX_AUDIENCE = 10_000


def new_token() -> str:
    """The requester's link token: 32 random bytes, URL-safe (43 characters)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def valid_token(token: str) -> bool:
    return 20 <= len(token) <= 64 and all(c.isalnum() or c in "-_" for c in token)


def _date(value: object, name: str, label: str, errors: dict[str, str]) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip()) if isinstance(value, str) and value.strip() else None
    except ValueError:
        pass
    errors[name] = f"{label} tidak valid"
    return None


@dataclass(frozen=True)
class RequestLetter:
    """What the outside body fills in."""

    body_name: str
    contact_name: str
    contact_email: str
    contact_phone: str
    letter_number: str
    letter_date: date
    topic: str
    event_date: date
    place: str
    audience: int

    @classmethod
    def parse(cls, data: dict[str, Any], today: date) -> RequestLetter:
        errors: dict[str, str] = {}
        body = clean_text(data.get("body_name"), "body_name", "Nama instansi/lembaga", 3, 200, errors)
        contact = clean_text(data.get("contact_name"), "contact_name", "Nama kontak", 3, 100, errors)
        email = clean_email(data.get("contact_email"), errors)
        if "email" in errors:
            errors["contact_email"] = errors.pop("email")
        phone = clean_phone(data.get("contact_phone"), errors, "contact_phone")
        number = clean_text(data.get("letter_number"), "letter_number", "Nomor surat", 3, 100, errors)
        letter_date = _date(data.get("letter_date"), "letter_date", "Tanggal surat", errors)
        if letter_date is None and "letter_date" not in errors:
            errors["letter_date"] = "Tanggal surat wajib diisi"
        elif letter_date is not None and letter_date > today:
            errors["letter_date"] = "Tanggal surat tidak boleh di masa depan"
        topic = clean_text(data.get("topic"), "topic", "Topik/materi", 3, 200, errors)
        event_date = _date(data.get("event_date"), "event_date", "Tanggal kegiatan", errors)
        if event_date is None and "event_date" not in errors:
            errors["event_date"] = "Tanggal kegiatan wajib diisi"
        elif event_date is not None and event_date < today:
            errors["event_date"] = "Tanggal kegiatan tidak boleh sudah lewat"
        place = clean_text(data.get("place"), "place", "Tempat", 3, 200, errors)
        raw = data.get("audience")
        audience = 0
        text = str(raw).strip() if isinstance(raw, str | int) and not isinstance(raw, bool) else ""
        if not text.isdigit() or not 1 <= int(text) <= MAX_AUDIENCE:
            errors["audience"] = f"Jumlah peserta harus angka 1 sampai {MAX_AUDIENCE:,}".replace(",", ".")
        else:
            audience = int(text)
        if errors:
            raise InvalidInput(errors)
        assert letter_date is not None and event_date is not None
        return cls(body, contact, email, phone, number, letter_date, topic, event_date, place, audience)


@dataclass(eq=False)
class NarasumberRequest(Aggregate):
    """A request letter from an outside body and its answer. Concurrency: module docstring."""

    id: uuid.UUID
    org_id: uuid.UUID
    token_hash: str
    body_name: str
    contact_name: str
    contact_email: str
    contact_phone: str
    letter_number: str
    letter_date: date
    topic: str
    event_date: date
    place: str
    audience: int
    status: str  # submitted | approved | rejected
    submitted_at: datetime
    narasumber_id: uuid.UUID | None = None
    decision_reason: str | None = None
    decided_by: uuid.UUID | None = None
    decided_at: datetime | None = None
    answer_number: str | None = None

    @classmethod
    def submit(cls, org_id: uuid.UUID, letter: RequestLetter, at: datetime) -> tuple[NarasumberRequest, str]:
        """The request is recorded ("Diterima"); returns it and the requester's link token."""
        token = new_token()
        return cls(id=uuid.uuid4(), org_id=org_id, token_hash=token_hash(token), status="submitted",
                   submitted_at=at, **letter.__dict__), token

    def approve(self, head: uuid.UUID, narasumber_id: uuid.UUID, narasumber_status: str, narasumber_org: uuid.UUID,
                reason: str, answer_number: str, at: datetime) -> None:
        """The head agrees and names an approved narasumber of the organisation."""
        self._pending()
        if narasumber_status != "approved" or narasumber_org != self.org_id:
            raise InvalidInput({"narasumber_id": "Pilih narasumber yang sudah disetujui"})
        note = reason.strip() if isinstance(reason, str) else ""
        if len(note) > 500:
            raise InvalidInput({"reason": "Catatan maksimal 500 karakter"})
        self.decision_reason = note or None
        self.narasumber_id = narasumber_id
        self._decided("approved", head, answer_number, at)

    def reject(self, head: uuid.UUID, reason: str, answer_number: str, at: datetime) -> None:
        self._pending()
        errors: dict[str, str] = {}
        self.decision_reason = clean_reason(reason, errors)
        if errors:
            raise InvalidInput(errors)
        self._decided("rejected", head, answer_number, at)

    def _pending(self) -> None:
        if self.status != "submitted":
            raise Conflict(MSG_DECIDED)

    def _decided(self, status: str, head: uuid.UUID, number: str, at: datetime) -> None:
        self.status, self.decided_by, self.decided_at, self.answer_number = status, head, at, number
