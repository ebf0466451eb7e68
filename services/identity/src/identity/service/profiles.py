"""Profile view ("Lihat Profile") and edit, photos, and the admin participant list."""
from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import replace

from sqlalchemy import func, select

from balai_platform.auth import Claims
from balai_platform.logging import get_logger

from ..adapters.tables import accounts, participants
from ..domain.account import PESERTA, ParticipantProfile
from ..domain.nik_access import FULL_FIELDS, RESTRICTED_NOTE, may_see_full_nik, must_log_view
from ..domain.photo import PhotoError, check_photo
from ..domain.validation import MARITAL_STATUSES, display_phone, mask_nik, region_names, validate_fields
from . import nik_access
from .context import IdentityContext
from .errors import Forbidden, InvalidInput, NotFound
from .participant_orgs import orgs_of

log = get_logger("profiles")
EDITABLE = ("full_name", "phone", "birth_place", "address", "marital_status", "npwp")
REGION = ("regency_code", "district_code", "village_code")
_PROFILE_COLS = [c for c in participants.c if c.name != "photo"]


def to_private(ctx: IdentityContext, acc: Mapping, p: Mapping | None, *, reveal: bool) -> dict:
    """ParticipantPrivate: NIK/KK/NPWP in clear only when `reveal`; masked forms are derived."""
    out = dict(id=str(acc["id"]), username=acc["username"], role=acc["role"],
               org_id=str(acc["org_id"]) if acc["org_id"] else None, full_name=acc["full_name"],
               created_at=acc["created_at"].isoformat())
    keys = ("nik", "nik_masked", "kk", "kk_masked", "phone", "phone_wa", "birth_place", "birth_date",
            "sex", "province_code", "regency_code", "regency_name", "district_code", "district_name",
            "village_code", "village_name", "address", "marital_status", "marital_status_label", "npwp",
            "has_photo", "photo_url", "nik_note")
    out.update(dict.fromkeys(keys), nik_restricted=False)
    if p is None:
        return out
    aid = str(acc["id"])
    # no NIK digits are stored in clear (M5): the masked forms come from the ciphertexts
    nik = ctx.pii.open("nik", p["nik_enc"], aid)
    kk = ctx.pii.open("kk", p["kk_enc"], aid)
    out.update(
        nik_masked=mask_nik(nik), kk_masked=mask_nik(kk),
        phone=display_phone(p["phone_wa"]), phone_wa=p["phone_wa"], birth_place=p["birth_place"],
        birth_date=p["birth_date"].isoformat(), sex=p["sex"], province_code=p["province_code"],
        regency_code=p["regency_code"], district_code=p["district_code"], village_code=p["village_code"],
        address=p["address"], marital_status=p["marital_status"],
        marital_status_label=MARITAL_STATUSES.get(p["marital_status"]),
        has_photo=p["photo_etag"] is not None,
        photo_url=f"/api/identity/participants/{aid}/photo" if p["photo_etag"] else None,
        **region_names(p["regency_code"], p["district_code"], p["village_code"]),
    )
    if reveal:
        out.update(nik=nik, kk=kk,
                   npwp=ctx.pii.open("npwp", p["npwp_enc"], aid) if p["npwp_enc"] else None)
    else:
        out.update(nik_restricted=True, nik_note=RESTRICTED_NOTE)
    return out


async def get_profile(ctx: IdentityContext, account_id: uuid.UUID, viewer: Claims) -> dict:
    """A profile; the full NIK/KK/NPWP only for those allowed, each admin view logged."""
    if str(account_id) != viewer.sub and not viewer.is_admin:
        raise Forbidden("Anda tidak berhak melihat data ini")
    async with ctx.sessionmaker() as s, s.begin():
        acc = (await s.execute(select(accounts).where(accounts.c.id == account_id))).mappings().first()
        if acc is None:
            raise NotFound("Peserta tidak ditemukan")
        p = (await s.execute(select(*_PROFILE_COLS).where(participants.c.account_id == account_id))
             ).mappings().first()
        reveal = True
        if p is not None:
            aid = str(account_id)
            orgs = await orgs_of(s, account_id) if viewer.role == "admin" else set()
            reveal = may_see_full_nik(viewer_id=viewer.sub, viewer_role=viewer.role, viewer_org=viewer.org,
                                      participant_id=aid, participant_orgs=orgs)
            if reveal and must_log_view(viewer_id=viewer.sub, participant_id=aid):
                # written in the same transaction as the read: no unlogged full view
                fields = [f for f in FULL_FIELDS if f != "npwp" or p["npwp_enc"] is not None]
                await nik_access.record_view(s, viewer, account_id, fields)
    return to_private(ctx, acc, p, reveal=reveal)


def _personal_changes(ctx: IdentityContext, clean: Mapping, aid: str, photo) -> dict:
    """Participant-row columns the edit sets besides the copied profile; NPWP sealed to the row."""
    values: dict = {k: clean[k] for k in ("birth_place", "address", "marital_status") if k in clean}
    if "npwp" in clean:
        values["npwp_enc"] = ctx.pii.seal("npwp", clean["npwp"], aid) if clean["npwp"] else None
    if photo is not None:
        values.update(photo=photo.data, photo_type=photo.content_type, photo_etag=photo.etag)
    return values


