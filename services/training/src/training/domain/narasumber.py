"""Narasumber (trainers): the registration a person files with an organisation, its two-level review
(SOP Pendaftaran Narasumber: the team checks the profile against the standard modules and recommends,
the head decides), the numbered approval/rejection letter, and the approved narasumber's assignments
to the modules of a training ("Jadwal Mengajar").

Concurrency (held in the database, see ``adapters/tables_narasumber.py``): every decision loads the
row FOR UPDATE, so a recommendation and a decision are taken in turn; the CHECK
``decided_by <> recommended_by`` refuses a head who is also the reviewer even if a handler forgot the
rule; ``uq_narasumber_account_org`` allows one registration per account and organisation; the letter
numbers of an organisation and year come from an UPDATE ... RETURNING counter row
(``narasumber_letter_counters``), so two heads deciding at once never share a number; the unique key
``uq_narasumber_assignment`` makes a second identical assignment a conflict."""
from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from lokal.phone import parse_phone

from balai_contracts.training import (
    NarasumberApprovedV1,
    NarasumberAssignedV1,
    NarasumberRegisteredV1,
    NarasumberRejectedV1,
)
from balai_platform.aggregate import Aggregate
from balai_platform.errors import Conflict, Forbidden, InvalidInput

# The standard modules of the training catalogue (SOP Modul Diklat): what a narasumber can teach.
STANDARD_MODULES: tuple[str, ...] = (
    "Perkoperasian dan Tata Kelola Koperasi",
    "Akuntansi dan Laporan Keuangan Koperasi",
    "Kewirausahaan",
    "Manajemen Usaha Mikro dan Kecil",
    "Pemasaran Digital",
    "Diversifikasi dan Pengembangan Produk",
    "Pengemasan dan Label Produk",
    "Perizinan Usaha (NIB) dan Legalitas",
    "Akses Pembiayaan dan Permodalan",
    "Keamanan Pangan dan Sertifikasi Halal",
)
EDUCATION = ("SMA/SMK", "D3", "D4/S1", "S2", "S3")
STATUSES = ("submitted", "recommended", "approved", "rejected")
DECISIONS = ("approve", "reject")

MSG_NOT_PENDING = "Pendaftaran ini sudah diputuskan"
MSG_NOT_RECOMMENDED = "Pendaftaran ini belum ditelaah oleh tim (rekomendasi belum ada)"
MSG_ALREADY_RECOMMENDED = "Pendaftaran ini sudah direkomendasikan; keputusan ada pada pimpinan"
MSG_SAME_PERSON = "Keputusan akhir harus diambil oleh admin lain (pimpinan), bukan penelaah yang sama"
MSG_NOT_APPROVED = "Hanya narasumber yang sudah disetujui yang dapat ditugaskan"
MSG_MODULE_NOT_HELD = "Modul ini tidak termasuk modul yang dapat diajarkan narasumber"

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# -- validation (the form and the aggregate agree) ----------------------------------------------

def clean_text(value: object, name: str, label: str, min_len: int, max_len: int, errors: dict[str, str],
               *, multiline: bool = False) -> str:
    """Trimmed text between min_len and max_len characters; a message in ``errors`` otherwise."""
    if not isinstance(value, str):
        value = ""
    value = _CONTROL.sub("", value)
    text = value.strip() if multiline else _SPACES.sub(" ", value).strip()
    if not text:
        errors[name] = f"{label} wajib diisi"
    elif len(text) < min_len:
        errors[name] = f"{label} minimal {min_len} karakter"
    elif len(text) > max_len:
        errors[name] = f"{label} maksimal {max_len} karakter"
    return text


def clean_email(value: object, errors: dict[str, str]) -> str:
    text = value.strip().lower() if isinstance(value, str) else ""
    if not text:
        errors["email"] = "Email wajib diisi"
    elif len(text) > 120 or not _EMAIL.fullmatch(text):
        errors["email"] = "Format email tidak valid, contoh: nama@contoh.id"
    return text


def clean_phone(value: object, errors: dict[str, str], name: str = "phone") -> str:
    """E.164 digits without '+', validated like ukm and identity (lokal-id)."""
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        errors[name] = "Nomor telepon/WhatsApp wajib diisi"
        return ""
    info = parse_phone(text)
    if not info.valid or not info.e164 or info.e164.startswith("+6280"):
        errors[name] = "Nomor telepon tidak valid, contoh: 0812 3456 7890"
        return ""
    return info.e164.lstrip("+")


