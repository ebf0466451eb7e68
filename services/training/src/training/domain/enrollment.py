"""The Enrollment aggregate: one participant's registration for one training, and its lifecycle.

Each method checks its transition (rules and Bahasa messages of `lifecycle`), sets status and
timestamps and records the contract event it causes; the unit of work writes the recorded events
to the outbox in the transaction that saves the new state.

Concurrency rules that must hold under races live in the database, not here:
- a seat is taken only by `UPDATE trainings SET seats_taken = seats_taken + 1 WHERE id = :id AND
  seats_taken < quota RETURNING ...` (the resulting `Seat` is passed to `verify`/`promote`), and
  freed by the matching `seats_taken - 1 ... AND seats_taken > 0`;
- `CHECK (seats_taken <= quota)` and `CHECK (seats_taken >= 0)` on trainings are the backstop;
- the waiting list is read oldest first `FOR UPDATE SKIP LOCKED`: a row another transaction is
  cancelling or verifying is left to it;
- a change loads the row `FOR UPDATE OF enrollments` first, and the partial unique index
  `uq_enrollments_active` allows one active enrollment per participant and training.
"""
from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from balai_contracts.training import (
    AttendanceConfirmedV1,
    EnrollmentCancelledV1,
    EnrollmentRejectedV1,
    EnrollmentSubmittedV1,
    EnrollmentVerifiedV1,
    SyllabusItem,
    TrainingCompletedV1,
)
from balai_platform.aggregate import Aggregate

from . import lifecycle as lc
from .attendance import passed
from .enrollment_facts import BusinessCopy, EnrollmentRefused, ParticipantCopy, Seat, StoredFile, TrainingFacts

CLOSED = "Pelatihan sudah ditutup"
NOT_YOURS = "Anda tidak berhak mengubah pendaftaran ini"
NOT_SYNCED = "Data Anda sedang diproses, coba lagi sebentar"
NO_EVALUATION = "Pelatihan ini tidak memiliki evaluasi"
CANCEL_REASON_REQUIRED = "Alasan pembatalan wajib diisi"
SCORE_NOT_NOW = "Nilai hanya dapat diisi untuk peserta aktif sebelum pelatihan ditutup"
ATTENDING = (lc.VERIFIED, lc.CONFIRMED)


