"""Registration and password reset on the Account aggregate, with a fake unit of work and clock."""
from __future__ import annotations

import pytest

from balai_contracts.identity import ParticipantRegisteredV1
from identity.adapters.security import token_hash
from identity.service import password_reset, registration
from identity.service.errors import IdentityError, InvalidInput
from identity.service.sessions import account_throttle_key
from tests.factories import participant_form, png_photo

from .fakes import make_ctx

NEW = {"password": "Pekalongan-Batik-9", "password_confirm": "Pekalongan-Batik-9"}


async def test_registration_commits_the_account_and_records_participant_registered():
    ctx, uow, clock = make_ctx()
    form = participant_form()
    account_id = await registration.register_participant(ctx, form, png_photo())
    assert uow.commits == 1
    [(subject, event)] = uow.published
    assert subject == str(account_id) and isinstance(event, ParticipantRegisteredV1)
    assert event.registered_at == clock.now and event.username == form["username"]
    assert event.regency_name == "Kota Semarang" and event.sex == "P"
    assert form["nik"] not in event.model_dump_json()
    stored = uow.accounts.rows[account_id]
    assert stored.role == "peserta" and stored.password_hash.startswith("$argon2id$")


async def test_duplicate_nik_is_refused_only_at_submission_and_without_confirming_it():
    ctx, uow, _ = make_ctx()
    form = participant_form()
    await registration.register_participant(ctx, form, png_photo())
    step = {k: form[k] for k in ("full_name", "nik", "kk", "phone", "birth_place", "birth_date")}
    assert await registration.validate_step(ctx, "data_diri", step) == {}
    with pytest.raises(InvalidInput) as refused:
        await registration.register_participant(ctx, participant_form(nik=form["nik"]), png_photo())
    assert refused.value.errors["nik"] == registration.NIK_TAKEN and "Lupa Password" in registration.NIK_TAKEN
    assert uow.commits == 1 and len(uow.published) == 1


async def test_username_availability_is_still_answered_at_its_step():
    ctx, _, _ = make_ctx()
    form = participant_form()
    await registration.register_participant(ctx, form, png_photo())
    errors = await registration.validate_step(ctx, "akun", {"username": form["username"], **NEW})
    assert errors == {"username": registration.USERNAME_TAKEN}


async def test_reset_spends_every_link_revokes_sessions_and_clears_failures():
    ctx, uow, clock = make_ctx()
    account_id = await registration.register_participant(ctx, participant_form(), png_photo())
    expires = clock.now.replace(hour=clock.now.hour + 1)
    await uow.password_resets.add(token_hash("older"), account_id, expires)
    await uow.password_resets.add(token_hash("newer"), account_id, expires)
    key = account_throttle_key(ctx, account_id, "")
    await uow.login_failures.add([key] * 6, clock.now)
    before = uow.accounts.rows[account_id].password_hash
    await password_reset.confirm_reset(ctx, "newer", NEW)
    assert uow.accounts.rows[account_id].password_hash != before
    assert uow.refresh_tokens.revoked == [account_id] and uow.login_failures.rows == []
    with pytest.raises(IdentityError):
        await password_reset.confirm_reset(ctx, "older", NEW)


async def test_expired_link_is_refused_by_the_clock():
    ctx, uow, clock = make_ctx()
    account_id = await registration.register_participant(ctx, participant_form(), png_photo())
    await uow.password_resets.add(token_hash("t"), account_id, clock.now.replace(minute=30))
    clock.advance(hours=1)
    with pytest.raises(IdentityError) as refused:
        await password_reset.confirm_reset(ctx, "t", NEW)
    assert refused.value.detail == password_reset.BAD_TOKEN


async def test_weak_new_password_changes_nothing():
    ctx, uow, clock = make_ctx()
    account_id = await registration.register_participant(ctx, participant_form(), png_photo())
    await uow.password_resets.add(token_hash("t"), account_id, clock.now.replace(hour=clock.now.hour + 1))
    with pytest.raises(InvalidInput):
        await password_reset.confirm_reset(ctx, "t", {"password": "password", "password_confirm": "password"})
    assert await uow.password_resets.usable_account(token_hash("t"), clock.now) == account_id
