"""The profile edit on the Account aggregate, with a fake unit of work and clock."""
from __future__ import annotations

import uuid

import pytest

from balai_contracts.identity import ParticipantUpdatedV1
from balai_platform.auth import Claims
from identity.domain.photo import check_photo
from identity.service import profiles, registration
from identity.service.errors import InvalidInput, NotFound
from tests.factories import participant_form, png_photo

from .fakes import make_ctx

SOLO = {"regency_code": "33.72", "district_code": "33.72.01", "village_code": "33.72.01.1001"}


def claims_of(account_id: uuid.UUID, role: str = "peserta") -> Claims:
    return Claims(sub=str(account_id), role=role, username="u", org=None, exp=0)


async def registered(ctx, uow, **over) -> uuid.UUID:
    account_id = await registration.register_participant(ctx, participant_form(**over), png_photo())
    uow.published.clear()
    return account_id


async def test_valid_edit_records_one_participant_updated_with_the_new_values():
    ctx, uow, clock = make_ctx()
    account_id = await registered(ctx, uow)
    clock.advance(hours=2)
    await profiles.edit_profile(ctx, claims_of(account_id), {"full_name": "Siti Aminah", "phone": "0856-1111-2222",
                                                             "address": "Jl. Slamet Riyadi 5", **SOLO}, None)
    [(subject, event)] = uow.published
    assert subject == str(account_id) and isinstance(event, ParticipantUpdatedV1)
    stored = uow.accounts.rows[account_id]
    assert event.model_dump() == dict(
        participant_id=account_id, username=stored.username, full_name="Siti Aminah",
        birth_date=stored.profile.birth_date, sex="P", province_code="33", regency_code="33.72",
        district_code="33.72.01", village_code="33.72.01.1001", regency_name="Kota Surakarta",
        phone_wa="6285611112222", updated_at=clock.now)
    assert uow.commits == 2 and stored.full_name == "Siti Aminah"
    row = stored.personal_data
    assert row["address"] == "Jl. Slamet Riyadi 5" and row["updated_at"] == clock.now
    assert row["search_text"] == f"siti aminah {stored.username}"
    assert stored.personal_changes == {}


async def test_npwp_and_photo_are_stored_sealed_and_re_encoded_and_stay_off_the_event():
    ctx, uow, _ = make_ctx()
    account_id = await registered(ctx, uow)
    npwp = "09.254.294.3-407.000"
    await profiles.edit_profile(ctx, claims_of(account_id), {"npwp": npwp}, png_photo(color=(0, 0, 255)))
    [event] = uow.events
    row = uow.accounts.rows[account_id].personal_data
    assert ctx.pii.open("npwp", row["npwp_enc"], str(account_id)) == "092542943407000"
    checked = check_photo(png_photo(color=(0, 0, 255)))  # the re-encoded bytes, not the upload
    assert (row["photo"], row["photo_type"], row["photo_etag"]) == (checked.data, checked.content_type, checked.etag)
    assert "npwp" not in event.model_dump() and "2542943" not in event.model_dump_json()


async def test_invalid_input_is_refused_with_field_messages_and_no_event():
    ctx, uow, _ = make_ctx()
    account_id = await registered(ctx, uow)
    before = uow.accounts.rows[account_id].profile
    with pytest.raises(InvalidInput) as refused:
        await profiles.edit_profile(ctx, claims_of(account_id), {"phone": "12", "regency_code": "33.72",
                                                                 "full_name": ""}, b"not a picture")
    assert {"phone", "full_name", "district_code", "village_code", "photo"} <= set(refused.value.errors)
    assert all(isinstance(m, str) and m for m in refused.value.errors.values())
    assert uow.published == [] and uow.commits == 1
    assert uow.accounts.rows[account_id].profile == before


async def test_only_the_token_owner_is_edited_and_an_admin_has_no_participant_profile():
    ctx, uow, _ = make_ctx()
    owner, other = await registered(ctx, uow), await registered(ctx, uow)
    other_name = uow.accounts.rows[other].full_name
    await profiles.edit_profile(ctx, claims_of(owner), {"id": str(other), "full_name": "Dewi Lestari"}, None)
    [(subject, _)] = uow.published
    assert subject == str(owner) and uow.accounts.rows[other].full_name == other_name
    uow.published.clear()
    with pytest.raises(NotFound):
        await profiles.edit_profile(ctx, claims_of(uuid.uuid4(), role="admin"), {"full_name": "Dewi"}, None)
    assert uow.published == []


async def test_an_edit_that_changes_nothing_still_records_participant_updated_as_before():
    ctx, uow, clock = make_ctx()
    account_id = await registered(ctx, uow)
    stored = uow.accounts.rows[account_id]
    await profiles.edit_profile(ctx, claims_of(account_id), {}, None)
    [event] = uow.events
    assert event.full_name == stored.full_name and event.regency_name == "Kota Semarang"
    assert event.updated_at == clock.now and stored.personal_data["updated_at"] == clock.now
