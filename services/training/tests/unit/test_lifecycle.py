"""Enrollment state machine and the schedule's registration status."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from training.domain import lifecycle as lc

ALL = list(lc.LABELS)


@pytest.mark.parametrize("action,allowed", [
    ("verify", {lc.SUBMITTED, lc.WAITLISTED}),
    ("reject", {lc.SUBMITTED, lc.WAITLISTED, lc.VERIFIED, lc.CONFIRMED}),
    ("cancel", {lc.SUBMITTED, lc.WAITLISTED, lc.VERIFIED, lc.CONFIRMED}),
    ("confirm", {lc.VERIFIED}),
    ("complete", {lc.CONFIRMED}),
])
def test_transitions(action, allowed):
    for status in ALL:
        assert lc.can(action, status) is (status in allowed), (action, status)


def test_online_completes_without_confirmation():
    assert lc.can("complete", lc.VERIFIED, "online")
    assert not lc.can("complete", lc.VERIFIED, "residential")
    assert not lc.can("complete", lc.SUBMITTED, "online")


def test_terminal_states_cannot_be_cancelled():
    for status in (lc.COMPLETED, lc.NOT_COMPLETED, lc.CANCELLED, lc.REJECTED):
        with pytest.raises(lc.TransitionError) as exc:
            lc.require("cancel", status)
        assert lc.LABELS[status] in exc.value.message


def test_only_seat_holders_free_a_seat():
    assert {s for s in ALL if lc.frees_seat(s)} == {lc.VERIFIED, lc.CONFIRMED}


def test_labels_match_the_guide():
    assert lc.LABELS[lc.SUBMITTED] == "Belum diverifikasi"
    assert lc.LABELS[lc.VERIFIED] == "Sudah diverifikasi"


def test_participant_actions():
    assert lc.participant_actions(lc.SUBMITTED, "residential") == ["cancel"]
    assert lc.participant_actions(lc.VERIFIED, "residential") == ["confirm", "cancel"]
    assert lc.participant_actions(lc.CONFIRMED, "residential") == ["testimonial", "cancel"]
    assert lc.participant_actions(lc.COMPLETED, "regional", True) == ["edit_testimonial"]
    assert "open_class" in lc.participant_actions(lc.VERIFIED, "online")
    assert lc.participant_actions(lc.REJECTED, "online") == []


NOW = datetime(2026, 7, 1, 12, tzinfo=UTC)
H = timedelta(hours=1)


@pytest.mark.parametrize("opens,closes,taken,quota,closed,expected", [
    (NOW - H, NOW + H, 0, 10, False, lc.REG_OPEN),
    (NOW - H, NOW + H, 9, 10, False, lc.REG_OPEN),
    (NOW - H, NOW + H, 10, 10, False, lc.REG_FULL),
    (NOW + H, NOW + 2 * H, 0, 10, False, lc.REG_NOT_OPEN),
    (NOW - 2 * H, NOW - H, 0, 10, False, lc.REG_CLOSED),
    (NOW - 2 * H, NOW - H, 10, 10, False, lc.REG_CLOSED),
    (NOW - H, NOW + H, 0, 10, True, lc.REG_CLOSED),
    (NOW, NOW, 0, 10, False, lc.REG_OPEN),  # both ends inclusive
])
def test_registration_status(opens, closes, taken, quota, closed, expected):
    assert lc.registration_status(NOW, opens, closes, taken, quota, closed) == expected


def test_closed_label_is_the_guides():
    assert lc.REG_LABELS[lc.REG_CLOSED] == ("Pendaftaran tidak bisa dilakukan, sudah melewati batas waktu "
                                            "pendaftaran")
