"""A small in-memory stand-in for the certificate service, following its HTTP contract (its JSON
answers are checked against the real service's schemas by test_fakes_match_services)."""
from __future__ import annotations

import hashlib
import uuid
from base64 import b32encode
from datetime import UTC, datetime

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from gw_recorder import AnswerRecorder

from balai_platform.auth import InvalidToken, TokenVerifier, bearer_token

ORG = "0b0a1a10-0000-4000-8000-000000000001"
PDF = b"%PDF-1.7\n% fake signed certificate\n%%EOF\n"
TEMPLATE = dict(org_code="BALATKOP-UKM", number_format="{seq:03d}/BALATKOP-UKM/{roman_month}/{year}",
                org_name="Balatkop UKM Provinsi Jawa Tengah", org_parent="Dinas Koperasi dan UKM Provinsi Jawa Tengah",
                place="Semarang", heading="SERTIFIKAT", intro="diberikan kepada",
                body="atas partisipasinya sebagai peserta", closing="", signatory_position="Kepala Balatkop UKM",
                signatory_name="Dra. Sri Wahyuni, M.M.", signatory_nip="19680412 199403 2 005", syllabus_page=True)


def err(status: int, detail: str, errors: dict | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail, **({"errors": errors} if errors else {})}, status)


class Store:
    def __init__(self) -> None:
        self.certs: dict[str, dict] = {}
        self.skm_required: set[str] = set()

    def add(self, participant_id: str, *, status: str = "issued", code: str | None = None, **over) -> dict:
        n = len(self.certs) + 1
        cert = dict(id=str(uuid.uuid4()), code=code or b32encode(uuid.uuid4().bytes[:10]).decode(),
                    number=f"{n:03d}/BALATKOP-UKM/VI/2026", org_id=ORG, training_id=str(uuid.uuid4()),
                    participant_id=participant_id, holder_name="Ani Lestari",
                    training_title="Pengelolaan Keuangan Koperasi Angkatan 2", start_date="2026-06-24",
                    end_date="2026-06-28", hours=32, status=status, issued_on="2026-06-28",
                    issued_at="2026-06-28T03:00:00Z" if status != "pending" else None, revoked_at=None,
                    revoke_reason=None, replaces=None, replaced_by=None)
        cert.update(over)
        cert["verification_url"] = f"http://testserver/verifikasi/{cert['code']}"
        self.certs[cert["id"]] = cert
        return cert


