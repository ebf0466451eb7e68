"""The public link's anti-spam form token: signed, single use, and not answered faster than a human can.

A crowd on one office wifi shares an IP address, so the link never limits answers per IP; instead each
served form carries a token `period.issued.nonce.mac` (HMAC-SHA256 under the service's secret). A
submission needs a valid token for that period, at least `min_fill_seconds` after it was issued, not
older than `ttl_seconds`; the nonce is stored when used (unique key), so one token gives one answer.
A hidden honeypot field that people never fill catches naive bots. Pure Python (stdlib).
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid

from balai_platform.errors import InvalidInput

TOKEN_INVALID = "Formulir sudah kedaluwarsa atau tidak valid. Muat ulang halaman lalu isi kembali."
TOO_FAST = "Formulir dikirim terlalu cepat. Periksa kembali jawaban Anda, lalu kirim lagi."
HONEYPOT_FIELD = "website"


def _mac(secret: str, payload: str) -> str:
    return hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()[:32]


def issue(secret: str, period_id: uuid.UUID, now_ts: float) -> str:
    payload = f"{period_id}.{int(now_ts)}.{secrets.token_hex(12)}"
    return f"{payload}.{_mac(secret, payload)}"


def check(secret: str, token: str, period_id: uuid.UUID, now_ts: float, *, min_fill_seconds: float,
          ttl_seconds: int, honeypot: str = "") -> str:
    """The token's nonce when the submission may go on; InvalidInput otherwise."""
    if honeypot.strip():
        raise InvalidInput({"form_token": TOKEN_INVALID}, TOKEN_INVALID)
    parts = (token or "").split(".")
    if len(parts) != 4 or not parts[1].isdigit():
        raise InvalidInput({"form_token": TOKEN_INVALID}, TOKEN_INVALID)
    pid, issued, nonce, mac = parts
    if not hmac.compare_digest(mac, _mac(secret, f"{pid}.{issued}.{nonce}")) or pid != str(period_id):
        raise InvalidInput({"form_token": TOKEN_INVALID}, TOKEN_INVALID)
    age = now_ts - int(issued)
    if age > ttl_seconds or age < -60:
        raise InvalidInput({"form_token": TOKEN_INVALID}, TOKEN_INVALID)
    if age < min_fill_seconds:
        raise InvalidInput({"form_token": TOO_FAST}, TOO_FAST)
    return nonce
