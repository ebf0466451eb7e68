"""Response schemas of the identity API: what the handlers return today, key for key."""
from __future__ import annotations

from balai_platform.responses import Page, PublicModel


class ParticipantPrivate(PublicModel):
    """Lihat Profile: NIK, KK and NPWP in clear only for the owner and admins; null for staff accounts."""

    id: str
    username: str
    role: str
    org_id: str | None
    full_name: str
    created_at: str
    nik: str | None
    nik_masked: str | None
    kk: str | None
    kk_masked: str | None
    phone: str | None
    phone_wa: str | None
    birth_place: str | None
    birth_date: str | None
    sex: str | None
    province_code: str | None
    regency_code: str | None
    regency_name: str | None
    district_code: str | None
    district_name: str | None
    village_code: str | None
    village_name: str | None
    address: str | None
    marital_status: str | None
    marital_status_label: str | None
    npwp: str | None
    has_photo: bool | None
    photo_url: str | None


class ParticipantListItem(PublicModel):
    id: str
    username: str
    full_name: str
    nik_masked: str
    phone: str | None
    regency_name: str | None
    created_at: str


ParticipantPage = Page[ParticipantListItem]


class SessionUser(PublicModel):
    id: str
    username: str
    role: str
    full_name: str
    org_id: str | None


class TokensPublic(PublicModel):
    access_token: str
    refresh_token: str
    token_type: str
    expires_in: int
    user: SessionUser


class StepValid(PublicModel):
    """A registration step without errors (errors are answered as a 422 problem)."""

    errors: dict[str, str]


class MailPublic(PublicModel):
    to: str
    subject: str
    body: str
    link: str | None
    created_at: str
