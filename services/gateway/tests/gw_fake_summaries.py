"""The admin summary routes of the fake training, lodging and certificate services (added to the
fakes' apps), and a fake survey that answers the public IKM list. Answers are recorded and checked
against the real services' schemas like every fake answer (test_fakes_match_services)."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from gw_recorder import AnswerRecorder

from balai_platform.auth import InvalidToken, TokenVerifier, bearer_token

WIB = ZoneInfo("Asia/Jakarta")
ORG = "0b0a1a10-0000-4000-8000-000000000001"
ADMIN_ORG = "org-1"  # the fake identity's admin


def _admin_check(verifier: TokenVerifier):
    def check(request: Request) -> JSONResponse | None:
        try:
            c = verifier.verify(bearer_token(request.headers.get("authorization")) or "")
        except InvalidToken:
            return JSONResponse({"detail": "Silakan masuk terlebih dahulu"}, 401)
        return None if c.is_admin else JSONResponse({"detail": "Halaman ini hanya untuk admin/petugas"}, 403)
    return check


def add_training_summary(app: FastAPI, public_pem: str) -> None:
    store, denied = app.state.store, _admin_check(TokenVerifier(public_pem))

    @app.get("/admin/summary")
    async def summary(request: Request):
        if bad := denied(request):
            return bad
        today = datetime.now(WIB).date()
        es = list(store.enrollments.values())
        upcoming = []
        for t in sorted(store.trainings.values(), key=lambda t: t["start_date"]):
            if today <= date.fromisoformat(t["start_date"]) <= today + timedelta(days=14):
                mine = [e for e in es if e["training_id"] == t["id"]]
                upcoming.append(dict(id=t["id"], title=f"{t['title']} Angkatan {t['batch']}", org_id=ORG,
                                     start_date=t["start_date"], quota=t["quota"], seats_taken=t["seats_taken"],
                                     confirmations_missing=sum(e["status"] == "verified" for e in mine),
                                     waiting=sum(e["status"] == "submitted" for e in mine)))
        return dict(org_id=ORG, waiting=sum(e["status"] == "submitted" for e in es),
                    waitlisted=sum(e["status"] == "waitlisted" for e in es),
                    overdue=sum(e["status"] == "submitted" and bool(e.get("old")) for e in es), working_days=3,
                    upcoming_days=14, upcoming=upcoming,
                    confirmations_missing=sum(u["confirmations_missing"] for u in upcoming))

    @app.get("/admin/consultations/summary")
    async def consultation_summary(request: Request):
        if bad := denied(request):
            return bad
        return dict(waiting=2, overdue=1, drafts=0, target_label="3 jam kerja")


def add_lodging_summary(recorder: AnswerRecorder, public_pem: str) -> None:
    app = recorder.app
    store, denied = app.state.store, _admin_check(TokenVerifier(public_pem))

    @app.get("/admin/summary")
    async def summary(request: Request):
        if bad := denied(request):
            return bad
        today = datetime.now(WIB).date().isoformat()
        stays = list(store.stays.values())
        return dict(org_id=ORG, today=today, waiting_for_room=sum(s["status"] == "waiting" for s in stays),
                    arriving_today=sum(s["status"] == "assigned" and s["first_night"] == today for s in stays),
                    not_checked_in=0, checked_in=sum(s["status"] == "checked_in" for s in stays))


def add_certificate_summary(app: FastAPI, public_pem: str) -> None:
    store, denied = app.state.store, _admin_check(TokenVerifier(public_pem))

    @app.get("/admin/summary")
    async def summary(request: Request):
        if bad := denied(request):
            return bad
        today = datetime.now(WIB).date()
        monday = today - timedelta(days=today.weekday())
        certs = list(store.certs.values())
        issued = sum(c["status"] == "issued" and c["issued_on"] >= monday.isoformat() for c in certs)
        return dict(org_id=ORG, week_start=monday.isoformat(), issued_this_week=issued,
                    pending=sum(c["status"] == "pending" for c in certs), failed=0)


def create_fake_survey_ikm() -> FastAPI:
    """Only the public IKM list (the admin dashboard's SKM tile)."""
    app = FastAPI()
    app.add_middleware(AnswerRecorder, service="survey")
    app.state.ikm = [dict(org_id=ADMIN_ORG, org_name="Balatkop UKM Provinsi Jawa Tengah", period_name="Semester I 2026",
                          n=12, ikm="3,41", converted="85,25", grade="B", grade_label="Baik"),
                     dict(org_id=ORG, org_name="UPT Pelatihan KUKM Jawa Timur", period_name="Semester I 2026",
                          n=4, ikm="2,80", converted="70,00", grade="C", grade_label="Kurang Baik")]

    @app.get("/public/ikm")
    async def ikm():
        return {"items": app.state.ikm}

    return app
