"""The dev PKI: a root that only certifies, signing certificates fit for documents, idempotent files."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID

from certificate.adapters.devpki import DOCUMENT_SIGNING, make_dev_ca, write_dev_pki

ORGS = [("jateng", "Balatkop UKM Jawa Tengah", "Dr. Bambang Sutrisno, S.E., M.M."),
        ("jatim", "UPT Pelatihan Koperasi dan UKM Jawa Timur", "Ir. Ni Made Ayu Ṣāliḥah, M.Si.")]


def test_root_may_only_certify() -> None:
    ca = make_dev_ca("Balai Dev Root CA")
    usage = ca.cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.key_cert_sign and usage.crl_sign and not usage.digital_signature
    assert ca.cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert ca.cert.issuer == ca.cert.subject


def test_signing_certificate_fits_document_signing() -> None:
    ca = make_dev_ca("Balai Dev Root CA")
    data = ca.issue_signing_p12(ORGS[1][2], ORGS[1][1], b"pw")
    key, cert, extra = pkcs12.load_key_and_certificates(data, b"pw")
    assert key is not None and cert is not None
    assert cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)[0].value == ORGS[1][2]
    assert cert.issuer == ca.cert.subject and [c.subject for c in extra] == [ca.cert.subject]
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert DOCUMENT_SIGNING in eku and ExtendedKeyUsageOID.EMAIL_PROTECTION in eku
    years = (cert.not_valid_after_utc - datetime.now(UTC)) / timedelta(days=365)
    assert 4.9 < years <= 5.01


def test_wrong_password_does_not_open_the_p12() -> None:
    data = make_dev_ca("Root").issue_signing_p12("Signer", "Org", "benar")
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(data, b"salah")


def test_write_dev_pki_is_idempotent_and_adds_missing_orgs(tmp_path: Path) -> None:
    first = write_dev_pki(tmp_path, ORGS[:1], "pw")
    assert set(first) == {"jateng"} and (tmp_path / "ca.pem").exists()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    again = write_dev_pki(tmp_path, ORGS, "pw")
    assert set(again) == {"jateng", "jatim"}
    assert again["jateng"].read_bytes() == before["jateng.p12"]
    assert (tmp_path / "ca.pem").read_bytes() == before["ca.pem"]
    _, cert, _ = pkcs12.load_key_and_certificates(again["jatim"].read_bytes(), b"pw")
    ca = x509.load_pem_x509_certificate(before["ca.pem"])
    assert cert is not None and cert.issuer == ca.subject  # the new org is signed by the same root
    assert oct(again["jatim"].stat().st_mode & 0o777) == "0o600"


def test_write_dev_pki_refuses_path_like_codes(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_dev_pki(tmp_path, [("../etc", "Org", "Signer")], "pw")
