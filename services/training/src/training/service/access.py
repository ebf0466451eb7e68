"""Who may act on what: admins only within their organisation, superadmin everywhere."""
from __future__ import annotations

import uuid

from balai_platform.auth import Claims

from .errors import Forbidden, InvalidInput

ADMIN_ONLY = "Halaman ini hanya untuk admin/petugas"
OTHER_ORG = "Anda hanya dapat mengelola pelatihan organisasi Anda"


def require_admin(claims: Claims) -> None:
    if not claims.is_admin:
        raise Forbidden(ADMIN_ONLY)


def require_participant(claims: Claims) -> uuid.UUID:
    if claims.role != "peserta":
        raise Forbidden("Fitur ini hanya untuk peserta")
    return uuid.UUID(claims.sub)


def require_org(claims: Claims, org_id: uuid.UUID) -> None:
    """The admin may act on this organisation's data."""
    require_admin(claims)
    if claims.role != "superadmin" and claims.org != str(org_id):
        raise Forbidden(OTHER_ORG)


def org_for_new(claims: Claims, requested: uuid.UUID | None) -> uuid.UUID:
    """The organisation a new training belongs to: the admin's own, or the one a superadmin names."""
    require_admin(claims)
    if claims.role == "superadmin":
        if requested is None:
            raise InvalidInput({"org_id": "Pilih organisasi penyelenggara"})
        return requested
    if claims.org is None:
        raise Forbidden(OTHER_ORG)
    if requested is not None and str(requested) != claims.org:
        raise Forbidden(OTHER_ORG)
    return uuid.UUID(claims.org)


def org_scope(claims: Claims, requested: uuid.UUID | None) -> uuid.UUID | None:
    """The organisation an admin list is limited to (None: all, for a superadmin without a filter)."""
    require_admin(claims)
    if claims.role == "superadmin":
        return requested
    if requested is not None and str(requested) != claims.org:
        raise Forbidden(OTHER_ORG)
    return uuid.UUID(claims.org) if claims.org else uuid.UUID(int=0)
