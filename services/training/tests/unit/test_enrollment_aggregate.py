"""The Enrollment aggregate: transitions, refusals in Bahasa, and the contract events it records."""
from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from balai_contracts.training import (
    AttendanceConfirmedV1,
    EnrollmentCancelledV1,
    EnrollmentRejectedV1,
    EnrollmentSubmittedV1,
    EnrollmentVerifiedV1,
    TrainingCompletedV1,
)
from services.training.tests.unit.fakes import enrollment, facts
from training.domain import lifecycle as lc
from training.domain.enrollment import Enrollment
from training.domain.enrollment_facts import BusinessCopy, EnrollmentRefused, ParticipantCopy, Seat, StoredFile

AT = datetime(2026, 6, 2, 3, 0, tzinfo=UTC)
PHOTO = StoredFile("confirmation", 1, b"png", "image/png")


def test_submit_records_the_submission_with_names_and_title():
    t = facts()
    e = Enrollment.submit(id=uuid.uuid4(), participant_id=uuid.uuid4(), business_id=uuid.uuid4(), training=t,
                          participant=ParticipantCopy("Siti", "P"), business=BusinessCopy("Roti Enak"),
                          ticks=[1, 0, 1], eligibility=[], at=AT, product_photos=[PHOTO])
    assert (e.status, e.submitted_at, e.ticks, len(e.new_files)) == (lc.SUBMITTED, AT, [0, 1], 1)
    [event] = e.pending_events
    assert isinstance(event, EnrollmentSubmittedV1)
    assert event.training_title == "Koperasi Modern Angkatan 2" and event.participant_name == "Siti"
    assert event.business_name == "Roti Enak" and event.submitted_at == AT and event.org_id == t.org_id
    assert e.pull_events()[0][0] == str(e.id)  # the subject / Kafka key is the enrollment id


def test_verify_takes_the_given_seat():
    e = enrollment(facts())
    by = uuid.uuid4()
    e.verify(Seat(3, 10), by, AT)
    assert (e.status, e.verified_at, e.verified_by, e.updated_at) == (lc.VERIFIED, AT, by, AT)
    [event] = e.pending_events
    assert isinstance(event, EnrollmentVerifiedV1)
    assert (event.seats_taken, event.quota, event.from_waitlist, event.verified_at) == (3, 10, False, AT)


def test_waitlist_once_and_promote_from_it():
    e = enrollment(facts())
    e.waitlist(AT)
    assert (e.status, e.waitlisted_at) == (lc.WAITLISTED, AT)
    e.waitlist(datetime(2026, 6, 3, tzinfo=UTC))
    assert e.waitlisted_at == AT and e.pending_events == []  # waiting is no event and keeps its first time
    e.promote(Seat(10, 10), AT)
    assert (e.status, e.verified_by) == (lc.VERIFIED, None)
    assert e.pending_events[0].from_waitlist is True


def test_promote_only_from_the_waiting_list():
    with pytest.raises(lc.TransitionError):
        enrollment(facts(), lc.SUBMITTED).promote(Seat(1, 1), AT)


@pytest.mark.parametrize("status", [lc.VERIFIED, lc.REJECTED, lc.CONFIRMED, lc.CANCELLED, lc.COMPLETED])
def test_verify_refused_with_the_status_in_words(status):
    e = enrollment(facts(), status)
    with pytest.raises(lc.TransitionError) as exc:
        e.verify(Seat(1, 10), uuid.uuid4(), AT)
    assert exc.value.message == f"Pendaftaran ini tidak dapat diverifikasi (status: {lc.LABELS[status]})"
    assert e.status == status and e.pending_events == []


def test_closed_training_refuses_verify_and_reject():
    e = enrollment(facts(closed=True))
    for change in (lambda: e.verify(Seat(1, 2), None, AT), lambda: e.waitlist(AT), lambda: e.reject("x", AT)):
        with pytest.raises(EnrollmentRefused, match="Pelatihan sudah ditutup"):
            change()


@pytest.mark.parametrize("status,frees", [(lc.SUBMITTED, False), (lc.WAITLISTED, False), (lc.VERIFIED, True),
                                          (lc.CONFIRMED, True)])
def test_reject_says_whether_a_seat_was_freed(status, frees):
    e = enrollment(facts(), status)
    assert e.reject("Berkas tidak lengkap", AT) is frees
    assert (e.status, e.rejection_reason, e.rejected_at) == (lc.REJECTED, "Berkas tidak lengkap", AT)
    [event] = e.pending_events
    assert isinstance(event, EnrollmentRejectedV1) and event.previous_status == status