def clean_modules(values: object, errors: dict[str, str]) -> list[str]:
    chosen = [v for v in values if isinstance(v, str)] if isinstance(values, list | tuple) else []
    known = [m for m in STANDARD_MODULES if m in chosen]
    if not chosen:
        errors["modules"] = "Pilih minimal satu modul yang dapat Anda ajarkan"
    elif len(known) != len(set(chosen)):
        errors["modules"] = "Pilih modul dari daftar modul standar"
    return known


def clean_reason(value: object, errors: dict[str, str], name: str = "reason") -> str:
    return clean_text(value, name, "Alasan", 5, 500, errors, multiline=True)


@dataclass(frozen=True)
class Profile:
    """What the applicant fills in ("profil data narsum")."""

    full_name: str
    email: str
    phone: str
    expertise: str
    education: str
    experience: str
    modules: tuple[str, ...]

    @classmethod
    def parse(cls, data: dict[str, Any]) -> Profile:
        """A valid profile, or InvalidInput naming every wrong field."""
        errors: dict[str, str] = {}
        education = data.get("education")
        if education not in EDUCATION:
            errors["education"] = "Pilih pendidikan terakhir"
        profile = cls(
            full_name=clean_text(data.get("full_name"), "full_name", "Nama lengkap", 3, 100, errors),
            email=clean_email(data.get("email"), errors),
            phone=clean_phone(data.get("phone"), errors),
            expertise=clean_text(data.get("expertise"), "expertise", "Bidang keahlian", 3, 200, errors),
            education=education if isinstance(education, str) else "",
            experience=clean_text(data.get("experience"), "experience", "Pengalaman", 10, 2000, errors,
                                  multiline=True),
            modules=tuple(clean_modules(data.get("modules"), errors)))
        if errors:
            raise InvalidInput(errors)
        return profile


def display_phone(e164_digits: str) -> str:
    """6281234567890 -> 0812-3456-7890 (as people write it)."""
    if e164_digits.startswith("62"):
        local = "0" + e164_digits[2:]
        return "-".join(local[i:i + 4] for i in range(0, len(local), 4))
    return e164_digits


# -- the aggregate -------------------------------------------------------------------------------

