"""Pengaduan (complaints) about an organisation's service, and their handling steps.

A complaint is received with a ticket number (ADU-<year>-<6 digits>, from one counter per year) and
a follow link carrying an unguessable token (only its SHA-256 is stored). The organisation verifies
it (by the complaint_verification limit), answers with follow-up (by complaint_follow_up, counted
from verification) and closes it; every step is timestamped. An anonymous complaint stores no
name, contact or account.

Concurrency: each step loads the complaint row FOR UPDATE and checks its status, so two admins
cannot verify or answer one complaint twice; `complaint_counters (year)` is incremented by an
INSERT .. ON CONFLICT DO UPDATE in the complaint's transaction (the row lock serialises tickets and a
rolled back complaint gives its number back: no gaps); `complaints.ticket` and `follow_hash` are
unique. Pure Python: no framework."""
from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime

from balai_contracts.identity import DEADLINE_COMPLAINT_FOLLOW_UP, DEADLINE_COMPLAINT_VERIFICATION, DEFAULT_DEADLINES
from balai_platform.aggregate import Aggregate
from balai_platform.errors import Conflict, InvalidInput
from balai_platform.images import ImageError, check_image
from balai_platform.workdays import due_at

CATEGORIES: dict[str, str] = {
    "persyaratan": "Persyaratan pelayanan",
    "prosedur": "Sistem, mekanisme dan prosedur",
    "waktu": "Waktu penyelesaian",
    "biaya": "Biaya/tarif",
    "produk": "Produk layanan",
    "petugas": "Perilaku atau kompetensi petugas",
    "sarana": "Sarana dan prasarana",
    "lainnya": "Lainnya",
}
STATUSES: dict[str, str] = {
    "received": "Diterima, menunggu verifikasi",
    "verified": "Diverifikasi, sedang ditindaklanjuti",
    "answered": "Dijawab dan ditindaklanjuti",
    "closed": "Selesai",
}
LAPOR_URL = "https://www.lapor.go.id"
MAX_EVIDENCE_BYTES = 3 * 1024 * 1024
EVIDENCE_MESSAGES = {
    "required": "Pilih berkas bukti", "wrong_type": "Bukti harus berupa PDF, JPG atau PNG",
    "too_large": "Ukuran bukti maksimal 3 MB", "corrupt": "Berkas gambar bukti rusak atau tidak lengkap",
    "too_small": "Gambar bukti terlalu kecil, minimal 50×50 piksel",
    "too_big": "Gambar bukti terlalu besar, maksimal 8000×8000 piksel",
}
_TICKET = re.compile(r"^ADU-(\d{4})-(\d{6})$")
_CONTACT_MAX, _NAME_MAX, _SERVICE_MAX, _TEXT_MAX = 120, 100, 150, 4000
NOT_ANONYMOUS_NAME = "Nama wajib diisi, atau pilih kirim sebagai anonim"


def ticket_number(year: int, seq: int) -> str:
    """ADU-2026-000123: readable over the phone, sortable."""
    if not 1 <= seq <= 999_999:
        raise ValueError("ticket sequence out of range")
    return f"ADU-{year:04d}-{seq:06d}"


def parse_ticket(text: str) -> tuple[int, int] | None:
    m = _TICKET.match((text or "").strip().upper())
    return (int(m.group(1)), int(m.group(2))) if m else None


def new_follow_token() -> str:
    """The secret of the follow link (192 bits); only its hash is stored."""
    return secrets.token_urlsafe(24)