def test_cancel_by_its_participant_only():
    e = enrollment(facts(mode="residential"), lc.VERIFIED)
    with pytest.raises(EnrollmentRefused) as exc:
        e.cancel(uuid.uuid4(), "", AT)
    assert exc.value.kind == EnrollmentRefused.FORBIDDEN
    assert exc.value.message == "Anda tidak berhak mengubah pendaftaran ini"
    assert e.cancel(e.participant_id, "  sakit " + "x" * 600, AT) is True
    assert e.status == lc.CANCELLED and e.cancel_reason.startswith("sakit") and len(e.cancel_reason) == 500
    [event] = e.pending_events
    assert isinstance(event, EnrollmentCancelledV1)
    assert (event.previous_status, event.residential, event.cancelled_at) == (lc.VERIFIED, True, AT)


def test_completed_cannot_be_cancelled():
    e = enrollment(facts(), lc.COMPLETED)
    with pytest.raises(lc.TransitionError, match=r"tidak dapat dibatalkan \(status: Lulus\)"):
        e.cancel(e.participant_id, "", AT)


def test_confirm_records_attendance_with_sex_and_keeps_the_photo():
    e = enrollment(facts(mode="residential"), lc.VERIFIED)
    e.confirm(e.participant_id, PHOTO, AT)
    assert (e.status, e.confirmed_at, e.new_files) == (lc.CONFIRMED, AT, [PHOTO])
    [event] = e.pending_events
    assert isinstance(event, AttendanceConfirmedV1)
    assert (event.sex, event.residential, event.confirmed_at) == ("P", True, AT)


def test_confirm_refusals():
    e = enrollment(facts(), lc.SUBMITTED)
    with pytest.raises(lc.TransitionError, match="Konfirmasi hanya untuk pendaftaran yang sudah diverifikasi"):
        e.check_may_confirm(e.participant_id)
    unsynced = enrollment(facts(), lc.VERIFIED, business=None)
    with pytest.raises(EnrollmentRefused) as exc:
        unsynced.check_may_confirm(unsynced.participant_id)
    assert exc.value.kind == EnrollmentRefused.NOT_SYNCED


def test_set_score_rules():
    with pytest.raises(EnrollmentRefused, match="tidak memiliki evaluasi"):
        enrollment(facts(), lc.VERIFIED).set_score(80, AT)
    with pytest.raises(EnrollmentRefused, match="Nilai hanya dapat diisi"):
        enrollment(facts(has_evaluation=True), lc.SUBMITTED).set_score(80, AT)
    e = enrollment(facts(has_evaluation=True), lc.CONFIRMED)
    e.set_score(80, AT)
    assert e.score == 80 and e.pending_events == []


def test_conclude_passes_on_attendance_and_score():
    t = facts(has_evaluation=True, pass_mark=70, min_attendance_percent=80)
    ok = enrollment(t, lc.CONFIRMED, score=75)
    assert ok.conclude(100, AT) is True
    [event] = ok.pending_events
    assert isinstance(event, TrainingCompletedV1)
    assert (event.attendance_percent, event.score, event.batch, event.hours, event.sex) == (100, 75, 2, 30, "P")
    low_score = enrollment(t, lc.CONFIRMED, score=60)
    absent = enrollment(t, lc.CONFIRMED, score=90)
    not_confirmed = enrollment(t, lc.VERIFIED, score=90)
    for e, pct in ((low_score, 100), (absent, 66), (not_confirmed, 100)):
        assert e.conclude(pct, AT) is False
        assert (e.status, e.attendance_percent, e.completed_at, e.pending_events) == (lc.NOT_COMPLETED, pct, None, [])


def test_online_class_completes_from_verified_once():
    e = enrollment(facts(mode="online", venue=""), lc.VERIFIED)
    e.complete(None, 90, AT)
    assert (e.status, e.score, e.attendance_percent) == (lc.COMPLETED, 90, None)
    with pytest.raises(lc.TransitionError):
        e.complete(None, 90, AT)
    assert len(e.pending_events) == 1


def test_residential_completion_needs_confirmation():
    with pytest.raises(lc.TransitionError, match="Peserta belum konfirmasi kehadiran"):
        enrollment(facts(), lc.VERIFIED).complete(100, None, AT)


def test_event_names_fall_back_to_empty_when_a_copy_is_missing():
    e = enrollment(facts(), participant=None, business=None)
    e.reject("x", AT)
    assert (e.pending_events[0].participant_name, e.pending_events[0].business_name) == ("", "")
