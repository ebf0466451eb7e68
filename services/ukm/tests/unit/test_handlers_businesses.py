"""register_business / update_business with a fake unit of work: state, audit, events, refusals."""
from __future__ import annotations

import uuid

import pytest

from balai_contracts.ukm import BusinessRegisteredV1, BusinessUpdatedV1
from services.ukm.tests.support import business_form
from services.ukm.tests.unit.fakes import FakeContext, claims, photo, registered, seed
from ukm.service import businesses
from ukm.service.errors import Forbidden, InvalidInput, NotFound


@pytest.fixture
def ctx(monkeypatch) -> FakeContext:
    async def answer(ctx, claims, business_id):  # the read after the write is a plain query
        return {"id": str(business_id)}
    monkeypatch.setattr(businesses, "get_business", answer)
    return FakeContext()


async def test_register_creates_business_member_products_and_one_event(ctx):
    owner = claims()
    out = await businesses.register_business(ctx, owner, business_form(), {1: photo(), 2: photo()})
    uow = ctx.unit
    business = uow.businesses.rows[uuid.UUID(out["id"])]
    assert [m.participant_id for m in business.members] == [uuid.UUID(owner.sub)]
    assert business.data["size_class"] == "mikro" and business.data["regency_name"]
    names = sorted(p.name for p in uow.products.rows.values())
    assert len(names) == 2 and names[1] == names[0] + " 2"
    assert all(p.business_id == business.id and p.photo_count == 1 for p in uow.products.rows.values())
    assert uow.commits == 1 and uow.businesses.audit == [(business.id, "registered")]
    [(subject, event)] = uow.published
    assert isinstance(event, BusinessRegisteredV1) and subject == str(business.id)
    assert event.registered_by == uuid.UUID(owner.sub) and event.workforce_total == 2
    assert [m.participant_id for m in event.members] == [uuid.UUID(owner.sub)]


async def test_register_reports_field_and_photo_errors_together(ctx):
    with pytest.raises(InvalidInput) as err:
        await businesses.register_business(ctx, claims(), business_form(name="", position="raja"), {})
    assert {"name", "position", "photo_1"} <= set(err.value.errors)
    assert ctx.unit.commits == 0 and ctx.unit.published == []


async def test_only_participants_register(ctx):
    with pytest.raises(Forbidden):
        await businesses.register_business(ctx, claims("admin"), business_form(), {1: photo()})
    assert ctx.unit.commits == 0


async def test_update_changes_fields_audits_and_emits_current_values(ctx):
    owner = claims()
    business = registered(owner)
    seed(ctx, business)
    ctx.frozen.advance(minutes=5)  # the edit happens after the registration
    await businesses.update_business(ctx, owner, business.id, {"name": "Roti Baru Enak", "assets": "3.000.000.000",
                                                                      "turnover": "3.000.000.000"})
    stored = ctx.unit.businesses.rows[business.id]
    assert stored.data["name"] == "Roti Baru Enak" and stored.data["size_class"] == "kecil"
    assert stored.data["search_text"].startswith("roti baru enak")
    assert stored.updated_at > business.updated_at
    assert ctx.unit.businesses.audit == [(business.id, "updated")]
    [event] = ctx.unit.events
    assert isinstance(event, BusinessUpdatedV1) and event.name == "Roti Baru Enak" and event.size_class == "kecil"


async def test_update_without_change_emits_nothing(ctx):
    owner = claims()
    business = registered(owner)
    seed(ctx, business)
    await businesses.update_business(ctx, owner, business.id, {"name": business.data["name"]})
    assert ctx.unit.events == [] and ctx.unit.businesses.audit == []


async def test_admin_may_update_stranger_may_not(ctx):
    business = registered(claims())
    seed(ctx, business)
    with pytest.raises(Forbidden):
        await businesses.update_business(ctx, claims(), business.id, {"name": "Bukan Punyaku"})
    assert ctx.unit.events == []
    await businesses.update_business(ctx, claims("admin"), business.id, {"name": "Diperbaiki Petugas"})
    assert ctx.unit.events[0].name == "Diperbaiki Petugas"


async def test_update_refuses_empty_edits_invalid_values_and_unknown_business(ctx):
    owner = claims()
    business = registered(owner)
    seed(ctx, business)
    with pytest.raises(InvalidInput) as err:
        await businesses.update_business(ctx, owner, uuid.uuid4(), {"unknown": "x"})
    assert err.value.errors == {"body": "Tidak ada isian yang diubah"}
    with pytest.raises(InvalidInput) as err:
        await businesses.update_business(ctx, owner, business.id, {"founded_year": "1800"})
    assert set(err.value.errors) == {"founded_year"}
    with pytest.raises(NotFound):
        await businesses.update_business(ctx, owner, uuid.uuid4(), {"name": "Apa Saja"})
    assert ctx.unit.events == [] and ctx.unit.businesses.rows[business.id].data == business.data