def _edited_profile(profile: ParticipantProfile, clean: Mapping) -> ParticipantProfile:
    """The copied profile with the edited phone and region; the region's name follows its codes."""
    changes = {k: clean[k] for k in REGION if k in clean}
    if "phone" in clean:
        changes["phone_wa"] = clean["phone"]
    if "regency_code" in clean:
        names = region_names(clean["regency_code"], clean["district_code"], clean["village_code"])
        changes["regency_name"] = names.get("regency_name") or ""
    return replace(profile, **changes)


async def edit_profile(ctx: IdentityContext, viewer: Claims, data: Mapping, photo: bytes | None) -> None:
    """Edit the viewer's own participant profile; records ParticipantUpdated on the Account."""
    fields = [f for f in EDITABLE if f in data]
    if any(f in data for f in REGION):
        fields += list(REGION)
    clean, errors = validate_fields(data, fields)
    checked = None
    if photo:
        try:
            checked = check_photo(photo)
        except PhotoError as exc:
            errors["photo"] = exc.message
    if errors:
        raise InvalidInput(errors)
    # only the token's own account is ever edited: there is no target id to point at someone else
    account_id = uuid.UUID(viewer.sub)
    changes = _personal_changes(ctx, clean, str(account_id), checked)
    async with ctx.uow() as uow:
        account = await uow.accounts.get(account_id, lock=True)
        if account is None or account.role != PESERTA or account.profile is None:
            raise NotFound("Profil peserta tidak ditemukan")
        full_name = clean.get("full_name", account.full_name)
        changes["search_text"] = f"{full_name} {account.username}".lower()
        account.profile_changed(_edited_profile(account.profile, clean), full_name, ctx.now(), changes)
        await uow.accounts.save(account)
        await uow.commit()
    # names of the edited fields only: their values are personal data
    log.info("participant_updated", participant_id=str(account_id),
             fields=sorted([*clean, *(["photo"] if checked else [])]))


async def update_profile(ctx: IdentityContext, viewer: Claims, data: Mapping, photo: bytes | None) -> dict:
    """Edit own profile, then answer with it as the owner sees it."""
    await edit_profile(ctx, viewer, data, photo)
    return await get_profile(ctx, uuid.UUID(viewer.sub), viewer)


async def get_photo(ctx: IdentityContext, account_id: uuid.UUID, viewer: Claims) -> tuple[bytes, str, str]:
    if str(account_id) != viewer.sub and not viewer.is_admin:
        raise Forbidden("Anda tidak berhak melihat foto ini")
    async with ctx.sessionmaker() as s:
        row = (await s.execute(select(participants.c.photo, participants.c.photo_type, participants.c.photo_etag)
                               .where(participants.c.account_id == account_id))).first()
    if row is None or row.photo is None:
        raise NotFound("Foto tidak ditemukan")
    return row.photo, row.photo_type, row.photo_etag


SORTS = {"created_at": accounts.c.created_at, "full_name": accounts.c.full_name,
         "username": accounts.c.username}


async def list_participants(ctx: IdentityContext, *, q: str, page: int, per_page: int,
                            sort: str, order: str) -> dict:
    """Admin search by name, username or full NIK (through the blind index)."""
    stmt = (select(accounts.c.id, accounts.c.username, accounts.c.full_name, accounts.c.created_at,
                   participants.c.nik_enc, participants.c.phone_wa,
                   participants.c.regency_code, participants.c.district_code, participants.c.village_code)
            .join(participants, participants.c.account_id == accounts.c.id))
    q = q.strip()
    if q.isdigit() and len(q) == 16:
        stmt = stmt.where(participants.c.nik_index == ctx.pii.nik_index(q))
    elif q:
        like = "%" + q.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(participants.c.search_text.like(like))
    col = SORTS.get(sort, accounts.c.created_at)
    async with ctx.sessionmaker() as s:
        total = await s.scalar(select(func.count()).select_from(stmt.subquery()))
        rows = (await s.execute(stmt.order_by(col.asc() if order == "asc" else col.desc(), accounts.c.id)
                                .limit(per_page).offset((page - 1) * per_page))).mappings().all()
    # one decryption per shown row (a page of at most 100) to derive the masked NIK
    items = [dict(id=str(r["id"]), username=r["username"], full_name=r["full_name"],
                  nik_masked=mask_nik(ctx.pii.open("nik", r["nik_enc"], str(r["id"]))),
                  phone=display_phone(r["phone_wa"]),
                  regency_name=region_names(r["regency_code"], r["district_code"], r["village_code"]
                                            ).get("regency_name"),
                  created_at=r["created_at"].isoformat()) for r in rows]
    return dict(items=items, total=total, page=page, per_page=per_page)
