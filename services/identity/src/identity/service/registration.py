"""Participant self-registration (Si Pentol: Data Diri, Data Alamat, Data Akses Akun)."""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from balai_contracts.identity import ParticipantRegisteredV1
from balai_platform.logging import get_logger

from ..adapters.security import hash_password
from ..adapters.tables import accounts, participants
from ..domain.photo import PhotoError, check_photo
from ..domain.validation import STEP_FIELDS, region_names, sex_from_nik, validate_fields, validate_registration
from .context import IdentityContext
from .errors import InvalidInput

log = get_logger("registration")
NIK_TAKEN = "NIK sudah terdaftar. Silakan masuk atau gunakan Lupa Password"
USERNAME_TAKEN = "Username sudah digunakan, pilih yang lain"


async def _uniqueness_errors(ctx: IdentityContext, clean: Mapping) -> dict[str, str]:
    errors: dict[str, str] = {}
    async with ctx.sessionmaker() as s:
        if "nik" in clean:
            hit = await s.scalar(select(participants.c.account_id)
                                 .where(participants.c.nik_index == ctx.pii.nik_index(clean["nik"])))
            if hit:
                errors["nik"] = NIK_TAKEN
        if "username" in clean:
            hit = await s.scalar(select(accounts.c.id).where(accounts.c.username == clean["username"]))
            if hit:
                errors["username"] = USERNAME_TAKEN
    return errors


async def validate_step(ctx: IdentityContext, step: str, data: Mapping) -> dict[str, str]:
    """Check one step of the registration form, uniqueness included."""
    fields = STEP_FIELDS.get(step)
    if fields is None:
        raise InvalidInput({"step": "Langkah tidak dikenal"})
    clean, errors = validate_fields(data, fields)
    errors.update({k: v for k, v in (await _uniqueness_errors(ctx, clean)).items() if k not in errors})
    return errors


def participant_event_fields(row: Mapping) -> dict:
    names = region_names(row["regency_code"], row["district_code"], row["village_code"])
    return dict(
        full_name=row["full_name"], birth_date=row["birth_date"], sex=row["sex"],
        province_code=row["regency_code"][:2], regency_code=row["regency_code"],
        district_code=row["district_code"], village_code=row["village_code"],
        regency_name=names.get("regency_name") or "", phone_wa=row["phone_wa"],
    )


async def register_participant(ctx: IdentityContext, data: Mapping, photo: bytes | None) -> uuid.UUID:
    """Create the account and participant; emit ParticipantRegistered in the same transaction."""
    clean, errors = validate_registration(data)
    try:
        checked = check_photo(photo or b"")
    except PhotoError as exc:
        errors["photo"] = exc.message
    errors.update({k: v for k, v in (await _uniqueness_errors(ctx, clean)).items() if k not in errors})
    if errors:
        raise InvalidInput(errors)
    account_id = uuid.uuid4()
    aid = str(account_id)
    pw_hash = await hash_password(clean["password"])
    now = datetime.now(UTC)
    nik, kk = clean["nik"], clean["kk"]
    row = dict(
        account_id=account_id, nik_enc=ctx.pii.seal("nik", nik, aid), nik_index=ctx.pii.nik_index(nik),
        nik_last4=nik[-4:], nik_prefix=nik[:4], kk_enc=ctx.pii.seal("kk", kk, aid),
        kk_index=ctx.pii.kk_index(kk),
        npwp_enc=ctx.pii.seal("npwp", clean["npwp"], aid) if clean.get("npwp") else None,
        phone_wa=clean["phone"], birth_place=clean["birth_place"], birth_date=clean["birth_date"],
        sex=sex_from_nik(nik), province_code=clean["regency_code"][:2],
        regency_code=clean["regency_code"], district_code=clean["district_code"],
        village_code=clean["village_code"], address=clean["address"],
        marital_status=clean["marital_status"], photo=checked.data, photo_type=checked.content_type,
        photo_etag=checked.etag,
        search_text=f"{clean['full_name']} {clean['username']}".lower(), updated_at=now,
    )
    try:
        async with ctx.sessionmaker() as s, s.begin():
            await s.execute(accounts.insert().values(
                id=account_id, username=clean["username"], role="peserta", org_id=None,
                full_name=clean["full_name"], password_hash=pw_hash, created_at=now))
            await s.execute(participants.insert().values(**row))
            await ctx.outbox.add(s, ParticipantRegisteredV1(
                participant_id=account_id, username=clean["username"], registered_at=now,
                **participant_event_fields({**row, "full_name": clean["full_name"]})), subject=aid)
    except IntegrityError as exc:  # lost a race with a concurrent registration
        msg = str(exc.orig)
        raise InvalidInput({"nik": NIK_TAKEN} if "nik_index" in msg else {"username": USERNAME_TAKEN}) from exc
    log.info("participant_registered", participant_id=aid)
    return account_id
