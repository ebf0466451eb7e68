"""request_join / approve / remove with a fake unit of work: posts, audit, BusinessUpdated, refusals."""
from __future__ import annotations

import uuid

import pytest

from balai_contracts.ukm import BusinessUpdatedV1
from services.ukm.tests.unit.fakes import FakeContext, claims, registered, seed
from ukm.service import members
from ukm.service.errors import Conflict, Forbidden, InvalidInput, NotFound


@pytest.fixture
def ctx() -> FakeContext:
    return FakeContext()


@pytest.fixture
def owner() -> object:
    return claims()


@pytest.fixture
def business(ctx, owner):
    b = registered(owner)
    seed(ctx, b)
    return b


async def test_join_is_a_pending_request_without_event(ctx, business):
    joiner = claims()
    out = await members.request_join(ctx, joiner, business.id, "bendahara")
    assert out == dict(business_id=str(business.id), participant_id=joiner.sub, position="bendahara",
                       status="pending")
    stored = ctx.unit.businesses.rows[business.id]
    assert stored.member(uuid.UUID(joiner.sub)).status == "pending"
    assert ctx.unit.events == [] and ctx.unit.businesses.audit == [(business.id, "member_requested")]


async def test_join_twice_conflicts(ctx, business, owner):
    joiner = claims()
    await members.request_join(ctx, joiner, business.id, "anggota")
    with pytest.raises(Conflict):
        await members.request_join(ctx, joiner, business.id, "anggota")
    with pytest.raises(Conflict):
        await members.request_join(ctx, owner, business.id, "anggota")


async def test_join_checks_role_and_position_before_the_business(ctx):
    with pytest.raises(Forbidden):
        await members.request_join(ctx, claims("admin"), uuid.uuid4(), "anggota")
    with pytest.raises(InvalidInput):
        await members.request_join(ctx, claims(), uuid.uuid4(), "raja")
    with pytest.raises(NotFound):
        await members.request_join(ctx, claims(), uuid.uuid4(), "anggota")


async def test_approve_activates_and_emits_members_in_join_order(ctx, business, owner):
    joiner = claims()
    await members.request_join(ctx, joiner, business.id, "sekretaris")
    out = await members.approve(ctx, owner, business.id, uuid.UUID(joiner.sub))
    assert out["status"] == "active" and out["position"] == "sekretaris"
    [event] = ctx.unit.events
    assert isinstance(event, BusinessUpdatedV1)
    assert [m.participant_id for m in event.members] == [uuid.UUID(owner.sub), uuid.UUID(joiner.sub)]
    assert ctx.unit.businesses.audit[-1] == (business.id, "member_approved")


async def test_only_managers_approve_and_only_pending_requests(ctx, business, owner):
    joiner = claims()
    await members.request_join(ctx, joiner, business.id, "anggota")
    with pytest.raises(Forbidden):  # a pending member cannot approve himself
        await members.approve(ctx, joiner, business.id, uuid.UUID(joiner.sub))
    with pytest.raises(NotFound):
        await members.approve(ctx, owner, business.id, uuid.UUID(owner.sub))
    await members.approve(ctx, claims("admin"), business.id, uuid.UUID(joiner.sub))
    assert len(ctx.unit.events) == 1


async def test_leaving_removing_and_the_last_member(ctx, business, owner):
    joiner, stranger = claims(), claims()
    await members.request_join(ctx, joiner, business.id, "anggota")
    with pytest.raises(Forbidden):
        await members.remove(ctx, stranger, business.id, uuid.UUID(joiner.sub))
    await members.remove(ctx, joiner, business.id, uuid.UUID(joiner.sub))  # withdrawing a request
    assert ctx.unit.events == []  # a pending member was never public
    with pytest.raises(NotFound):
        await members.remove(ctx, owner, business.id, uuid.UUID(joiner.sub))
    with pytest.raises(Conflict):
        await members.remove(ctx, owner, business.id, uuid.UUID(owner.sub))
    await members.request_join(ctx, joiner, business.id, "anggota")
    await members.approve(ctx, owner, business.id, uuid.UUID(joiner.sub))
    await members.remove(ctx, joiner, business.id, uuid.UUID(owner.sub))  # an active member removes another
    last = ctx.unit.events[-1]
    assert [m.participant_id for m in last.members] == [uuid.UUID(joiner.sub)]
    assert ctx.unit.businesses.audit[-1] == (business.id, "member_removed")
