"""Who may see a participant's full NIK, KK and NPWP (UU PDP: need to know)."""
from __future__ import annotations

from collections.abc import Collection

RESTRICTED_NOTE = "NIK lengkap hanya untuk admin balai tempat peserta mendaftar"
FULL_FIELDS = ("nik", "kk", "npwp")  # NPWP of a person is the NIK since 2024: same rule


def may_see_full_nik(*, viewer_id: str, viewer_role: str, viewer_org: str | None, participant_id: str,
                     participant_orgs: Collection[str]) -> bool:
    """The participant, a superadmin, or an admin of an organisation the participant applied to."""
    if viewer_id == participant_id or viewer_role == "superadmin":
        return True
    return viewer_role == "admin" and viewer_org is not None and viewer_org in participant_orgs


def must_log_view(*, viewer_id: str, participant_id: str) -> bool:
    """Every full view by someone other than the participant is logged."""
    return viewer_id != participant_id
