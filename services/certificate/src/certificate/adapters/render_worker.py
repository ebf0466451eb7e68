"""Rendering and signing in a worker process: reportlab and pyHanko are pure-Python CPU work that
holds the GIL, so done in the service's own process they would stall its event loop (API answers,
consumers, the outbox relay). Each worker loads a signer once per PKCS#12 it is given."""
from __future__ import annotations

import hashlib

from ..domain.document import CertificateContent, TemplateContent
from .pdf_render import render_certificate
from .signing import PdfSigner

_SIGNERS: dict[bytes, PdfSigner] = {}


def render_and_sign(content: CertificateContent, template: TemplateContent, p12: bytes, password: bytes | None,
                    *, location: str, reason: str) -> bytes:
    key = hashlib.sha256(p12 + b"\0" + (password or b"")).digest()
    signer = _SIGNERS.get(key)
    if signer is None:
        signer = _SIGNERS[key] = PdfSigner.from_pkcs12(p12, password)
    return signer.sign_sync(render_certificate(content, template), location=location, reason=reason)


def warm_up() -> None:
    """Import everything in the worker before the first certificate needs it."""
