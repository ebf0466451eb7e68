"""The Stay aggregate: its state machine and the events it records."""
from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from balai_contracts.lodging import CheckedInV1, CheckedOutV1, RoomAssignedV1, RoomReleasedV1, RoomWaitlistedV1
from balai_platform.errors import Conflict, Forbidden, InvalidInput
from lodging.domain.stay import Bed, Guest, Stay, nights_of

AT = datetime(2026, 6, 1, 2, 0, tzinfo=UTC)


def guest(**kw) -> Guest:
    base = dict(enrollment_id=uuid.uuid4(), org_id=uuid.uuid4(), training_id=uuid.uuid4(), training_title="Koperasi",
                participant_id=uuid.uuid4(), participant_name="Budi Santoso", sex="L", business_id=uuid.uuid4(),
                first_night=date(2026, 6, 10), last_night=date(2026, 6, 13))
    return Guest(**{**base, **kw})


def bed(code="K01") -> Bed:
    return Bed(bed_id=uuid.uuid4(), bed_label="A", room_id=uuid.uuid4(), room_code=code, floor=1,
               building_name="Wisma Melati")


def test_nights_from_first_to_last_day_or_the_evening_before():
    assert nights_of(date(2026, 6, 10), date(2026, 6, 13), arrive_evening_before=False) == (date(2026, 6, 10), date(2026, 6, 13))
    assert nights_of(date(2026, 6, 10), date(2026, 6, 13), arrive_evening_before=True)[0] == date(2026, 6, 9)


def test_assign_holds_all_nights_and_records_room_assigned():
    stay = Stay.start(guest(), AT)
    stay.assign(bed(), AT)
    assert stay.status == "assigned" and stay.held == (date(2026, 6, 10), date(2026, 6, 14))
    [event] = stay.pending_events
    assert isinstance(event, RoomAssignedV1) and not event.reassigned and event.room_code == "K01"


def test_reassign_is_marked_and_revert_drops_the_event():
    stay = Stay.start(guest(), AT)
    first = bed()
    stay.assign(first, AT)
    stay.pull_events()
    stay.assign(bed("K02"), AT)
    assert stay.pending_events[0].reassigned
    stay.revert_assign()
    assert stay.bed == first and stay.pending_events == []


def test_wait_and_release():
    stay = Stay.start(guest(), AT)
    stay.wait(AT)
    assert isinstance(stay.pending_events[0], RoomWaitlistedV1)
    assert stay.release("cancelled", AT)
    assert stay.status == "released" and stay.bed is None and isinstance(stay.pending_events[1], RoomReleasedV1)
    assert not stay.release("cancelled", AT)


def test_participant_checks_in_only_during_the_nights():
    stay = Stay.start(guest(), AT)
    stay.assign(bed(), AT)
    with pytest.raises(Conflict):
        stay.check_in(date(2026, 6, 9), AT, by_front_desk=False)
    with pytest.raises(Conflict):
        stay.check_in(date(2026, 6, 14), AT, by_front_desk=False)
    stay.check_in(date(2026, 6, 10), AT, by_front_desk=False)
    assert stay.status == "checked_in" and isinstance(stay.pending_events[-1], CheckedInV1)
    with pytest.raises(Conflict):
        stay.check_in(date(2026, 6, 10), AT, by_front_desk=False)


def test_waiting_stay_cannot_check_in():
    with pytest.raises(Conflict):
        Stay.start(guest(), AT).check_in(date(2026, 6, 10), AT, by_front_desk=True)


def test_check_out_keeps_only_the_nights_slept():
    stay = Stay.start(guest(), AT)
    stay.assign(bed(), AT)
    stay.check_in(date(2026, 6, 10), AT, by_front_desk=True)
    stay.check_out(date(2026, 6, 12), AT, by_front_desk=True)
    assert stay.held == (date(2026, 6, 10), date(2026, 6, 12))
    assert isinstance(stay.pending_events[-1], CheckedOutV1) and stay.pending_events[-1].by_front_desk


def test_only_the_owner_and_need_is_bounded():
    stay = Stay.start(guest(), AT)
    with pytest.raises(Forbidden):
        stay.ensure_owner(uuid.uuid4())
    stay.note_need("  kamar   ramah  disabilitas ")
    assert stay.need == "kamar ramah disabilitas"
    with pytest.raises(InvalidInput):
        stay.note_need("x" * 301)
