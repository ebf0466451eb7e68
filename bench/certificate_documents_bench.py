"""Benchmark of the certificate documents (not a test; no stack needed). Prints, in one run:
- bare baseline: an empty reportlab A4 page, and the same page with one embedded TTF line,
- render: the certificate PDF (page 1; and with the syllabus page),
- sign: PAdES B-B with the dev PKI (RSA-2048) and the visible stamp,
- per certificate: render + sign, and the Open Badge VC-JWT,
as median / p99 milliseconds over N runs (default 200; `python bench/certificate_documents_bench.py 50`).
Run: .venv/bin/python bench/certificate_documents_bench.py
"""
from __future__ import annotations

import asyncio
import io
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.benchlib import pct  # noqa: E402
from certificate.adapters.badge import BadgeIssuer, build_credential, did_web, generate_ed25519_pem  # noqa: E402
from certificate.adapters.devpki import write_dev_pki  # noqa: E402
from certificate.adapters.pdf_parts import SANS, register_fonts  # noqa: E402
from certificate.adapters.pdf_render import render_certificate  # noqa: E402
from certificate.adapters.signing import PdfSigner  # noqa: E402
from services.certificate.tests.unit.documents_fixtures import CONTENT, TEMPLATE  # noqa: E402


def measure(label: str, fn, runs: int) -> list[float]:
    fn()  # warm up (font registration, imports)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    print(f"{label:<44} p50 {statistics.median(times):7.2f} ms   p99 {pct(times, 99):7.2f} ms")
    return times


def empty_page() -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=landscape(A4))
    c.showPage()
    c.save()
    return buf.getvalue()


def one_line() -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=landscape(A4), initialFontName=SANS)
    c.setFont(SANS, 12)
    c.drawString(100, 100, "Siti Rahayu")
    c.showPage()
    c.save()
    return buf.getvalue()


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    register_fonts()
    pki = write_dev_pki(tempfile.mkdtemp(), [("jateng", TEMPLATE.org_name, TEMPLATE.signatory.name)], "bench")
    signer = PdfSigner.from_pkcs12(pki["jateng"].read_bytes(), "bench")
    issuer = BadgeIssuer(generate_ed25519_pem(), did_web("https://balai.example"))
    with_syllabus = replace(TEMPLATE, syllabus_page=True)
    unsigned = render_certificate(CONTENT, TEMPLATE)
    print(f"runs per line: {runs}; PDF {len(unsigned) / 1024:.0f} KiB unsigned")
    measure("baseline: empty reportlab page", empty_page, runs)
    measure("baseline: page with one embedded-font line", one_line, runs)
    measure("render certificate (1 page)", lambda: render_certificate(CONTENT, TEMPLATE), runs)
    measure("render certificate + syllabus page", lambda: render_certificate(CONTENT, with_syllabus), runs)
    measure("sign (PAdES B-B, RSA-2048, visible stamp)",
            lambda: signer.sign_sync(unsigned, location="Semarang", reason="Sertifikat pelatihan"), runs)
    total = measure("per certificate: render + sign", lambda: signer.sign_sync(
        render_certificate(CONTENT, TEMPLATE), location="Semarang", reason="Sertifikat pelatihan"), runs)
    credential = build_credential(
        credential_id="urn:uuid:00000000-0000-4000-8000-000000000001", issuer_did=issuer.did,
        issuer_name=TEMPLATE.org_name, holder_name=CONTENT.holder_name, achievement_name=CONTENT.training_title,
        achievement_description="Pelatihan", criteria="Lulus", issued_at=datetime.now(UTC),
        verification_url=CONTENT.verification_url)
    measure("Open Badge VC-JWT (EdDSA)", lambda: issuer.issue(credential), runs)

    async def in_loop() -> float:
        started = time.perf_counter()
        await asyncio.gather(*(signer.sign(unsigned, location="Semarang", reason="x") for _ in range(20)))
        return (time.perf_counter() - started) * 1000

    elapsed = asyncio.run(in_loop())
    print(f"{'20 concurrent async signs (worker threads)':<44} total {elapsed:7.1f} ms")
    print(f"=> about {1000 / statistics.median(total):.0f} certificates/s on one core (render + sign)")


if __name__ == "__main__":
    main()
