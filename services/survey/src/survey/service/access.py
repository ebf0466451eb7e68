"""Who may do what: admins act within their organisation (a superadmin across all)."""
from __future__ import annotations

import uuid

from balai_platform.auth import Claims

from .errors import Forbidden

NOT_YOUR_ORG = "Anda hanya dapat mengelola survei organisasi Anda"
PARTICIPANTS_ONLY = "Halaman ini untuk peserta"


def ensure_org_admin(claims: Claims, org_id: uuid.UUID) -> None:
    if claims.role == "superadmin":
        return
    if claims.role != "admin" or claims.org != str(org_id):
        raise Forbidden(NOT_YOUR_ORG)


def participant_of(claims: Claims) -> uuid.UUID:
    try:
        return uuid.UUID(claims.sub)
    except ValueError:
        raise Forbidden(PARTICIPANTS_ONLY) from None


def admin_org(claims: Claims, org_id: uuid.UUID | None) -> uuid.UUID | None:
    """The organisation an admin works on: their own; a superadmin picks one (or None)."""
    if claims.role == "superadmin":
        return org_id
    if claims.org is None:
        raise Forbidden(NOT_YOUR_ORG)
    own = uuid.UUID(claims.org)
    if org_id is not None and org_id != own:
        raise Forbidden(NOT_YOUR_ORG)
    return own
