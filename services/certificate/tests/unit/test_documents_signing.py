"""PAdES signing with the dev PKI: pdfsig accepts it, a changed byte breaks it, the stamp sits in its box."""
from __future__ import annotations

import asyncio
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleTrustManager

from balai_platform.errors import InvalidInput
from certificate.adapters.devpki import write_dev_pki
from certificate.adapters.pdf_render import SIGNATURE_BOX, render_certificate
from certificate.adapters.signing import FIELD_NAME, PdfSigner
from certificate.adapters.signing_stamp import render_stamp
from services.certificate.tests.unit.documents_fixtures import (
    CONTENT,
    TEMPLATE,
    need,
    pdf_text,
    pdfsig,
    run,
    with_file,
)

PASSWORD = b"rahasia-dev"
SIGNER = "Dr. Bambang Sutrisno, S.E., M.M."


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("pki")
    return write_dev_pki(root, [("jateng", TEMPLATE.org_name, SIGNER)], PASSWORD) | {"ca": root / "ca.pem"}


@pytest.fixture(scope="module")
def signer(pki: dict[str, Path]) -> PdfSigner:
    return PdfSigner.from_pkcs12(pki["jateng"].read_bytes(), PASSWORD)


@pytest.fixture(scope="module")
def signed(signer: PdfSigner) -> bytes:
    pdf = render_certificate(CONTENT, TEMPLATE)
    return asyncio.run(signer.sign(pdf, location="Semarang", reason="Sertifikat pelatihan"))


def test_signer_name_is_the_certificate_cn(signer: PdfSigner) -> None:
    assert signer.signer_name == SIGNER
    assert signer.issuer_name == "Balai Dev Root CA"


@pytest.mark.parametrize(("data", "password"), [
    (b"not a pkcs12 file", PASSWORD), (b"", None), (None, b"salah"), (None, None),
])
def test_bad_file_or_password_is_a_clear_refusal(pki: dict[str, Path], data: bytes | None,
                                                 password: bytes | None) -> None:
    with pytest.raises(InvalidInput) as refused:
        PdfSigner.from_pkcs12(data if data is not None else pki["jateng"].read_bytes(), password)
    assert "PKCS#12" in refused.value.errors["pkcs12"]


def test_pdfsig_reports_valid_and_whole_document_signed(signed: bytes) -> None:
    out = pdfsig(signed)
    assert "Signature is Valid." in out, out
    assert "Total document signed" in out, out
    assert "ETSI.CAdES.detached" in out and "SHA-256" in out, out
    assert f"Signer Certificate Common Name: {SIGNER}" in out, out


def test_the_text_is_still_there_after_signing(signed: bytes) -> None:
    assert "Siti Rahayu" in pdf_text(signed)
    fonts = run(need("pdffonts", "poppler-utils"), str(with_file(signed))).stdout.splitlines()[2:]
    assert len(fonts) >= 6 and all(" yes yes yes " in row for row in fonts), fonts  # the stamp's fonts too


@pytest.mark.parametrize("change", ["metadata", "content"])
def test_one_changed_byte_breaks_the_signature(signed: bytes, change: str) -> None:
    data = bytearray(signed)
    if change == "metadata":
        at = signed.index(b"(Balai)") + 5  # /Creator (Balai) -> (Balaj)
    else:
        at = signed.index(b"stream", signed.index(b"/Length")) + 200  # inside page 1's compressed content
    data[at] ^= 0x01
    out = pdfsig(bytes(data))
    assert "Signature is Valid." not in out, out


def test_pades_attributes_chain_and_trust(signed: bytes, pki: dict[str, Path]) -> None:
    reader = PdfFileReader(io.BytesIO(signed))
    [sig] = reader.embedded_signatures
    assert sig.field_name == FIELD_NAME
    assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    attrs = {a["type"].native for a in sig.signer_info["signed_attrs"]}
    assert "signing_certificate_v2" in attrs  # PAdES B-B binds the signer's certificate
    assert "signing_time" not in attrs and sig.sig_object["/M"]  # PAdES: the claimed time lives in /M
    assert sig.sig_object["/Location"] == "Semarang" and sig.sig_object["/Name"] == SIGNER
    embedded = {c.chosen.subject.native["common_name"] for c in sig.signed_data["certificates"]}
    assert embedded == {SIGNER, "Balai Dev Root CA"}  # the chain travels with the PDF
    _, _, der = pem.unarmor(pki["ca"].read_bytes())
    context = ValidationContext(trust_manager=SimpleTrustManager.build(
        trust_roots=[asn1_x509.Certificate.load(der)]))
    status = validate_pdf_signature(sig, context)
    assert status.intact and status.valid and status.trusted, status.pretty_print_details()


def test_visible_stamp_sits_in_the_signature_box(signed: bytes) -> None:
    reader = PdfFileReader(io.BytesIO(signed))
    page = reader.root["/Pages"]["/Kids"][0]
    [widget] = [a.get_object() for a in page["/Annots"] if a.get_object().get("/FT") == "/Sig"]
    assert [round(float(v)) for v in widget["/Rect"]] == [round(v) for v in SIGNATURE_BOX]
    assert "/AP" in widget
    stamp = render_stamp(SIGNER, "28 Juni 2024 10:15 WIB", "Balai Dev Root CA", width=230, height=54)
    text = " ".join(pdf_text(stamp).split())
    assert f"Ditandatangani secara elektronik oleh {SIGNER}" in text and "28 Juni 2024 10:15 WIB" in text


async def test_signing_leaves_the_event_loop_free(signer: PdfSigner) -> None:
    pdf = render_certificate(CONTENT, TEMPLATE)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.001)
            ticks += 1

    task = asyncio.create_task(ticker())
    started = datetime.now(UTC)
    await signer.sign(pdf, location="Semarang", reason="Sertifikat pelatihan")
    task.cancel()
    assert ticks >= 1, "the loop did not run while signing"
    assert (datetime.now(UTC) - started).total_seconds() < 5