def create_fake_certificate(public_pem: str) -> FastAPI:
    app = FastAPI()
    app.add_middleware(AnswerRecorder, service="certificate")
    store = app.state.store = Store()
    verifier = TokenVerifier(public_pem)

    def claims(request: Request):
        try:
            return verifier.verify(bearer_token(request.headers.get("authorization")) or "")
        except InvalidToken:
            return None

    def mine_or_admin(request: Request, cert_id: str):
        c = claims(request)
        if c is None:
            return None, err(401, "Silakan masuk terlebih dahulu")
        cert = store.certs.get(cert_id)
        if cert is None or (not c.is_admin and cert["participant_id"] != c.sub):
            return None, err(404, "Sertifikat tidak ditemukan")
        return cert, None

    def admin(request: Request):
        c = claims(request)
        if c is None:
            return err(401, "Silakan masuk terlebih dahulu")
        return None if c.is_admin else err(403, "Halaman ini hanya untuk admin/petugas")

    @app.get("/certificates/mine")
    async def mine(request: Request):
        c = claims(request)
        if c is None:
            return err(401, "Silakan masuk terlebih dahulu")
        return {"items": [{**x, "skm_required": x["training_id"] in store.skm_required}
                          for x in store.certs.values() if x["participant_id"] == c.sub]}

    @app.get("/certificates/{cert_id}/pdf")
    async def pdf(cert_id: str, request: Request):
        cert, bad = mine_or_admin(request, cert_id)
        if bad:
            return bad
        if cert["status"] == "pending":
            return err(409, "Sertifikat sedang diproses, coba lagi beberapa saat lagi")
        if cert["training_id"] in store.skm_required:
            return err(409, "Silakan isi Survei Kepuasan Masyarakat (SKM) terlebih dahulu sebelum mengunduh sertifikat")
        return Response(PDF, media_type="application/pdf",
                        headers={"Content-Disposition": 'attachment; filename="sertifikat-001.pdf"'})

    @app.get("/certificates/{cert_id}/badge")
    async def badge(cert_id: str, request: Request):
        cert, bad = mine_or_admin(request, cert_id)
        return bad or {"jwt": "aGVhZGVy.cGF5bG9hZA.c2ln", "credential": {"type": ["VerifiableCredential",
                                                                                 "OpenBadgeCredential"]}}

    def facts(cert: dict) -> dict:
        status = {"issued": "valid", "revoked": "dicabut"}.get(cert["status"], "diproses")
        return dict(code=cert["code"], number=cert["number"], holder_name=cert["holder_name"],
                    training_title=cert["training_title"], start_date=cert["start_date"], end_date=cert["end_date"],
                    hours=cert["hours"], issued_on=cert["issued_on"], issuer=TEMPLATE["org_name"], status=status,
                    revoked_at=cert["revoked_at"], revoke_reason=cert["revoke_reason"],
                    sha256=hashlib.sha256(PDF).hexdigest() if cert["status"] != "pending" else None,
                    replaced_by_code=None, verification_url=cert["verification_url"])

    def by_code(code: str) -> dict | None:
        return next((c for c in store.certs.values() if c["code"] == code), None)

    @app.get("/public/verify/{code}")
    async def verify(code: str):
        cert = by_code(code)
        return facts(cert) if cert else err(404, "Kode verifikasi tidak dikenal")

    @app.post("/public/verify/{code}/check")
    async def check(code: str, request: Request):
        cert = by_code(code)
        if cert is None:
            return err(404, "Kode verifikasi tidak dikenal")
        data = await (await request.form())["berkas"].read()
        match = data == PDF
        return dict(code=code, status=facts(cert)["status"], match=match, result="cocok" if match else "tidak cocok")

    @app.get("/public/did.json")
    async def did():
        return {"id": "did:web:testserver", "verificationMethod": []}

    @app.get("/public/jwks.json")
    async def jwks():
        return {"keys": []}

    @app.get("/admin/certificates")
    async def admin_list(request: Request):
        if bad := admin(request):
            return bad
        items = list(store.certs.values())
        trainings = [dict(training_id=c["training_id"], training_title=c["training_title"], count=1,
                          skm_required=c["training_id"] in store.skm_required) for c in items]
        return dict(items=items, total=len(items), page=1, per_page=20, trainings=trainings)

    @app.get("/admin/certificates/{cert_id}")
    async def admin_get(cert_id: str, request: Request):
        if bad := admin(request):
            return bad
        cert = store.certs.get(cert_id)
        return cert or err(404, "Sertifikat tidak ditemukan")

    @app.post("/admin/certificates/{cert_id}/revoke")
    async def revoke(cert_id: str, request: Request):
        if bad := admin(request):
            return bad
        cert = store.certs.get(cert_id)
        if cert is None:
            return err(404, "Sertifikat tidak ditemukan")
        reason = " ".join(str((await request.json()).get("reason", "")).split())
        if len(reason) < 5:
            return err(422, "Data belum valid, periksa isian yang ditandai",
                       {"reason": "Alasan pencabutan 5-500 karakter"})
        cert.update(status="revoked", revoke_reason=reason, revoked_at=datetime.now(UTC).isoformat())
        return {k: cert[k] for k in ("id", "status", "number", "revoked_at", "revoke_reason")}

    @app.get("/admin/templates")
    async def template(request: Request):
        return admin(request) or {"org_id": ORG, "kind": "*", "kinds": ["*"], "has_logo": False, **TEMPLATE}

    @app.post("/admin/templates/preview")
    async def preview(request: Request):
        return admin(request) or Response(PDF, media_type="application/pdf")

    return app
