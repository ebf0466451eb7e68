"""Participant self-registration (Si Pentol: Data Diri, Data Alamat, Data Akses Akun)."""
from __future__ import annotations

import uuid
from collections.abc import Mapping

from sqlalchemy.exc import IntegrityError

from balai_platform.logging import get_logger

from ..adapters.security import hash_password
from ..domain.account import Account, ParticipantProfile
from ..domain.photo import CheckedPhoto, PhotoError, check_photo
from ..domain.validation import STEP_FIELDS, region_names, sex_from_nik, validate_fields, validate_registration
from .context import IdentityContext
from .errors import InvalidInput

log = get_logger("registration")
# said only at the final submission (never by the step check), and worded so that it does not
# confirm to a stranger that this NIK has an account
NIK_TAKEN = "NIK ini tidak dapat didaftarkan lagi. Jika NIK ini sudah punya akun, silakan masuk atau gunakan Lupa Password"
USERNAME_TAKEN = "Username sudah digunakan, pilih yang lain"


async def _uniqueness_errors(uow, ctx: IdentityContext, clean: Mapping, *, check_nik: bool) -> dict[str, str]:
    errors: dict[str, str] = {}
    if check_nik and "nik" in clean and await uow.accounts.nik_taken(ctx.pii.nik_index(clean["nik"])):
        errors["nik"] = NIK_TAKEN
    if "username" in clean and await uow.accounts.username_taken(clean["username"]):
        errors["username"] = USERNAME_TAKEN
    return errors


async def validate_step(ctx: IdentityContext, step: str, data: Mapping) -> dict[str, str]:
    """Check one step's fields; of uniqueness only the username's (a NIK is personal data)."""
    fields = STEP_FIELDS.get(step)
    if fields is None:
        raise InvalidInput({"step": "Langkah tidak dikenal"})
    clean, errors = validate_fields(data, fields)
    async with ctx.uow() as uow:
        taken = await _uniqueness_errors(uow, ctx, clean, check_nik=False)
    errors.update({k: v for k, v in taken.items() if k not in errors})
    return errors


def _personal_row(ctx: IdentityContext, clean: Mapping, aid: str, checked: CheckedPhoto, now) -> dict:
    """The participant row's columns, personal data sealed to this account."""
    nik, kk = clean["nik"], clean["kk"]
    return dict(
        nik_enc=ctx.pii.seal("nik", nik, aid), nik_index=ctx.pii.nik_index(nik),
        kk_enc=ctx.pii.seal("kk", kk, aid),
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


def _profile(row: Mapping) -> ParticipantProfile:
    names = region_names(row["regency_code"], row["district_code"], row["village_code"])
    return ParticipantProfile(
        birth_date=row["birth_date"], sex=row["sex"], regency_code=row["regency_code"],
        district_code=row["district_code"], village_code=row["village_code"],
        regency_name=names.get("regency_name") or "", phone_wa=row["phone_wa"])


async def register_participant(ctx: IdentityContext, data: Mapping, photo: bytes | None) -> uuid.UUID:
    """Create the account and participant; emit ParticipantRegistered in the same transaction."""
    clean, errors = validate_registration(data, today=ctx.clock.today())
    try:
        checked = check_photo(photo or b"")
    except PhotoError as exc:
        errors["photo"] = exc.message
    # hashed before the transaction: argon2id must not hold a database connection
    password_hash = await hash_password(clean["password"]) if not errors else ""
    try:
        async with ctx.uow() as uow:
            errors.update({k: v for k, v in (await _uniqueness_errors(uow, ctx, clean, check_nik=True)).items()
                           if k not in errors})
            if errors:
                raise InvalidInput(errors)
            account_id, now = uuid.uuid4(), ctx.now()
            row = _personal_row(ctx, clean, str(account_id), checked, now)
            account = Account.register_participant(
                account_id=account_id, username=clean["username"], full_name=clean["full_name"],
                password_hash=password_hash, profile=_profile(row),
                personal_data=row, at=now)
            await uow.accounts.add(account, now)
            await uow.commit()
    except IntegrityError as exc:  # lost a race with a concurrent registration
        msg = str(exc.orig)
        raise InvalidInput({"nik": NIK_TAKEN} if "nik_index" in msg else {"username": USERNAME_TAKEN}) from exc
    log.info("participant_registered", participant_id=str(account_id))
    return account_id
