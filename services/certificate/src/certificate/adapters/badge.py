"""Open Badges 3.0: each certificate as an `OpenBadgeCredential` secured as a VC-JWT (EdDSA).

The credential follows the W3C Verifiable Credentials 2.0 data model with the 1EdTech OB 3.0
context; it is signed with PyJWT (compact JWS, header alg EdDSA, typ `vc+jwt`, kid `<did>#key-1`,
the credential itself as the payload plus the registered claims iss/jti/nbf/iat (and sub) that JWT-based
OB 3.0 verifiers read). The issuer's public key is published as a `did:web` document
(`/.well-known/did.json`) and as a JWKS, so anyone verifies a badge offline with any JOSE library."""
from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlsplit

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
DID_CONTEXT = "https://www.w3.org/ns/did/v1"
JWS_2020_CONTEXT = "https://w3id.org/security/suites/jws-2020/v1"
ALGORITHM = "EdDSA"
TYP = "vc+jwt"


def generate_ed25519_pem() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


def did_web(base_url: str) -> str:
    """`https://balai.example:8443/x` → `did:web:balai.example%3A8443:x` (W3C did:web method)."""
    parts = urlsplit(base_url.strip())
    if parts.scheme not in {"https", "http"} or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {base_url!r}")
    host = parts.hostname.lower() + (f"%3A{parts.port}" if parts.port else "")
    segments = [quote(s, safe="") for s in parts.path.split("/") if s]
    if segments[-2:] == [".well-known", "did.json"] or segments[-1:] == [".well-known"]:
        segments = segments[: segments.index(".well-known")]
    return ":".join(["did:web", host, *segments])


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def build_credential(*, credential_id: str, issuer_did: str, issuer_name: str, holder_name: str,
                     achievement_name: str, achievement_description: str, criteria: str,
                     issued_at: datetime, verification_url: str) -> dict[str, Any]:
    """An OB 3.0 `OpenBadgeCredential` (unsigned). `credential_id` is a URI such as `urn:uuid:…`."""
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer_did, "type": ["Profile"], "name": issuer_name},
        "validFrom": _iso(issued_at),
        "name": achievement_name,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityHash": holder_name, "identityType": "name",
                            "hashed": False}],
            "achievement": {
                "id": f"{verification_url}#achievement",
                "type": ["Achievement"],
                "name": achievement_name,
                "description": achievement_description,
                "criteria": {"narrative": criteria},
                "inLanguage": "id",
            },
        },
        "evidence": [{"id": verification_url, "type": ["Evidence"], "name": "Halaman verifikasi sertifikat"}],
    }


class BadgeIssuer:
    def __init__(self, private_key_pem: bytes, did: str) -> None:
        key = serialization.load_pem_private_key(private_key_pem, password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError("the badge signing key must be Ed25519 (PKCS#8 PEM)")
        self._key = key
        self.did = did
        self.kid = f"{did}#key-1"
        raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        self._x = base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")

    def public_jwk(self) -> dict[str, str]:
        return {"kty": "OKP", "crv": "Ed25519", "x": self._x, "kid": self.kid, "alg": ALGORITHM, "use": "sig"}

    def jwks(self) -> dict[str, list[dict[str, str]]]:
        return {"keys": [self.public_jwk()]}

    def did_document(self) -> dict[str, Any]:
        jwk = {k: v for k, v in self.public_jwk().items() if k in {"kty", "crv", "x"}}
        return {
            "@context": [DID_CONTEXT, JWS_2020_CONTEXT],
            "id": self.did,
            "verificationMethod": [{"id": self.kid, "type": "JsonWebKey2020", "controller": self.did,
                                    "publicKeyJwk": jwk}],
            "assertionMethod": [self.kid],
            "authentication": [self.kid],
        }

    def issue(self, credential: dict[str, Any]) -> str:
        """The credential as a compact JWS (VC-JWT)."""
        valid_from = datetime.fromisoformat(credential["validFrom"].replace("Z", "+00:00"))
        claims = dict(credential)
        claims.update(iss=credential["issuer"]["id"], jti=credential["id"], nbf=int(valid_from.timestamp()),
                      iat=int(valid_from.timestamp()))
        subject_id = credential.get("credentialSubject", {}).get("id")
        if subject_id:
            claims["sub"] = subject_id
        return jwt.encode(claims, self._key, algorithm=ALGORITHM, headers={"typ": TYP, "kid": self.kid})
