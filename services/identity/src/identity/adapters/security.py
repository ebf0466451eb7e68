"""Password hashing (argon2id), opaque token hashing and PII protection wiring."""
from __future__ import annotations

import asyncio
import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from balai_platform.crypto import BlindIndex, FieldCipher

# argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): ~20 ms here, where the
# library default (64 MiB, 3 passes, 4 lanes) took ~110 ms on these 2 cores. configure_hasher()
# lets ops raise it; stored hashes carry their parameters and are upgraded at the next login.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
# Verifying against this keeps a failed login for an unknown user as slow as for a known one.
_DUMMY_HASH = _hasher.hash("balai-dummy-password")


def configure_hasher(time_cost: int, memory_kib: int, parallelism: int) -> None:
    global _hasher, _DUMMY_HASH
    _hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism)
    _DUMMY_HASH = _hasher.hash("balai-dummy-password")


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


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
