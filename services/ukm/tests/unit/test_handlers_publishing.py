"""publishing.publish (called by the AttendanceConfirmed reaction) with a fake unit of work: once per product."""
from __future__ import annotations

import uuid

import pytest

from balai_contracts.ukm import ProductShowcasedV1
from services.ukm.tests.unit.fakes import ORG, FakeContext, claims, photo, registered, seed, training
from ukm.service import products, publishing
from ukm.service.errors import NotFound


@pytest.fixture
def ctx() -> FakeContext:
    return FakeContext()


async def _business_with_products(ctx, count: int = 2):
    owner = claims()
    business = registered(owner)
    seed(ctx, business)
    for i in range(count):
        await products.create_product(ctx, owner, business.id, {"name": f"Keripik {i + 1}", "category": "Makanan"},
                                      {1: photo()})
    return owner, business


async def test_every_product_enters_once_with_one_event_each(ctx):
    _, business = await _business_with_products(ctx)
    first = training(business.id)
    assert await publishing.publish(ctx, None, business_id=business.id, training=first) == 2
    events = ctx.unit.events
    assert [type(e) for e in events] == [ProductShowcasedV1] * 2
    assert {e.product_id for e in events} == set(ctx.unit.products.rows)
    assert all(e.training_id == first["training_id"] and e.organisation_id == ORG for e in events)
    # the same business confirmed again (another training, or a redelivery past the inbox): no second entry
    assert await publishing.publish(ctx, None, business_id=business.id, training=training(business.id)) == 0
    assert len(ctx.unit.events) == 2
    entry = next(iter(ctx.unit.products.rows.values())).gallery
    assert entry.training_id == first["training_id"] and entry.showcased_at is not None


async def test_one_product_only_and_unknown_product(ctx):
    _, business = await _business_with_products(ctx)
    pid = sorted(ctx.unit.products.rows)[0]
    assert await publishing.publish(ctx, None, business_id=business.id, training=training(business.id),
                                    product_id=pid) == 1
    assert [e.product_id for e in ctx.unit.events] == [pid]
    with pytest.raises(NotFound):
        await publishing.publish(ctx, None, business_id=business.id, training=training(business.id),
                                 product_id=uuid.uuid4())


async def test_hidden_products_enter_without_event(ctx):
    owner, business = await _business_with_products(ctx)
    pid = sorted(ctx.unit.products.rows)[0]
    await products.set_hidden(ctx, owner, pid, True)
    assert await publishing.publish(ctx, None, business_id=business.id, training=training(business.id)) == 1
    assert ctx.unit.products.rows[pid].gallery.showcased_at is None
