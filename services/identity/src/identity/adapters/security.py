"""Password hashing (argon2id), opaque token hashing and PII protection wiring."""
from __future__ import annotations

import asyncio
import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from balai_platform.crypto import BlindIndex, FieldCipher

_hasher = PasswordHasher()  # argon2id with the library's recommended parameters
# Verifying against this keeps a failed login for an unknown user as slow as for a known one.
_DUMMY_HASH = _hasher.hash("balai-dummy-password")


async def hash_password(password: str) -> str:
    return await asyncio.to_thread(_hasher.hash, password)


async def verify_password(password_hash: str | None, password: str) -> bool:
    def _verify() -> bool:
        try:
            return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
        except (VerificationError, InvalidHashError):
            return False
    return await asyncio.to_thread(_verify)


def new_opaque_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


class PiiProtector:
    """Encrypts NIK/KK/NPWP bound to the account id and derives their blind indexes."""

    def __init__(self, keys: dict[str, str], active_key_id: str, index_key: str) -> None:
        self.cipher = FieldCipher(keys, active_key_id)
        self.nik_index = BlindIndex(index_key, "nik")
        self.kk_index = BlindIndex(index_key, "kk")
        self.login_key = BlindIndex(index_key, "login-throttle")

    def seal(self, field: str, value: str, account_id: str) -> bytes:
        return self.cipher.encrypt(value, f"{field}:{account_id}")

    def open(self, field: str, blob: bytes, account_id: str) -> str:
        return self.cipher.decrypt(blob, f"{field}:{account_id}")
