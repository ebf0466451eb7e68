"""Events published by the training service (the service itself is being built; until it
exists, tests publish these on their documented topic)."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from .envelope import EventData
from .topics import TRAINING_ENROLLMENT, TRAINING_NARASUMBER


class AttendanceConfirmedV1(EventData):
    """A verified participant confirmed attendance ("Konfirmasi Pelatihan") with a blue-background photo.

    Subject/key: enrollment_id. The gallery publishes the business's products; lodging assigns a
    room when `residential` is true."""

    event_type: ClassVar[str] = "AttendanceConfirmed"
    topic: ClassVar[str] = TRAINING_ENROLLMENT
    enrollment_id: uuid.UUID = Field(description="Enrollment id; the event subject")
    org_id: uuid.UUID = Field(description="Organisation (balai/UPT) running the training")
    training_id: uuid.UUID = Field(description="Training (jadwal) id")
    training_title: str = Field(description="Judul pelatihan, with batch, e.g. 'Koperasi Modern Angkatan 2'")
    start_date: date = Field(description="First day of the training")
    end_date: date = Field(description="Last day of the training")
    mode: Literal["residential", "regional", "online"] = Field(
        description="residential at the balai / di daerah / online asynchronous class")
    residential: bool = Field(description="True when the participant stays in the balai's dorm")
    participant_id: uuid.UUID = Field(description="Participant (account) id")
    participant_name: str = Field(description="Nama lengkap")
    sex: Literal["L", "P"] = Field(description="L or P, for dorm room assignment")
    business_id: uuid.UUID = Field(description="The UKM/Koperasi the participant brings to the training")
    business_name: str = Field(description="Nama usaha")
    confirmed_at: datetime = Field(description="UTC time of the confirmation")


Mode = Literal["residential", "regional", "online"]


class _EnrollmentData(EventData):
    """Fields every enrollment event carries, so consumers need not call back."""

    topic: ClassVar[str] = TRAINING_ENROLLMENT
    enrollment_id: uuid.UUID = Field(description="Enrollment id; the event subject and Kafka key")
    org_id: uuid.UUID = Field(description="Organisation (balai/UPT) running the training")
    training_id: uuid.UUID = Field(description="Training (jadwal) id")
    training_title: str = Field(description="Judul pelatihan, with batch, e.g. 'Koperasi Modern Angkatan 2'")
    start_date: date = Field(description="First day of the training")
    end_date: date = Field(description="Last day of the training")
    mode: Mode = Field(description="residential at the balai / regional (di daerah) / online asynchronous class")
    participant_id: uuid.UUID = Field(description="Participant (account) id")
    participant_name: str = Field(description="Nama lengkap")
    business_id: uuid.UUID = Field(description="The UKM/Koperasi the participant brings to the training")
    business_name: str = Field(description="Nama usaha")


class EnrollmentSubmittedV1(_EnrollmentData):
    """A participant registered for a training ("Daftar Pelatihan"); status `submitted` (Belum diverifikasi)."""

    event_type: ClassVar[str] = "EnrollmentSubmitted"
    submitted_at: datetime = Field(description="UTC time of the submission")


class EnrollmentVerifiedV1(_EnrollmentData):
    """An admin verified the enrollment and a seat of the quota was taken (Sudah diverifikasi)."""

    event_type: ClassVar[str] = "EnrollmentVerified"
    verified_at: datetime = Field(description="UTC time of the verification")
    from_waitlist: bool = Field(description="True when a freed seat promoted it from the waiting list")
    seats_taken: int = Field(description="Seats taken of the quota after this verification")
    quota: int = Field(description="Kuota of the training")


class EnrollmentRejectedV1(_EnrollmentData):
    """An admin rejected the enrollment, with a reason shown to the participant."""

    event_type: ClassVar[str] = "EnrollmentRejected"
    reason: str = Field(description="Alasan penolakan")
    previous_status: str = Field(description="Status before rejection: submitted, waitlisted, verified or confirmed")
    rejected_at: datetime = Field(description="UTC time of the rejection")


class EnrollmentCancelledV1(_EnrollmentData):
    """Cancelled before completion, by the participant or by an admin on their behalf; a seat taken by it is
    freed (lodging frees the room)."""

    event_type: ClassVar[str] = "EnrollmentCancelled"
    previous_status: str = Field(description="Status before cancellation: submitted, waitlisted, verified or confirmed")
    residential: bool = Field(description="True when the training is residential (a dorm room may be held)")
    reason: str = Field(description="Alasan pembatalan (may be empty)")
    cancelled_at: datetime = Field(description="UTC time of the cancellation")
    cancelled_by: Literal["participant", "admin"] = Field(
        default="participant", description="Who cancelled: the participant, or an admin on the participant's behalf")


class SyllabusItem(BaseModel):
    """One module of a training and its hours, for the certificate's "Materi Pelatihan" page."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    title: str = Field(description="Judul materi/modul")
    hours: int = Field(description="Jam pelajaran (JP) of the module")


