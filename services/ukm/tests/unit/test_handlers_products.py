"""Product handlers with a fake unit of work: create (into the gallery when due), edit, hide, unpublish."""
from __future__ import annotations

import uuid

import pytest

from balai_contracts.ukm import ProductShowcasedV1, ProductWithdrawnV1
from services.ukm.tests.unit.fakes import ORG, FakeContext, claims, photo, registered, seed, training
from ukm.service import products, publishing
from ukm.service.errors import Conflict, Forbidden, InvalidInput, NotFound

FORM = {"name": "Bolu Pandan", "category": "Makanan", "price_min": "15.000", "price_max": "25.000"}


@pytest.fixture
def ctx() -> FakeContext:
    return FakeContext()


@pytest.fixture
def owner():
    return claims()


@pytest.fixture
def business(ctx, owner):
    b = registered(owner)
    seed(ctx, b)
    return b


async def _create(ctx, owner, business, **over) -> dict:
    return await products.create_product(ctx, owner, business.id, {**FORM, **over}, {1: photo(), 3: photo()})


async def test_create_outside_the_gallery_emits_nothing(ctx, owner, business):
    out = await _create(ctx, owner, business)
    stored = ctx.unit.products.rows[uuid.UUID(out["id"])]
    assert stored.price_min == 15_000 and stored.photo_count == 2  # photo 3 without a 2 takes slot 2
    assert sorted(stored.new_photos) == [1, 2]  # the slots the repository writes
    assert out["photo_urls"][1].endswith("/photos/2") and out["price_label"]
    assert ctx.unit.events == [] and stored.gallery is None


async def test_create_in_a_business_already_in_the_gallery_showcases_it(ctx, owner, business):
    ctx.unit.businesses.trainings[business.id] = [training(business.id)]
    out = await _create(ctx, owner, business)
    [(subject, event)] = ctx.unit.published
    assert isinstance(event, ProductShowcasedV1) and subject == out["id"]
    assert event.organisation_id == ORG and event.business_name == business.data["name"]
    assert event.photo_url == f"/api/ukm/products/{out['id']}/photos/1" and event.price_max == 25_000


async def test_create_refuses_strangers_and_bad_forms(ctx, owner, business):
    with pytest.raises(Forbidden):
        await _create(ctx, claims(), business)
    with pytest.raises(InvalidInput) as err:
        await products.create_product(ctx, owner, business.id, {**FORM, "price_max": "1.000"}, {})
    assert set(err.value.errors) == {"price_max", "photo_1"}
    with pytest.raises(NotFound):
        await products.create_product(ctx, owner, uuid.uuid4(), FORM, {1: photo()})
    assert ctx.unit.products.rows == {} and ctx.unit.commits == 0


async def test_update_changes_fields_and_photos(ctx, owner, business):
    created = await _create(ctx, owner, business)
    pid = uuid.UUID(created["id"])
    out = await products.update_product(ctx, owner, pid, {"description": "", "price_min": "20.000"}, {3: photo()})
    stored = ctx.unit.products.rows[pid]
    assert stored.description == "" and stored.price_min == 20_000 and stored.photo_count == 3
    assert len(out["photo_urls"]) == 3 and ctx.unit.events == []
    with pytest.raises(InvalidInput):
        await products.update_product(ctx, owner, pid, {}, {})
    with pytest.raises(InvalidInput):
        await products.update_product(ctx, owner, pid, {"price_min": "99.000"}, {})  # above price_max
    with pytest.raises(Forbidden):
        await products.update_product(ctx, claims(), pid, {"name": "Punya Orang"}, {})
    assert ctx.unit.products.rows[pid].name == "Bolu Pandan"


async def test_hidden_on_entry_is_showcased_once_when_first_shown(ctx, owner, business):
    pid = uuid.UUID((await _create(ctx, owner, business))["id"])
    await products.set_hidden(ctx, owner, pid, True)
    ctx.unit.businesses.trainings[business.id] = [training(business.id)]
    assert await publishing.publish(ctx, None, business_id=business.id,
                                    training=ctx.unit.businesses.trainings[business.id][0]) == 0
    assert ctx.unit.products.rows[pid].gallery is not None and ctx.unit.events == []
    out = await products.set_hidden(ctx, owner, pid, False)
    assert out["hidden"] is False and [type(e) for e in ctx.unit.events] == [ProductShowcasedV1]
    await products.set_hidden(ctx, owner, pid, False)  # already shown: nothing new
    assert len(ctx.unit.events) == 1
    await products.set_hidden(ctx, owner, pid, True)  # leaves the gallery, comes back: subscribers learn both
    await products.set_hidden(ctx, owner, pid, False)
    assert [type(e) for e in ctx.unit.events] == [ProductShowcasedV1, ProductWithdrawnV1, ProductShowcasedV1]
    assert ctx.unit.events[1].reason == "hidden_by_owner"
    with pytest.raises(Forbidden):  # admins unpublish; hiding is the members' own choice
        await products.set_hidden(ctx, claims("admin"), pid, True)


async def test_unpublish_needs_an_admin_of_a_balai_that_trained_the_business(ctx, owner, business):
    pid = uuid.UUID((await _create(ctx, owner, business))["id"])
    admin, other_admin = claims("admin", org=ORG), claims("admin", org=uuid.uuid4())
    with pytest.raises(Forbidden):
        await products.set_unpublished(ctx, owner, pid, "Foto tidak pantas")
    with pytest.raises(Forbidden):
        await products.set_unpublished(ctx, admin, pid, "Foto tidak pantas")  # no training of ORG yet
    with pytest.raises(Conflict):
        await products.set_unpublished(ctx, claims("superadmin"), pid, "Foto tidak pantas")  # not in gallery
    ctx.unit.businesses.trainings[business.id] = [training(business.id)]
    await products.create_product(ctx, owner, business.id, FORM, {1: photo()})  # enters the gallery
    await publishing.publish(ctx, None, business_id=business.id, training=training(business.id))
    with pytest.raises(Forbidden):
        await products.set_unpublished(ctx, other_admin, pid, "Foto tidak pantas")
    out = await products.set_unpublished(ctx, admin, pid, "Foto tidak pantas")
    stored = ctx.unit.products.rows[pid]
    assert out["unpublished"] and stored.unpublished_by == uuid.UUID(admin.sub) and not stored.visible
    assert [type(e) for e in ctx.unit.events][-2:] == [ProductShowcasedV1, ProductWithdrawnV1]
    assert ctx.unit.events[-1].reason == "unpublished_by_admin" and ctx.unit.events[-1].product_id == pid
    before = len(ctx.unit.events)
    await products.set_unpublished(ctx, admin, pid, "Alasan lain")  # already out: no second withdrawal
    assert len(ctx.unit.events) == before
    out = await products.set_unpublished(ctx, admin, pid, None)
    assert not out["unpublished"] and ctx.unit.products.rows[pid].unpublished_reason is None
    # back in the gallery: showcased afresh so subscribers show it again
    assert [type(e) for e in ctx.unit.events][before:] == [ProductShowcasedV1]
