"""The refusals the ukm domain raises: the platform's errors, re-exported so domain code reads locally.

`balai_platform.errors` is plain Python (no framework); the app maps these to 4xx answers."""
from __future__ import annotations

from balai_platform.errors import Conflict, Forbidden, InvalidInput, NotFound

__all__ = ["Conflict", "Forbidden", "InvalidInput", "NotFound"]

NOT_A_MEMBER = "Anda bukan anggota UKM/Koperasi ini"
ALREADY_JOINED = "Anda sudah terdaftar (atau menunggu persetujuan) di UKM/Koperasi ini"
NOTHING_CHANGED = "Tidak ada isian yang diubah"