class TrainingCompletedV1(_EnrollmentData):
    """The participant passed the training ("Lulus"); certificate issues one certificate, survey invites.

    Emitted once per passing enrollment when the admin closes the training, or when an online
    class's last module and quiz are done."""

    event_type: ClassVar[str] = "TrainingCompleted"
    batch: int = Field(description="Angkatan (batch number)")
    kind: str = Field(description="Jenis pelatihan, e.g. Reguler")
    level: str = Field(description="Tingkat, e.g. Dasar")
    hours: int = Field(description="Jumlah jam pelajaran (JP)")
    venue: str = Field(description="Tempat pelaksanaan (empty for online classes)")
    sex: Literal["L", "P"] = Field(description="L or P")
    attendance_percent: int | None = Field(description="Kehadiran in percent (null for online classes)")
    score: int | None = Field(description="Nilai evaluasi 0-100 (null when the training has no evaluation)")
    completed_at: datetime = Field(description="UTC time of completion")
    syllabus: list[SyllabusItem] = Field(
        default_factory=list, description="Materi pelatihan in order with their JP (the training's hours shared "
                                          "over its modules); empty when the training has no modules. Added in "
                                          "a backward-compatible way: consumers ignore it or read it when present")


class _NarasumberData(EventData):
    """Fields every narasumber (trainer) event carries. No name, contact data or documents (personal
    data stays in training): a consumer that needs more asks training."""

    topic: ClassVar[str] = TRAINING_NARASUMBER
    narasumber_id: uuid.UUID = Field(description="Narasumber application/profile id; the event subject and Kafka key")
    org_id: uuid.UUID = Field(description="Organisation (balai/UPT) the narasumber registered with")
    account_id: uuid.UUID = Field(description="The applicant's account id (identity)")


class NarasumberRegisteredV1(_NarasumberData):
    """A person registered as narasumber ("Pendaftaran Narasumber"); the organisation's admins review it."""

    event_type: ClassVar[str] = "NarasumberRegistered"
    modules: list[str] = Field(description="Standard modules of the training catalogue the person can teach")
    registered_at: datetime = Field(description="UTC time of the registration")


class NarasumberApprovedV1(_NarasumberData):
    """The head (a second admin, not the reviewer) approved the registration; a letter was numbered."""

    event_type: ClassVar[str] = "NarasumberApproved"
    modules: list[str] = Field(description="Standard modules the narasumber may teach")
    letter_number: str = Field(description="Nomor surat persetujuan")
    decided_at: datetime = Field(description="UTC time of the decision")


class NarasumberRejectedV1(_NarasumberData):
    """The head rejected the registration; the reason is in the rejection letter, not in the event."""

    event_type: ClassVar[str] = "NarasumberRejected"
    letter_number: str = Field(description="Nomor surat penolakan")
    decided_at: datetime = Field(description="UTC time of the decision")


class NarasumberAssignedV1(_NarasumberData):
    """An approved narasumber was assigned to teach a module of a training ("Jadwal Mengajar")."""

    event_type: ClassVar[str] = "NarasumberAssigned"
    assignment_id: uuid.UUID = Field(description="Assignment id")
    training_id: uuid.UUID = Field(description="Training (jadwal) id")
    training_title: str = Field(description="Judul pelatihan, with batch")
    module: str = Field(description="Materi/modul the narasumber teaches")
    day: date = Field(description="Day of the session (within the training's dates)")
    assigned_at: datetime = Field(description="UTC time of the assignment")
