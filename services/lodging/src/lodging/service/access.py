"""Who may act on what: admins only within their organisation, superadmin everywhere; a participant
only on their own stays."""
from __future__ import annotations

import uuid

from balai_platform.auth import Claims

from ..domain.errors import Forbidden, InvalidInput

ADMIN_ONLY = "Halaman ini hanya untuk admin/petugas"
OTHER_ORG = "Anda hanya dapat mengelola asrama organisasi Anda"


def require_participant(claims: Claims) -> uuid.UUID:
    if claims.role != "peserta":
        raise Forbidden("Fitur ini hanya untuk peserta")
    return uuid.UUID(claims.sub)


def org_of(claims: Claims, requested: uuid.UUID | None) -> uuid.UUID:
    """The organisation an admin works on: their own, or the one a superadmin names."""
    if not claims.is_admin:
        raise Forbidden(ADMIN_ONLY)
    if claims.role == "superadmin":
        if requested is None:
            raise InvalidInput({"org_id": "Pilih organisasi"})
        return requested
    if claims.org is None or (requested is not None and str(requested) != claims.org):
        raise Forbidden(OTHER_ORG)
    return uuid.UUID(claims.org)


def require_org(claims: Claims, org_id: uuid.UUID) -> None:
    """The admin may act on a record of `org_id`."""
    if not claims.is_admin:
        raise Forbidden(ADMIN_ONLY)
    if claims.role != "superadmin" and claims.org != str(org_id):
        raise Forbidden(OTHER_ORG)
