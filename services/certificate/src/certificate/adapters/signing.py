"""PAdES signing of a rendered certificate with the organisation's PKCS#12 (pyHanko).

PAdES B-B (ETSI.CAdES.detached, SHA-256, the signer's chain embedded) with a visible stamp in the
renderer's `SIGNATURE_BOX`: "Ditandatangani secara elektronik oleh <CN>" and the date (WIB).
The stamp is drawn with reportlab in the same embedded fonts as the certificate (so a CN with
diacritics renders) and imported as the signature's appearance. Signing is CPU work (a few ms of
hashing, one RSA operation, writing): `sign` runs it in a worker thread so the event loop stays free."""
from __future__ import annotations

import asyncio
import io
from datetime import datetime, timedelta, timezone
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.general import get_pyca_cryptography_hash
from pyhanko.stamp import StaticStampStyle

from balai_platform.errors import InvalidInput
from certificate.adapters.pdf_render import SIGNATURE_BOX
from certificate.adapters.signing_stamp import ImportedPdfBytes, render_stamp
from certificate.domain.indonesian import date_id

WIB = timezone(timedelta(hours=7), "WIB")
FIELD_NAME = "TandaTanganElektronik"
# Room for the CMS (signature + 2-3 certificates); fixed so pyHanko skips its dummy-signature estimate.
BYTES_RESERVED = 16_384
_FILL = layout.SimpleBoxLayoutRule(x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
                                   margins=layout.Margins.uniform(0))
BAD_PKCS12 = "Berkas sertifikat elektronik (PKCS#12) tidak dapat dibuka: periksa berkas dan kata sandinya"


class PdfSigner:
    def __init__(self, signer: signers.SimpleSigner) -> None:
        self._signer = signer
        subject = signer.signing_cert.subject.native
        self.signer_name: str = subject.get("common_name") or signer.signing_cert.subject.human_friendly
        self.issuer_name: str = signer.signing_cert.issuer.native.get("common_name", "")
        self.not_after: datetime = signer.signing_cert.not_valid_after

    @classmethod
    def from_pkcs12(cls, data: bytes, password: bytes | str | None) -> PdfSigner:
        secret = password.encode() if isinstance(password, str) else password
        try:
            signer = signers.SimpleSigner.load_pkcs12_data(data, other_certs=[], passphrase=secret or None)
        except (ValueError, TypeError):
            raise InvalidInput({"pkcs12": BAD_PKCS12}, BAD_PKCS12) from None
        if signer is None:  # pragma: no cover - older pyHanko returned None instead of raising
            raise InvalidInput({"pkcs12": BAD_PKCS12}, BAD_PKCS12)
        return cls(_KeptKeySigner(signing_cert=signer.signing_cert, signing_key=signer.signing_key,
                                  cert_registry=signer.cert_registry))

    async def sign(self, pdf: bytes, *, location: str, reason: str, now: datetime | None = None) -> bytes:
        return await asyncio.to_thread(self.sign_sync, pdf, location=location, reason=reason, now=now)

    def sign_sync(self, pdf: bytes, *, location: str, reason: str, now: datetime | None = None) -> bytes:
        when = (now or datetime.now(WIB)).astimezone(WIB)
        x1, y1, x2, y2 = SIGNATURE_BOX
        stamp = render_stamp(self.signer_name, f"{date_id(when.date())} {when:%H:%M} WIB", self.issuer_name,
                             width=x2 - x1, height=y2 - y1)
        meta = signers.PdfSignatureMetadata(
            field_name=FIELD_NAME, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
            location=location, reason=reason, name=self.signer_name,
        )
        spec = fields.SigFieldSpec(FIELD_NAME, on_page=0, box=(round(x1), round(y1), round(x2), round(y2)))
        style = StaticStampStyle(background=ImportedPdfBytes(stamp), border_width=0, background_layout=_FILL)
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        pdf_signer = signers.PdfSigner(meta, self._signer, stamp_style=style, new_field_spec=spec)
        out = pdf_signer.sign_pdf(writer, bytes_reserved=BYTES_RESERVED)
        return out.getvalue()


class _KeptKeySigner(signers.SimpleSigner):
    """SimpleSigner that parses its private key once.

    pyHanko's `sign_raw` loads the key from DER on every signature, and cryptography checks an RSA
    key's consistency when it loads it (~35 ms for RSA-2048 here, most of a signature's time)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._key = serialization.load_der_private_key(self.signing_key.dump(), password=None)

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        if mechanism == "rsassa_pkcs1v15" and isinstance(self._key, rsa.RSAPrivateKey):
            return self._key.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))
        if mechanism == "ecdsa" and isinstance(self._key, ec.EllipticCurvePrivateKey):
            return self._key.sign(data, ec.ECDSA(get_pyca_cryptography_hash(digest_algorithm)))
        return super().sign_raw(data, digest_algorithm)
