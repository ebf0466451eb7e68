"""A development PKI: a self-signed root and one document-signing certificate per organisation.

`make run` and the tests use it so a demo certificate carries a real PAdES signature. Production
does not: it loads the balai's own PKCS#12 (e.g. issued by BSrE) through settings. Keys are
RSA-2048, the signature algorithm of most Indonesian government certificates; certificates are
valid 5 years (root 10)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

# RFC 9336 id-kp-documentSigning; emailProtection too, which NSS (poppler's pdfsig) checks for signers.
DOCUMENT_SIGNING = x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36")
SIGNING_YEARS = 5
CA_YEARS = 10


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _name(common_name: str, org_name: str | None = None) -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "ID")]
    if org_name:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org_name))
    parts.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    return x509.Name(parts)


def _password(password: bytes | str | None) -> bytes | None:
    if password is None or password in (b"", ""):
        return None
    return password.encode() if isinstance(password, str) else password


@dataclass(frozen=True)
class DevCa:
    key: rsa.RSAPrivateKey
    cert: x509.Certificate

    @property
    def cert_pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    @property
    def key_pem(self) -> bytes:
        return self.key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption())

    @classmethod
    def load(cls, cert_pem: bytes, key_pem: bytes) -> DevCa:
        key = serialization.load_pem_private_key(key_pem, password=None)
        if not isinstance(key, rsa.RSAPrivateKey):
            raise ValueError("the dev CA key must be RSA")
        return cls(key=key, cert=x509.load_pem_x509_certificate(cert_pem))

    def issue_signing_p12(self, common_name: str, org_name: str, password: bytes | str | None) -> bytes:
        """A PKCS#12 with a document-signing key and certificate (CN = the signing official) and this root."""
        key = _key()
        now = dt.datetime.now(dt.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(_name(common_name, org_name))
            .issuer_name(self.cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365 * SIGNING_YEARS))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([DOCUMENT_SIGNING, ExtendedKeyUsageOID.EMAIL_PROTECTION]),
                           critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256())
        )
        secret = _password(password)
        encryption = (serialization.BestAvailableEncryption(secret) if secret
                      else serialization.NoEncryption())
        return pkcs12.serialize_key_and_certificates(common_name.encode(), key, cert, [self.cert], encryption)


def make_dev_ca(name: str) -> DevCa:
    """A self-signed root that may only sign certificates (and CRLs)."""
    key = _key()
    now = dt.datetime.now(dt.UTC)
    subject = _name(name, "Balai (pengembangan)")
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365 * CA_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return DevCa(key=key, cert=cert)


def write_dev_pki(directory: Path | str, orgs: Iterable[tuple[str, str, str]],
                  password: bytes | str | None, *, ca_name: str = "Balai Dev Root CA") -> dict[str, Path]:
    """Write `ca.pem` (+ `ca-key.pem`, dev only) and `<org_code>.p12` per (org_code, org_name, signer_name).

    Idempotent: existing files are kept (a restart keeps the same certificates), missing ones are added."""
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = root / "ca.pem", root / "ca-key.pem"
    if cert_path.exists() and key_path.exists():
        ca = DevCa.load(cert_path.read_bytes(), key_path.read_bytes())
    else:
        ca = make_dev_ca(ca_name)
        _write(key_path, ca.key_pem)
        _write(cert_path, ca.cert_pem)
    paths: dict[str, Path] = {}
    for org_code, org_name, signer_name in orgs:
        if not org_code or "/" in org_code or org_code.startswith("."):
            raise ValueError(f"unsafe organisation code for a file name: {org_code!r}")
        path = root / f"{org_code}.p12"
        if not path.exists():
            _write(path, ca.issue_signing_p12(signer_name, org_name, password))
        paths[org_code] = path
    return paths


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    tmp.chmod(0o600)
    tmp.replace(path)
