"""Who may see what: holders their own certificates, admins their organisation's, superadmins all."""
from __future__ import annotations

import uuid

from balai_platform.auth import Claims
from balai_platform.errors import Forbidden, NotFound

NOT_FOUND = "Sertifikat tidak ditemukan"


def require_org(claims: Claims, org_id: uuid.UUID) -> None:
    """An admin acts within their organisation only (a superadmin across all)."""
    if claims.role == "superadmin":
        return
    if claims.role != "admin" or claims.org != str(org_id):
        raise Forbidden("Sertifikat ini milik balai lain")


def require_holder_or_admin(claims: Claims, participant_id: uuid.UUID, org_id: uuid.UUID) -> bool:
    """True when the caller is the holder; an admin of the organisation passes; anyone else sees 404
    (a participant must not learn that another's certificate exists)."""
    if claims.sub == str(participant_id):
        return True
    if claims.is_admin:
        require_org(claims, org_id)
        return False
    raise NotFound(NOT_FOUND)


def admin_org_filter(claims: Claims) -> uuid.UUID | None:
    """The organisation an admin's lists are limited to; None for a superadmin."""
    if claims.role == "superadmin":
        return None
    if claims.role != "admin" or not claims.org:
        raise Forbidden("Halaman ini hanya untuk admin/petugas")
    return uuid.UUID(claims.org)
