"""The assignment rules alone: sex, closed rooms, same business, same training, fill before opening."""
from __future__ import annotations

import uuid

from lodging.domain.assignment import Occupant, RoomSnapshot, choose_bed

T1, T2, B1, B2 = (uuid.uuid4() for _ in range(4))


def room(code: str, sex: str = "L", beds: int = 4, closed: bool = False, floor: int = 1) -> RoomSnapshot:
    return RoomSnapshot(room_id=uuid.uuid4(), code=code, floor=floor, building_name="Wisma Melati", sex=sex,
                        closed=closed, beds=[(uuid.uuid4(), chr(65 + i)) for i in range(beds)])


def occupy(r: RoomSnapshot, n: int, training=T1, business=B1) -> RoomSnapshot:
    for bed_id, _ in [b for b in r.beds if b[0] not in r.taken][:n]:
        r.taken.add(bed_id)
        r.occupants.append(Occupant(training, business))
    return r


def pick(rooms, sex="L", training=T1, business=B2, exclude=None):
    return choose_bed(rooms, sex=sex, training_id=training, business_id=business, exclude=exclude)


def test_only_rooms_of_the_guests_sex():
    women = room("M-101", "P")
    assert pick([room("K01", "L"), women], sex="P").room_code == "M-101"
    assert pick([women], sex="L") is None


def test_closed_rooms_are_skipped():
    assert pick([room("K01", closed=True), room("K02")]).room_code == "K02"
    assert pick([room("K01", closed=True)]) is None


def test_same_business_shares_a_room_where_possible():
    a = occupy(room("K01"), 1, business=B2)
    b = occupy(room("K02"), 3, business=B1)
    assert pick([b, a], business=B2).room_code == "K01"


def test_same_training_together_before_an_empty_room():
    assert pick([room("K01"), occupy(room("K02"), 1)]).room_code == "K02"


def test_fills_the_fullest_room_of_the_training_first():
    assert pick([occupy(room("K01"), 1), occupy(room("K02"), 3)]).room_code == "K02"


def test_empty_room_before_a_room_of_another_training():
    other = occupy(room("K01"), 1, training=T2)
    assert pick([other, room("K02")]).room_code == "K02"
    assert pick([other]).room_code == "K01"  # still better than no bed


def test_full_rooms_and_excluded_beds_give_the_next_choice_or_none():
    full = occupy(room("K01", beds=2), 2)
    two = room("K02", beds=2)
    first = pick([full, two])
    assert first.room_code == "K02" and first.bed_label == "A"
    second = pick([full, two], exclude={first.bed_id})
    assert second.bed_label == "B"
    assert pick([full, two], exclude={b for b, _ in two.beds}) is None