@dataclass(eq=False)
class Enrollment(Aggregate):
    id: uuid.UUID
    participant_id: uuid.UUID
    business_id: uuid.UUID
    training: TrainingFacts
    participant: ParticipantCopy | None
    business: BusinessCopy | None
    status: str = lc.SUBMITTED
    submitted_at: datetime | None = None
    updated_at: datetime | None = None
    verified_at: datetime | None = None
    verified_by: uuid.UUID | None = None
    waitlisted_at: datetime | None = None
    rejected_at: datetime | None = None
    rejection_reason: str | None = None
    confirmed_at: datetime | None = None
    cancelled_at: datetime | None = None
    cancel_reason: str | None = None
    completed_at: datetime | None = None
    attendance_percent: int | None = None
    score: int | None = None
    ticks: list[int] = field(default_factory=list)
    eligibility: list[dict] = field(default_factory=list)
    new_files: list[StoredFile] = field(default_factory=list)  # written by the repository on add/save

    @classmethod
    def submit(cls, *, id: uuid.UUID, participant_id: uuid.UUID, business_id: uuid.UUID,
               training: TrainingFacts, participant: ParticipantCopy, business: BusinessCopy, ticks: list[int],
               eligibility: list[dict], at: datetime, product_photos: Sequence[StoredFile] = ()) -> Enrollment:
        """Daftar Pelatihan: a new enrollment `submitted` (eligibility is checked by the handler)."""
        e = cls(id=id, participant_id=participant_id, business_id=business_id, training=training,
                participant=participant, business=business, submitted_at=at, updated_at=at,
                ticks=sorted(set(ticks)), eligibility=eligibility, new_files=list(product_photos))
        e.record(EnrollmentSubmittedV1(**e._base(), submitted_at=at))
        return e

    # --- the admin's side -------------------------------------------------------------------
    def check_may_verify(self) -> None:
        self._require_open()
        self._require("verify")

    def verify(self, seat: Seat, by: uuid.UUID | None, at: datetime) -> None:
        """A seat was taken for it: `verified` (EnrollmentVerified)."""
        self.check_may_verify()
        self._verified(seat, by, at, from_waitlist=False)

    def waitlist(self, at: datetime) -> None:
        """No seat left: the waiting list (no event; a promotion later verifies it)."""
        self.check_may_verify()
        if self.status != lc.WAITLISTED:
            self.status, self.waitlisted_at, self.updated_at = lc.WAITLISTED, at, at

    def promote(self, seat: Seat, at: datetime) -> None:
        """A freed seat moves it from the waiting list to `verified` (from_waitlist)."""
        if self.status != lc.WAITLISTED:
            raise lc.TransitionError("verify", self.status)
        self._verified(seat, None, at, from_waitlist=True)

    def reject(self, reason: str, at: datetime) -> bool:
        """Ditolak with a reason; True when it gave a seat back to the quota."""
        self._require_open()
        self._require("reject")
        return self._rejected(reason, at)

    def reject_at_closing(self, at: datetime) -> None:
        """Closing the training: an application still pending is rejected ("Pelatihan sudah ditutup")."""
        if self.status not in lc.PENDING:
            raise lc.TransitionError("reject", self.status)
        self._rejected(CLOSED, at)

    def cancel_for_participant(self, reason: str, at: datetime) -> bool:
        """Dibatalkan by an admin on the participant's behalf (a phone call); True when a seat was freed."""
        reason = reason.strip()[:500]
        if not reason:
            raise EnrollmentRefused(CANCEL_REASON_REQUIRED)
        self._require("cancel")
        self._require_open()
        return self._cancelled(reason, at, by="admin")

    def set_score(self, score: int, at: datetime) -> None:
        """Nilai evaluasi, while the participant attends and the training is open."""
        if not self.training.has_evaluation:
            raise EnrollmentRefused(NO_EVALUATION)
        if self.training.closed or self.status not in ATTENDING:
            raise EnrollmentRefused(SCORE_NOT_NOW)
        self.score, self.updated_at = score, at

    def conclude(self, attendance_percent: int | None, at: datetime,
                 syllabus: tuple[tuple[str, int], ...] = ()) -> bool:
        """Closing the training: `completed` when it passed, else `not_completed`; True when passed."""
        ok = (not self.training.online and lc.can("complete", self.status, self.training.mode)
              and passed(attendance_percent, self.training.min_attendance_percent,
                         has_evaluation=self.training.has_evaluation, score=self.score,
                         pass_mark=self.training.pass_mark))
        if ok:
            self.complete(attendance_percent, self.score, at, syllabus)
        else:
            self.mark_not_completed(attendance_percent, at)
        return ok

    def complete(self, attendance_percent: int | None, score: int | None, at: datetime,
                 syllabus: tuple[tuple[str, int], ...] = ()) -> None:
        """Lulus: `completed` (TrainingCompleted, exactly once: the status leaves the allowed ones);
        `syllabus` (module, JP) goes to the certificate's second page."""
        self._require("complete")
        self.status, self.completed_at, self.updated_at = lc.COMPLETED, at, at
        self.attendance_percent, self.score = attendance_percent, score
        t = self.training
        self.record(TrainingCompletedV1(
            **self._base(), batch=t.batch, kind=t.kind, level=t.level, hours=t.hours, venue=t.venue,
            sex=self._synced_participant().sex, attendance_percent=attendance_percent, score=score,
            completed_at=at, syllabus=[SyllabusItem(title=title, hours=hours) for title, hours in syllabus]))

    def mark_not_completed(self, attendance_percent: int | None, at: datetime) -> None:
        """Tidak lulus at closing (no event)."""
        if self.status not in ATTENDING:
            raise lc.TransitionError("complete", self.status)
        self.status, self.attendance_percent, self.completed_at, self.updated_at = (
            lc.NOT_COMPLETED, attendance_percent, None, at)

    # --- the participant's side -------------------------------------------------------------
    def cancel(self, by: uuid.UUID, reason: str, at: datetime) -> bool:
        """Dibatalkan by its participant before completion; True when it gave a seat back."""
        self._require_participant(by, "cancel")
        return self._cancelled(reason.strip()[:500], at, by="participant")

    def check_may_confirm(self, by: uuid.UUID) -> None:
        """Who and when, checked before the photo is even decoded."""
        self._require_participant(by, "confirm")
        self._synced_participant()
        if self.business is None:
            raise EnrollmentRefused(NOT_SYNCED, EnrollmentRefused.NOT_SYNCED)

    def confirm(self, by: uuid.UUID, photo: StoredFile, at: datetime) -> None:
        """Konfirmasi Pelatihan with the (already checked) photo: `confirmed` (AttendanceConfirmed)."""
        self.check_may_confirm(by)
        self.status, self.confirmed_at, self.updated_at = lc.CONFIRMED, at, at
        self.new_files.append(photo)
        self.record(AttendanceConfirmedV1(**self._base(), residential=self.training.residential,
                                          sex=self._synced_participant().sex, confirmed_at=at))

    # --- rules and payloads -----------------------------------------------------------------
    def _verified(self, seat: Seat, by: uuid.UUID | None, at: datetime, *, from_waitlist: bool) -> None:
        self.status, self.verified_at, self.verified_by, self.updated_at = lc.VERIFIED, at, by, at
        self.record(EnrollmentVerifiedV1(**self._base(), verified_at=at, from_waitlist=from_waitlist,
                                         seats_taken=seat.taken, quota=seat.quota))

    def _rejected(self, reason: str, at: datetime) -> bool:
        previous = self.status
        self.status, self.rejected_at, self.rejection_reason, self.updated_at = lc.REJECTED, at, reason, at
        self.record(EnrollmentRejectedV1(**self._base(), reason=reason, previous_status=previous, rejected_at=at))
        return lc.frees_seat(previous)

    def _cancelled(self, reason: str, at: datetime, *, by: str) -> bool:
        previous = self.status
        self.status, self.cancelled_at, self.cancel_reason, self.updated_at = lc.CANCELLED, at, reason, at
        self.record(EnrollmentCancelledV1(**self._base(), previous_status=previous, cancelled_by=by,
                                          residential=self.training.residential, reason=reason, cancelled_at=at))
        return lc.frees_seat(previous)

    def _require(self, action: str) -> None:
        lc.require(action, self.status, self.training.mode)

    def _require_open(self) -> None:
        if self.training.closed:
            raise EnrollmentRefused(CLOSED)

    def _require_participant(self, by: uuid.UUID, action: str) -> None:
        if by != self.participant_id:
            raise EnrollmentRefused(NOT_YOURS, EnrollmentRefused.FORBIDDEN)
        self._require(action)
        self._require_open()

    def _synced_participant(self) -> ParticipantCopy:
        if self.participant is None:
            raise EnrollmentRefused(NOT_SYNCED, EnrollmentRefused.NOT_SYNCED)
        return self.participant

    def _base(self) -> dict:
        t = self.training
        return dict(enrollment_id=self.id, org_id=t.org_id, training_id=t.id, training_title=t.display_title,
                    start_date=t.start_date, end_date=t.end_date, mode=t.mode,
                    participant_id=self.participant_id,
                    participant_name=self.participant.full_name if self.participant else "",
                    business_id=self.business_id, business_name=self.business.name if self.business else "")