@dataclass(eq=False)
class Narasumber(Aggregate):
    """A registration and, once approved, the narasumber's profile with the organisation.

    Two-level decision: ``recommend`` (the reviewer: approve/reject + reason) then ``decide`` (the head:
    a different admin; approve/reject + reason). Concurrency: see the module docstring (row lock, the
    CHECK decided_by <> recommended_by, unique account per organisation, the letter counter)."""

    id: uuid.UUID
    org_id: uuid.UUID
    account_id: uuid.UUID
    full_name: str
    email: str
    phone: str
    expertise: str
    education: str
    experience: str
    modules: list[str]
    status: str
    submitted_at: datetime
    updated_at: datetime
    recommendation: str | None = None
    recommendation_reason: str | None = None
    recommended_by: uuid.UUID | None = None
    recommended_at: datetime | None = None
    decision_reason: str | None = None
    decided_by: uuid.UUID | None = None
    decided_at: datetime | None = None
    letter_number: str | None = None
    assignments: list[Assignment] = field(default_factory=list)

    @classmethod
    def register(cls, org_id: uuid.UUID, account_id: uuid.UUID, profile: Profile, at: datetime) -> Narasumber:
        """A person files a registration with an organisation; records NarasumberRegistered."""
        n = cls(id=uuid.uuid4(), org_id=org_id, account_id=account_id, full_name=profile.full_name,
                email=profile.email, phone=profile.phone, expertise=profile.expertise,
                education=profile.education, experience=profile.experience, modules=list(profile.modules),
                status="submitted", submitted_at=at, updated_at=at)
        n.record(NarasumberRegisteredV1(modules=n.modules, registered_at=at, **n._fields()))
        return n

    def recommend(self, reviewer: uuid.UUID, decision: str, reason: str, at: datetime) -> None:
        """Level 1 (the team): recommend approval or rejection, with the reason of the check."""
        self._require_decision(decision)
        if self.status == "recommended":
            raise Conflict(MSG_ALREADY_RECOMMENDED)
        if self.status != "submitted":
            raise Conflict(MSG_NOT_PENDING)
        self.recommendation, self.recommendation_reason = decision, _reason(reason)
        self.recommended_by, self.recommended_at = reviewer, at
        self.status, self.updated_at = "recommended", at

    def decide(self, head: uuid.UUID, decision: str, reason: str, letter_number: str, at: datetime) -> None:
        """Level 2 (the head, not the reviewer): approve or reject; the letter gets its number.
        Records NarasumberApproved or NarasumberRejected."""
        self._require_decision(decision)
        if self.status in ("approved", "rejected"):
            raise Conflict(MSG_NOT_PENDING)
        if self.status != "recommended":
            raise Conflict(MSG_NOT_RECOMMENDED)
        if head == self.recommended_by:
            raise Forbidden(MSG_SAME_PERSON)
        self.decision_reason = _reason(reason)
        self.decided_by, self.decided_at, self.letter_number = head, at, letter_number
        self.status, self.updated_at = ("approved" if decision == "approve" else "rejected"), at
        if self.status == "approved":
            self.record(NarasumberApprovedV1(modules=self.modules, letter_number=letter_number, decided_at=at,
                                             **self._fields()))
        else:
            self.record(NarasumberRejectedV1(letter_number=letter_number, decided_at=at, **self._fields()))

    def assign(self, training: TrainingSlot, module: str, day: date, by: uuid.UUID, at: datetime) -> Assignment:
        """An approved narasumber teaches a module of a training of the same organisation on a day of it;
        records NarasumberAssigned."""
        errors: dict[str, str] = {}
        module = clean_text(module, "module", "Modul", 3, 200, errors)
        if errors:
            raise InvalidInput(errors)
        if self.status != "approved":
            raise Conflict(MSG_NOT_APPROVED)
        if training.org_id != self.org_id:
            raise Forbidden("Pelatihan ini bukan milik organisasi narasumber")
        if not training.start_date <= day <= training.end_date:
            raise InvalidInput({"day": "Tanggal harus di antara tanggal mulai dan selesai pelatihan"})
        if training.closed:
            raise Conflict("Pelatihan sudah ditutup")
        if any(a.training_id == training.id and a.module == module and a.day == day for a in self.assignments):
            raise Conflict("Narasumber sudah ditugaskan untuk modul ini pada tanggal tersebut")
        a = Assignment(id=uuid.uuid4(), narasumber_id=self.id, training_id=training.id, module=module, day=day,
                       assigned_by=by, assigned_at=at, new=True)
        self.assignments.append(a)
        self.updated_at = at
        self.record(NarasumberAssignedV1(assignment_id=a.id, training_id=training.id, training_title=training.title,
                                         module=module, day=day, assigned_at=at, **self._fields()))
        return a

    def _fields(self) -> dict[str, Any]:
        return dict(narasumber_id=self.id, org_id=self.org_id, account_id=self.account_id)

    @staticmethod
    def _require_decision(decision: str) -> None:
        if decision not in DECISIONS:
            raise InvalidInput({"decision": "Pilih setujui atau tolak"})


def _reason(reason: str) -> str:
    errors: dict[str, str] = {}
    text = clean_reason(reason, errors)
    if errors:
        raise InvalidInput(errors)
    return text


@dataclass(frozen=True)
class TrainingSlot:
    """What an assignment needs to know of a training."""

    id: uuid.UUID
    org_id: uuid.UUID
    title: str
    start_date: date
    end_date: date
    closed: bool


@dataclass(eq=False)
class Assignment:
    id: uuid.UUID
    narasumber_id: uuid.UUID
    training_id: uuid.UUID
    module: str
    day: date
    assigned_by: uuid.UUID
    assigned_at: datetime
    new: bool = False  # added since loading: the repository inserts it


# -- letter numbers -----------------------------------------------------------------------------

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def letter_number(seq: int, kind: str, at: date) -> str:
    """'007/NARSUM/XII/2026' (approval or rejection of a registration), '003/PERM-NARSUM/XII/2026'
    (answer to a request): a sequence per organisation, kind and year, the month in Roman numerals."""
    return f"{seq:03d}/{kind}/{ROMAN[at.month - 1]}/{at.year}"
