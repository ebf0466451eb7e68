"""Unit tests of tokens, field encryption and blind indexes (no I/O)."""
from __future__ import annotations

import time

import pytest
from cryptography.exceptions import InvalidTag

from balai_platform.auth import InvalidToken, TokenSigner, TokenVerifier, bearer_token, generate_keypair
from balai_platform.crypto import BlindIndex, FieldCipher, new_key_b64


def test_token_roundtrip_and_claims():
    private, public = generate_keypair()
    token = TokenSigner(private).sign(sub="a1", role="admin", username="budi", org="o1")
    claims = TokenVerifier(public).verify(token)
    assert (claims.sub, claims.role, claims.org, claims.is_admin) == ("a1", "admin", "o1", True)


def test_token_from_another_key_is_rejected():
    private, _ = generate_keypair()
    _, other_public = generate_keypair()
    token = TokenSigner(private).sign(sub="a1", role="peserta", username="x", org=None)
    with pytest.raises(InvalidToken):
        TokenVerifier(other_public).verify(token)


def test_expired_token_is_rejected():
    private, public = generate_keypair()
    token = TokenSigner(private, ttl_seconds=-30).sign(sub="a", role="peserta", username="x", org=None)
    with pytest.raises(InvalidToken):
        TokenVerifier(public, leeway_seconds=0).verify(token)


def test_a_remembered_token_still_expires(monkeypatch):
    private, public = generate_keypair()
    verifier = TokenVerifier(public, leeway_seconds=5)
    token = TokenSigner(private, ttl_seconds=60).sign(sub="a", role="peserta", username="x", org=None)
    assert verifier.verify(token).sub == "a"
    assert verifier.verify(token).sub == "a"  # from the cache
    later = time.time() + 66
    monkeypatch.setattr(time, "time", lambda: later)
    with pytest.raises(InvalidToken):
        verifier.verify(token)
    assert token not in verifier._cache  # forgotten: the next use is checked in full


def test_only_a_verified_token_is_remembered_and_the_cache_is_bounded():
    private, public = generate_keypair()
    verifier = TokenVerifier(public, cache_size=3)
    signer = TokenSigner(private)
    token = signer.sign(sub="a", role="peserta", username="x", org=None)
    verifier.verify(token)
    tampered = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    for _ in range(2):  # a failed check is not remembered: it fails every time
        with pytest.raises(InvalidToken):
            verifier.verify(tampered)
    for i in range(5):
        verifier.verify(signer.sign(sub=f"s{i}", role="peserta", username="x", org=None))
    assert len(verifier._cache) == 3 and token not in verifier._cache
    assert verifier.verify(token).sub == "a"  # forgotten is not refused: checked in full again


def test_garbage_token_is_rejected():
    _, public = generate_keypair()
    for bad in ("", "abc", "a.b.c", "x" * 5000):
        with pytest.raises(InvalidToken):
            TokenVerifier(public).verify(bad)


def test_bearer_parsing():
    assert bearer_token("Bearer abc") == "abc"
    assert bearer_token("bearer  abc ") == "abc"
    assert bearer_token("Basic abc") is None
    assert bearer_token(None) is None


def test_field_cipher_binds_row_identity_and_rotates():
    k1, k2 = new_key_b64(), new_key_b64()
    old = FieldCipher({"k1": k1}, "k1")
    blob = old.encrypt("3374014101900001", "nik:acc-1")
    assert b"3374014101900001" not in blob
    rotated = FieldCipher({"k1": k1, "k2": k2}, "k2")
    assert rotated.decrypt(blob, "nik:acc-1") == "3374014101900001"
    assert rotated.encrypt("x", "a").startswith(b"k2:")
    with pytest.raises(InvalidTag):
        rotated.decrypt(blob, "nik:acc-2")  # copied to another row: refused


def test_blind_index_is_keyed_and_deterministic():
    key = new_key_b64()
    idx = BlindIndex(key, "nik")
    assert idx("3374014101900001") == idx("3374014101900001")
    assert idx("3374014101900001") != BlindIndex(new_key_b64(), "nik")("3374014101900001")
    assert idx("3374014101900001") != BlindIndex(key, "kk")("3374014101900001")


def test_signing_is_fast_enough():
    private, public = generate_keypair()
    signer, verifier = TokenSigner(private), TokenVerifier(public)
    start = time.perf_counter()
    for _ in range(200):
        verifier.verify(signer.sign(sub="a", role="peserta", username="x", org=None))
    assert time.perf_counter() - start < 5
