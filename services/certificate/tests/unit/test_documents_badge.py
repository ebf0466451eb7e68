"""Open Badges 3.0 VC-JWT: signed with PyJWT, verified here with joserfc against the published keys."""
from __future__ import annotations

import warnings
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from joserfc import jwk, jwt
from joserfc.errors import BadSignatureError

from certificate.adapters.badge import BadgeIssuer, build_credential, did_web, generate_ed25519_pem

BASE = "https://balai.example:8443/x"


@pytest.fixture(scope="module")
def issuer() -> BadgeIssuer:
    return BadgeIssuer(generate_ed25519_pem(), did_web(BASE))


@pytest.fixture(scope="module")
def credential(issuer: BadgeIssuer) -> dict:
    return build_credential(
        credential_id="urn:uuid:6f1c7f0e-3c55-4d2a-9a53-0c0f7a1c9e11", issuer_did=issuer.did,
        issuer_name="Balai Pelatihan Koperasi dan UKM Jawa Tengah", holder_name="Ni Made Ayu Ṣāliḥah",
        achievement_name="Pengelolaan Keuangan Koperasi Angkatan 2",
        achievement_description="Pelatihan Reguler tingkat Dasar, 24 s.d. 28 Juni 2024, 32 JP",
        criteria="Lulus pelatihan (kehadiran dan evaluasi)", issued_at=datetime(2024, 6, 28, 3, 0, tzinfo=UTC),
        verification_url="https://balai.example/verifikasi/7K3M9QXA")


def _verify(token: str, jwks: dict) -> jwt.Token:
    keys = jwk.KeySet.import_key_set(jwks)
    with warnings.catch_warnings():  # joserfc prefers RFC 9864's "Ed25519"; OB 3.0 wallets expect "EdDSA"
        warnings.simplefilter("ignore")
        return jwt.decode(token, keys, algorithms=["EdDSA"])


@pytest.mark.parametrize(("url", "did"), [
    ("https://balai.example:8443/x", "did:web:balai.example%3A8443:x"),
    ("https://balai.example", "did:web:balai.example"),
    ("https://Balai.Example/", "did:web:balai.example"),
    ("https://balai.example/a/b/", "did:web:balai.example:a:b"),
    ("https://balai.example/.well-known/did.json", "did:web:balai.example"),
])
def test_did_web(url: str, did: str) -> None:
    assert did_web(url) == did


def test_did_web_refuses_non_http() -> None:
    with pytest.raises(ValueError):
        did_web("ftp://balai.example")


def test_credential_shape(credential: dict, issuer: BadgeIssuer) -> None:
    assert credential["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert "ob/v3p0" in credential["@context"][1]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["issuer"]["id"] == issuer.did and credential["issuer"]["type"] == ["Profile"]
    assert credential["validFrom"] == "2024-06-28T03:00:00Z"
    subject = credential["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject["achievement"]["type"] == ["Achievement"]
    assert subject["achievement"]["criteria"]["narrative"]
    assert subject["identifier"][0]["identityHash"] == "Ni Made Ayu Ṣāliḥah"


def test_vc_jwt_verifies_with_joserfc_against_the_jwks(credential: dict, issuer: BadgeIssuer) -> None:
    token = issuer.issue(credential)
    verified = _verify(token, issuer.jwks())
    assert verified.header == {"alg": "EdDSA", "typ": "vc+jwt", "kid": f"{issuer.did}#key-1"}
    assert verified.claims["iss"] == issuer.did and verified.claims["jti"] == credential["id"]
    assert {k: verified.claims[k] for k in credential} == credential


def test_vc_jwt_verifies_against_the_did_document(credential: dict, issuer: BadgeIssuer) -> None:
    doc = issuer.did_document()
    assert doc["id"] == issuer.did and doc["assertionMethod"] == [f"{issuer.did}#key-1"]
    [method] = doc["verificationMethod"]
    assert method["controller"] == issuer.did and method["type"] == "JsonWebKey2020"
    resolved = {**method["publicKeyJwk"], "kid": method["id"]}  # a verifier resolves the header's kid to it
    assert _verify(issuer.issue(credential), {"keys": [resolved]}).claims["name"]


def test_tampered_or_foreign_token_fails(credential: dict, issuer: BadgeIssuer) -> None:
    header, payload, signature = issuer.issue(credential).split(".")
    forged = build_credential(**{**_args(credential), "holder_name": "Orang Lain"})
    other = issuer.issue(forged).split(".")[1]
    with pytest.raises(BadSignatureError):
        _verify(f"{header}.{other}.{signature}", issuer.jwks())
    stranger = BadgeIssuer(generate_ed25519_pem(), issuer.did)
    with pytest.raises(BadSignatureError):
        _verify(stranger.issue(credential), issuer.jwks())


def _args(credential: dict) -> dict:
    subject = credential["credentialSubject"]
    return dict(credential_id=credential["id"], issuer_did=credential["issuer"]["id"],
                issuer_name=credential["issuer"]["name"], holder_name=subject["identifier"][0]["identityHash"],
                achievement_name=subject["achievement"]["name"],
                achievement_description=subject["achievement"]["description"],
                criteria=subject["achievement"]["criteria"]["narrative"],
                issued_at=datetime.fromisoformat(credential["validFrom"].replace("Z", "+00:00")),
                verification_url=credential["evidence"][0]["id"])


def test_only_ed25519_keys() -> None:
    rsa_pem = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    with pytest.raises(ValueError):
        BadgeIssuer(rsa_pem, "did:web:balai.example")
