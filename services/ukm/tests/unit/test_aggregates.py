"""The Business and Product aggregates alone: rules, state, timestamps, the events they record."""
from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta

import pytest

from balai_contracts.ukm import BusinessRegisteredV1, BusinessUpdatedV1, ProductShowcasedV1, ProductWithdrawnV1
from services.ukm.tests.support import business_form
from services.ukm.tests.unit.fakes import AT, ORG, actor_of, claims, registered, training
from tests.factories import png_photo
from ukm.domain.business import Business
from ukm.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from ukm.domain.photo import check_photo
from ukm.domain.product import Product

LATER = AT + timedelta(hours=1)


def _url(pid, n):
    return f"/p/{pid}/{n}"


def test_register_records_the_wire_payload():
    owner = actor_of(claims())
    form = business_form(permit_kind="nib", permit_number="1234567890123", halal_number="ID33110000123450321")
    b = Business.register(uuid.uuid4(), form, owner, AT)
    [event] = b.pending_events
    assert isinstance(event, BusinessRegisteredV1) and event.business_id == b.id and event.registered_at == AT
    assert [(p.kind, p.number) for p in event.permits] == [("nib", "1234567890123"), ("halal", "ID33110000123450321")]
    assert event.province_code == "33" and event.regency_name == b.data["regency_name"]
    assert event.members[0].participant_id == owner.participant_id and event.members[0].position == "pemilik"
    assert b.created_at == b.updated_at == AT and b.new_audit[0].action == "registered"


def test_update_without_change_keeps_timestamp_and_records_nothing():
    owner = claims()
    b = registered(owner)
    assert b.update({"brand": b.data["brand"]}, actor_of(owner), LATER) == []
    assert b.updated_at == AT and b.pending_events == [] and b.new_audit == []


def test_update_records_current_values_and_audit_old_new():
    owner = claims()
    b = registered(owner)
    old = b.data["brand"]
    assert b.update({"brand": "Merk Baru"}, actor_of(owner), LATER) == ["brand"]
    [event] = b.pending_events
    assert isinstance(event, BusinessUpdatedV1) and event.brand == "Merk Baru" and event.updated_at == LATER
    assert b.new_audit[0].changes == {"brand": {"old": old, "new": "Merk Baru"}} and b.updated_at == LATER


def test_membership_rules():
    owner, joiner = claims(), claims()
    b = registered(owner)
    member = b.request_join(actor_of(joiner), "anggota", AT)
    assert member.status == "pending" and b.pending_events == []
    with pytest.raises(Conflict):
        b.request_join(actor_of(joiner), "anggota", AT)
    with pytest.raises(Forbidden):
        b.approve(actor_of(joiner), member.participant_id, AT)
    b.approve(actor_of(owner), member.participant_id, LATER)
    with pytest.raises(NotFound):
        b.approve(actor_of(owner), member.participant_id, LATER)
    b.remove_member(actor_of(owner), actor_of(owner).participant_id, LATER)
    with pytest.raises(Conflict):
        b.remove_member(actor_of(joiner), member.participant_id, LATER)
    assert [len(e.members) for e in b.pending_events] == [2, 1]
    with pytest.raises(InvalidInput):
        Business.check_join(actor_of(joiner), "raja")
    with pytest.raises(Forbidden):
        Business.check_join(actor_of(claims("admin")), "anggota")


def _product(**over) -> Product:
    p = Product.create(uuid.uuid4(), uuid.uuid4(), {"name": "Sambal Roa", "category": "Makanan"},
                       {1: check_photo(png_photo())}, AT)
    return replace(p, **over) if over else p


def test_photos_fill_slots_in_order():
    p = _product()
    photo = check_photo(png_photo())
    p.add_photos({3: photo, 2: photo})
    assert p.photo_count == 3 and sorted(p.new_photos) == [1, 2, 3]
    p.new_photos.clear()
    p.add_photos({1: photo})
    assert p.photo_count == 3 and list(p.new_photos) == [1]


def test_showcase_once_and_only_when_visible():
    owner = claims()
    b = registered(owner)
    p = _product(business_id=b.id)
    assert p.showcase(b, _url, AT) is False  # not in the gallery
    p.hide(AT)
    assert p.enter_gallery(training(b.id), AT) is True and p.enter_gallery(training(b.id), AT) is False
    assert p.showcase(b, _url, AT) is False
    p.unhide()
    assert p.showcase(b, _url, LATER) is True and p.showcase(b, _url, LATER) is False
    [event] = p.pending_events
    assert isinstance(event, ProductShowcasedV1) and event.showcased_at == LATER and event.organisation_id == ORG
    assert event.photo_url == f"/p/{p.id}/1" and event.training_title == "Pemasaran Digital Angkatan 3"


def test_unpublish_rules():
    admin = actor_of(claims("admin", org=ORG))
    p = _product()
    with pytest.raises(Conflict):
        p.unpublish(admin, "Tidak sesuai", {ORG}, AT)
    p.enter_gallery(training(p.business_id), AT)
    with pytest.raises(Forbidden):
        p.unpublish(admin, "Tidak sesuai", {uuid.uuid4()}, AT)
    with pytest.raises(Forbidden):
        p.unpublish(actor_of(claims()), "Tidak sesuai", {ORG}, AT)
    p.unpublish(admin, "Tidak sesuai", {ORG}, AT)
    assert not p.visible and p.unpublished_by == admin.participant_id and p.unpublished_at == AT
    p.republish(actor_of(claims("superadmin")), set())
    assert p.visible and p.unpublished_reason is None


def test_leaving_the_gallery_records_product_withdrawn_once_and_return_showcases_again():
    owner, admin = claims(), actor_of(claims("admin", org=ORG))
    b = registered(owner)
    p = _product(business_id=b.id)
    p.hide(AT)  # not in the gallery yet: nothing to withdraw
    p.unhide()
    p.enter_gallery(training(b.id), AT)
    assert p.showcase(b, _url, AT) is True
    p.hide(LATER)
    p.hide(LATER)  # already hidden: no second withdrawal
    p.unpublish(admin, "Tidak sesuai", {ORG}, LATER)  # already out of the gallery
    showcased, withdrawn = p.pending_events
    assert isinstance(showcased, ProductShowcasedV1) and isinstance(withdrawn, ProductWithdrawnV1)
    assert (withdrawn.product_id, withdrawn.business_id, withdrawn.organisation_id) == (p.id, b.id, ORG)
    assert withdrawn.reason == "hidden_by_owner" and withdrawn.withdrawn_at == LATER
    p.unhide()
    assert p.showcase(b, _url, LATER) is False  # still unpublished
    p.republish(admin, {ORG})
    assert p.showcase(b, _url, LATER) is True
    p.unpublish(admin, "Foto tidak pantas", {ORG}, LATER)
    assert [type(e) for e in p.pending_events][2:] == [ProductShowcasedV1, ProductWithdrawnV1]
    assert p.pending_events[-1].reason == "unpublished_by_admin"


def test_a_product_hidden_before_its_showcase_is_never_withdrawn():
    b = registered(claims())
    p = _product(business_id=b.id)
    p.enter_gallery(training(b.id), AT)
    p.hide(AT)
    assert p.pending_events == []