def follow_hash(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


def check_evidence(data: bytes | None) -> tuple[bytes, str] | None:
    """(bytes to store, content type) of an optional evidence file checked by content: a PDF as
    uploaded, a JPEG/PNG re-encoded (no metadata); None when no file was chosen."""
    if not data:
        return None
    if len(data) > MAX_EVIDENCE_BYTES:
        raise InvalidInput({"evidence": EVIDENCE_MESSAGES["too_large"]})
    if data.startswith(b"%PDF-"):
        if b"%%EOF" not in data[-2048:]:
            raise InvalidInput({"evidence": "Berkas PDF bukti rusak atau tidak lengkap"})
        return bytes(data), "application/pdf"
    try:
        checked = check_image(data, EVIDENCE_MESSAGES)
    except ImageError as exc:
        raise InvalidInput({"evidence": str(exc)}) from None
    return checked.data, checked.content_type


def _text(raw: dict, key: str) -> str:
    value = raw.get(key)
    return value.strip() if isinstance(value, str) else ""


@dataclass(frozen=True)
class ComplaintInput:
    service: str
    category: str
    description: str
    anonymous: bool
    name: str | None
    contact: str | None


def validate_complaint(raw: dict, services: list[str] | None = None) -> ComplaintInput:
    """The public form's fields; an anonymous complaint drops name and contact whatever was typed."""
    errors: dict[str, str] = {}
    anonymous = _text(raw, "anonymous") in ("1", "true", "on", "ya")
    service = _text(raw, "service")
    if not service:
        errors["service"] = "Pilih layanan yang diadukan"
    elif len(service) > _SERVICE_MAX or (services and service not in services):
        errors["service"] = "Pilih layanan dari daftar"
    category = _text(raw, "category")
    if category not in CATEGORIES:
        errors["category"] = "Pilih kategori pengaduan"
    description = _text(raw, "description")
    if len(description) < 20:
        errors["description"] = "Uraikan pengaduan Anda, minimal 20 karakter"
    elif len(description) > _TEXT_MAX:
        errors["description"] = f"Uraian maksimal {_TEXT_MAX} karakter"
    name = contact = None
    if not anonymous:
        name, contact = _text(raw, "name"), _text(raw, "contact")
        if not name:
            errors["name"] = NOT_ANONYMOUS_NAME
        elif len(name) > _NAME_MAX:
            errors["name"] = f"Nama maksimal {_NAME_MAX} karakter"
        if len(contact) > _CONTACT_MAX:
            errors["contact"] = f"Kontak maksimal {_CONTACT_MAX} karakter"
        contact = contact or None
    if errors:
        raise InvalidInput(errors, "Pengaduan belum lengkap, periksa isian yang ditandai")
    return ComplaintInput(service, category, description, anonymous, name, contact)


def _step_text(raw: dict, key: str, label: str, *, required: bool = True) -> str:
    value = _text(raw, key)
    if required and len(value) < 5:
        raise InvalidInput({key: f"{label} wajib diisi (minimal 5 karakter)"})
    if len(value) > _TEXT_MAX:
        raise InvalidInput({key: f"{label} maksimal {_TEXT_MAX} karakter"})
    return value


Deadlines = dict[str, tuple[int, str]]


def limit(deadlines: Deadlines | None, key: str) -> tuple[int, str]:
    return (deadlines or {}).get(key) or DEFAULT_DEADLINES[key]


@dataclass(eq=False)
class Complaint(Aggregate):
    id: uuid.UUID
    org_id: uuid.UUID
    ticket: str
    follow_hash: bytes
    participant_id: uuid.UUID | None
    anonymous: bool
    name: str | None
    contact: str | None
    service: str
    category: str
    description: str
    evidence: bytes | None
    evidence_type: str | None
    status: str
    submitted_at: datetime
    verify_due: datetime
    verified_at: datetime | None = None
    verification_note: str = ""
    answer_due: datetime | None = None
    answered_at: datetime | None = None
    answer: str = ""
    follow_up: str = ""
    closed_at: datetime | None = None
    closing_note: str = ""

    @classmethod
    def file(cls, org_id: uuid.UUID, ticket: str, token: str, data: ComplaintInput,
             participant_id: uuid.UUID | None, evidence: tuple[bytes, str] | None, at: datetime,
             deadlines: Deadlines | None) -> Complaint:
        """Anyone files a complaint; the verification deadline runs from now."""
        amount, unit = limit(deadlines, DEADLINE_COMPLAINT_VERIFICATION)
        return cls(id=uuid.uuid4(), org_id=org_id, ticket=ticket, follow_hash=follow_hash(token),
                   participant_id=None if data.anonymous else participant_id, anonymous=data.anonymous,
                   name=None if data.anonymous else data.name, contact=None if data.anonymous else data.contact,
                   service=data.service, category=data.category, description=data.description,
                   evidence=evidence[0] if evidence else None, evidence_type=evidence[1] if evidence else None,
                   status="received", submitted_at=at, verify_due=due_at(at, amount, unit))

    def _expect(self, status: str, message: str) -> None:
        if self.status != status:
            raise Conflict(message)

    def verify(self, raw: dict, at: datetime, deadlines: Deadlines | None) -> None:
        """The organisation checks the complaint is complete and its own; the follow-up limit starts."""
        self._expect("received", "Pengaduan ini sudah diverifikasi")
        self.verification_note = _step_text(raw, "note", "Catatan verifikasi")
        amount, unit = limit(deadlines, DEADLINE_COMPLAINT_FOLLOW_UP)
        self.status, self.verified_at, self.answer_due = "verified", at, due_at(at, amount, unit)

    def respond(self, raw: dict, at: datetime) -> None:
        """The organisation answers and says what it does about it (tindak lanjut)."""
        self._expect("verified", "Pengaduan harus diverifikasi dahulu, atau sudah dijawab")
        self.answer = _step_text(raw, "answer", "Jawaban")
        self.follow_up = _step_text(raw, "follow_up", "Tindak lanjut")
        self.status, self.answered_at = "answered", at

    def close(self, raw: dict, at: datetime) -> None:
        self._expect("answered", "Pengaduan harus dijawab dahulu, atau sudah selesai")
        self.closing_note = _step_text(raw, "note", "Catatan penutupan", required=False)
        self.status, self.closed_at = "closed", at

    def overdue(self, now: datetime) -> bool:
        if self.status == "received":
            return now > self.verify_due
        return self.status == "verified" and self.answer_due is not None and now > self.answer_due
