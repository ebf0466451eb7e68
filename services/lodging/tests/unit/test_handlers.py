"""Handlers with the fake unit of work: assignment, waiting list, release, check-in, reassign."""
from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from balai_contracts.lodging import CheckedInV1, RoomAssignedV1, RoomReleasedV1, RoomWaitlistedV1
from balai_contracts.training import AttendanceConfirmedV1, EnrollmentCancelledV1
from balai_platform.consumer import EventMeta
from balai_platform.errors import Forbidden
from lodging.domain.errors import BedTaken
from lodging.service import reactions, stays

from .fakes import ORG, OTHER_ORG, FakeContext, claims

META = EventMeta(uuid.uuid4(), datetime(2026, 6, 1, tzinfo=UTC), "c", "s")
TRAINING, BIZ = uuid.uuid4(), uuid.uuid4()


def confirmed(sex="L", business=None, residential=True, **kw) -> AttendanceConfirmedV1:
    return AttendanceConfirmedV1(
        enrollment_id=kw.get("enrollment_id", uuid.uuid4()), org_id=ORG, training_id=TRAINING,
        training_title="Koperasi Modern", start_date=date(2026, 6, 1), end_date=date(2026, 6, 4), mode="residential",
        residential=residential, participant_id=kw.get("participant_id", uuid.uuid4()), participant_name="Budi S",
        sex=sex, business_id=business or uuid.uuid4(), business_name="Usaha", confirmed_at=datetime(2026, 5, 1, tzinfo=UTC))


def cancelled(e: AttendanceConfirmedV1) -> EnrollmentCancelledV1:
    fields = ("enrollment_id", "org_id", "training_id", "training_title", "start_date", "end_date", "mode",
              "participant_id", "participant_name", "business_id", "business_name")
    return EnrollmentCancelledV1(**{k: getattr(e, k) for k in fields}, previous_status="confirmed", residential=True,
                                 reason="", cancelled_at=datetime(2026, 5, 2, tzinfo=UTC))


@pytest.fixture
def ctx() -> FakeContext:
    c = FakeContext()
    c.add_room("K01", beds=2)
    return c


async def confirm(ctx, e):
    await reactions.on_attendance_confirmed(ctx, None, e, META)
    return next(s for s in ctx.shared["stays"].values() if s.guest.enrollment_id == e.enrollment_id)


async def test_a_residential_guest_gets_a_bed_then_others_wait(ctx):
    a = await confirm(ctx, confirmed())
    await confirm(ctx, confirmed())
    c = await confirm(ctx, confirmed())
    assert a.status == "assigned" and a.bed.room_code == "K01"
    assert c.status == "waiting"
    kinds = [type(e) for e in ctx.unit.events]
    assert kinds == [RoomAssignedV1, RoomAssignedV1, RoomWaitlistedV1]


async def test_no_room_of_the_guests_sex_means_waiting(ctx):
    assert (await confirm(ctx, confirmed(sex="P"))).status == "waiting"


async def test_non_residential_and_duplicates_change_nothing(ctx):
    await reactions.on_attendance_confirmed(ctx, None, confirmed(residential=False), META)
    e = confirmed()
    await confirm(ctx, e)
    await confirm(ctx, e)
    assert len(ctx.shared["stays"]) == 1 and len(ctx.unit.events) == 1


async def test_cancellation_frees_the_bed_for_the_oldest_waiting(ctx):
    first = confirmed()
    await confirm(ctx, first)
    await confirm(ctx, confirmed())
    ctx.clock.source.advance(minutes=1)
    oldest = await confirm(ctx, confirmed())
    ctx.clock.source.advance(minutes=1)
    await confirm(ctx, confirmed())
    await reactions.on_enrollment_cancelled(ctx, None, cancelled(first), META)
    assert ctx.shared["stays"][oldest.id].status == "assigned"
    assert isinstance(ctx.unit.events[-2], RoomReleasedV1) and isinstance(ctx.unit.events[-1], RoomAssignedV1)


async def test_participant_checks_in_only_their_own_stay(ctx):
    owner = uuid.uuid4()
    stay = await confirm(ctx, confirmed(participant_id=owner))
    with pytest.raises(Forbidden):
        await stays.check_in(ctx, claims(), stay.id)
    with pytest.raises(Forbidden):
        await stays.check_in(ctx, claims("admin", ORG), stay.id)
    await stays.check_in(ctx, claims(sub=owner), stay.id)  # the clock is on 2026-06-01 WIB, the first night
    assert isinstance(ctx.unit.events[-1], CheckedInV1)


async def test_reassign_to_a_taken_bed_is_refused_and_other_org_admins_cannot(ctx):
    a = await confirm(ctx, confirmed())
    b = await confirm(ctx, confirmed())
    with pytest.raises(BedTaken):
        await stays.reassign(ctx, claims("admin", ORG), b.id, a.bed.bed_id)
    with pytest.raises(Forbidden):
        await stays.reassign(ctx, claims("admin", OTHER_ORG), b.id, a.bed.bed_id)
    new_room = ctx.add_room("K02", beds=1)
    moved = await stays.reassign(ctx, claims("admin", ORG), b.id, new_room["beds"][0][0])
    assert moved.bed.room_code == "K02" and ctx.unit.events[-1].reassigned


async def test_serving_the_waiting_list_places_whoever_fits_oldest_first(ctx):
    from lodging.service.placing import serve_waiting_list

    for _ in range(2):
        await confirm(ctx, confirmed())
    man = await confirm(ctx, confirmed())
    ctx.clock.source.advance(minutes=1)
    woman = await confirm(ctx, confirmed(sex="P"))
    assert man.status == woman.status == "waiting"
    ctx.add_room("M-101", sex="P", beds=1)
    async with ctx.uow() as uow:
        assert await serve_waiting_list(uow, ORG, ctx.clock.now()) == 1
        await uow.commit()
    assert ctx.shared["stays"][woman.id].bed.room_code == "M-101"
    assert ctx.shared["stays"][man.id].status == "waiting"
