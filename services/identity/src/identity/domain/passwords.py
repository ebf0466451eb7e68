"""Common-password check for account registration and password changes.

The list (``common_passwords.txt``, one lowercase password a line) mixes the usual worldwide leaks with passwords
Indonesian users often pick ("bismillah", "sayang", "rahasia", club and city names). It is loaded once, on first use.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

_LIST_FILE = "common_passwords.txt"


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """All listed passwords, lowercased."""
    text = resources.files(__package__).joinpath(_LIST_FILE).read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_common_password(pw: str) -> bool:
    """True when ``pw`` (case-insensitive, surrounding spaces ignored) is on the common-password list."""
    if not isinstance(pw, str):
        return False
    return pw.strip().lower() in common_passwords()
