"""Enrollment lifecycle and registration window: statuses, labels, allowed transitions. Pure."""
from __future__ import annotations

from datetime import datetime

SUBMITTED, WAITLISTED, VERIFIED, REJECTED = "submitted", "waitlisted", "verified", "rejected"
CONFIRMED, COMPLETED, NOT_COMPLETED, CANCELLED = "confirmed", "completed", "not_completed", "cancelled"

LABELS = {
    SUBMITTED: "Belum diverifikasi", WAITLISTED: "Daftar tunggu", VERIFIED: "Sudah diverifikasi",
    REJECTED: "Ditolak", CONFIRMED: "Sudah konfirmasi", COMPLETED: "Lulus",
    NOT_COMPLETED: "Tidak lulus", CANCELLED: "Dibatalkan",
}
ACTIVE = (SUBMITTED, WAITLISTED, VERIFIED, CONFIRMED, COMPLETED, NOT_COMPLETED)
PENDING = (SUBMITTED, WAITLISTED)  # waiting for the admin's decision
HOLDS_SEAT = (VERIFIED, CONFIRMED, COMPLETED, NOT_COMPLETED)

# action -> statuses it may start from
TRANSITIONS = {
    "verify": (SUBMITTED, WAITLISTED),
    "reject": (SUBMITTED, WAITLISTED, VERIFIED, CONFIRMED),
    "cancel": (SUBMITTED, WAITLISTED, VERIFIED, CONFIRMED),
    "confirm": (VERIFIED,),
    "complete": (CONFIRMED,),
    "attend": (VERIFIED, CONFIRMED),
}
NOT_ALLOWED = {
    "verify": "Pendaftaran ini tidak dapat diverifikasi (status: {label})",
    "reject": "Pendaftaran ini tidak dapat ditolak (status: {label})",
    "cancel": "Pendaftaran ini tidak dapat dibatalkan (status: {label})",
    "confirm": "Konfirmasi hanya untuk pendaftaran yang sudah diverifikasi (status: {label})",
    "complete": "Peserta belum konfirmasi kehadiran (status: {label})",
    "attend": "Presensi hanya untuk peserta terverifikasi (status: {label})",
}


class TransitionError(ValueError):
    def __init__(self, action: str, status: str) -> None:
        self.message = NOT_ALLOWED[action].format(label=LABELS.get(status, status))
        super().__init__(self.message)


def can(action: str, status: str, mode: str = "residential") -> bool:
    if action == "complete" and mode == "online":
        return status in (VERIFIED, CONFIRMED)  # an online class needs no attendance confirmation
    return status in TRANSITIONS[action]


def require(action: str, status: str, mode: str = "residential") -> None:
    if not can(action, status, mode):
        raise TransitionError(action, status)


def frees_seat(status: str) -> bool:
    """Leaving this status (by cancel/reject) gives a seat back to the quota."""
    return status in (VERIFIED, CONFIRMED)


def participant_actions(status: str, mode: str, has_testimonial: bool = False) -> list[str]:
    """What the participant may do next ("Aksi" in Riwayat Pelatihan)."""
    actions = []
    if status == VERIFIED and mode != "online":
        actions.append("confirm")
    if mode == "online" and status in (VERIFIED, CONFIRMED, COMPLETED):
        actions.append("open_class")
    if status in (CONFIRMED, COMPLETED) or (mode == "online" and status == VERIFIED):
        actions.append("edit_testimonial" if has_testimonial else "testimonial")
    if can("cancel", status):
        actions.append("cancel")
    return actions


REG_NOT_OPEN, REG_OPEN, REG_FULL, REG_CLOSED = "belum_dibuka", "daftar", "penuh", "ditutup"
REG_LABELS = {
    REG_NOT_OPEN: "Belum dibuka", REG_OPEN: "Daftar", REG_FULL: "Penuh",
    REG_CLOSED: "Pendaftaran tidak bisa dilakukan, sudah melewati batas waktu pendaftaran",
}


def registration_status(now: datetime, opens_at: datetime, closes_at: datetime, seats_taken: int,
                        quota: int, closed: bool = False) -> str:
    """The "Status" column of Jadwal Pelatihan; the deadline wins over the quota."""
    if closed or now > closes_at:
        return REG_CLOSED
    if now < opens_at:
        return REG_NOT_OPEN
    if seats_taken >= quota:
        return REG_FULL
    return REG_OPEN
