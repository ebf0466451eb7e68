"""Field encryption (AES-256-GCM, row identity as associated data, key ids for rotation)
and keyed blind indexes (HMAC-SHA256) for looking encrypted values up."""
from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_NONCE = 12


class FieldCipher:
    def __init__(self, keys: dict[str, str], active_key_id: str) -> None:
        self._keys = {kid: AESGCM(base64.b64decode(k)) for kid, k in keys.items()}
        if active_key_id not in self._keys:
            raise ValueError("active PII key id has no key")
        if any(len(base64.b64decode(k)) != 32 for k in keys.values()):
            raise ValueError("PII keys must be 32 bytes (base64)")
        self.active_key_id = active_key_id

    def encrypt(self, plaintext: str, aad: str) -> bytes:
        """Return `kid:nonce+ciphertext`; the kid lets old rows decrypt after rotation."""
        nonce = os.urandom(_NONCE)
        ct = self._keys[self.active_key_id].encrypt(nonce, plaintext.encode(), aad.encode())
        return self.active_key_id.encode() + b":" + nonce + ct

    def decrypt(self, blob: bytes, aad: str) -> str:
        kid, _, rest = bytes(blob).partition(b":")
        key = self._keys[kid.decode()]
        return key.decrypt(rest[:_NONCE], rest[_NONCE:], aad.encode()).decode()


class BlindIndex:
    """A keyed hash: a NIK's small value space makes a plain hash brute-forceable."""

    def __init__(self, key_b64: str, purpose: str) -> None:
        self._key = hashlib.sha256(base64.b64decode(key_b64) + purpose.encode()).digest()

    def __call__(self, value: str) -> bytes:
        return hmac.new(self._key, value.encode(), hashlib.sha256).digest()


def new_key_b64() -> str:
    return base64.b64encode(os.urandom(32)).decode()
