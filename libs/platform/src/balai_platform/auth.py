"""JWT access tokens signed by identity (EdDSA), verified everywhere with the public key."""
from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ALGORITHM = "EdDSA"
ISSUER = "balai-identity"
ROLES = ("peserta", "admin", "superadmin")


class InvalidToken(Exception):
    """The token is missing, malformed, expired or not signed by identity."""


@dataclass(frozen=True)
class Claims:
    sub: str  # account id (uuid string)
    role: str  # peserta | admin | superadmin
    username: str
    org: str | None  # organisation id of an admin; None for peserta and superadmin
    exp: int

    @property
    def is_admin(self) -> bool:
        return self.role in ("admin", "superadmin")


def generate_keypair() -> tuple[str, str]:
    """Return (private_pem, public_pem) of a new Ed25519 key."""
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()
    return private_pem, public_pem


class TokenSigner:
    def __init__(self, private_pem: str, ttl_seconds: int = 900) -> None:
        self._key = serialization.load_pem_private_key(private_pem.encode(), password=None)
        self.ttl_seconds = ttl_seconds

    def sign(self, *, sub: str, role: str, username: str, org: str | None) -> str:
        now = int(time.time())
        payload = {
            "iss": ISSUER, "sub": sub, "role": role, "username": username, "org": org,
            "iat": now, "exp": now + self.ttl_seconds, "jti": uuid.uuid4().hex,
        }
        return jwt.encode(payload, self._key, algorithm=ALGORITHM)


class TokenVerifier:
    """Verifies identity's tokens. A token once verified is remembered (up to `cache_size`, the
    oldest forgotten first) until it expires: a session sends the same token with every request
    for its 15 minutes, and the signature check was the largest single cost of a small request.
    Only a token that passed the full check is remembered, under its exact text, and its expiry
    is checked again on every use."""

    def __init__(self, public_pem: str, leeway_seconds: int = 5, cache_size: int = 4096) -> None:
        self._key = serialization.load_pem_public_key(public_pem.encode())
        self._leeway = leeway_seconds
        self._cache: dict[str, Claims] = {}
        self._cache_size = cache_size

    def verify(self, token: str) -> Claims:
        claims = self._cache.get(token)
        if claims is not None:
            if claims.exp + self._leeway > time.time():
                return claims
            del self._cache[token]
            raise InvalidToken("Signature has expired")
        claims = self._verify(token)
        if len(self._cache) >= self._cache_size:
            del self._cache[next(iter(self._cache))]
        self._cache[token] = claims
        return claims

    def _verify(self, token: str) -> Claims:
        try:
            p = jwt.decode(
                token, self._key, algorithms=[ALGORITHM], issuer=ISSUER,
                leeway=self._leeway, options={"require": ["exp", "sub", "iss"]},
            )
        except jwt.PyJWTError as exc:
            raise InvalidToken(str(exc)) from exc
        if p.get("role") not in ROLES:
            raise InvalidToken("unknown role")
        return Claims(sub=p["sub"], role=p["role"], username=p.get("username", ""),
                      org=p.get("org"), exp=p["exp"])


def bearer_token(authorization: str | None) -> str | None:
    """Extract the token of an `Authorization: Bearer <token>` header."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()
