"""A small in-memory stand-in for the lodging service, following its HTTP contract: every
participant who asks has one assigned stay (nights from today), admins see them on the board."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from gw_recorder import AnswerRecorder

from balai_platform.auth import InvalidToken, TokenVerifier, bearer_token

WIB = ZoneInfo("Asia/Jakarta")
ORG = "0b0a1a10-0000-4000-8000-000000000001"
ROOM, BUILDING = str(uuid.uuid4()), str(uuid.uuid4())
BEDS = [str(uuid.uuid4()), str(uuid.uuid4())]
LABELS = {"waiting": "Menunggu kamar", "assigned": "Sudah dapat kamar", "checked_in": "Sudah check-in",
          "checked_out": "Sudah check-out", "released": "Dilepas"}


class Store:
    def __init__(self) -> None:
        self.stays: dict[str, dict] = {}

    def stay_of(self, participant_id: str) -> dict:
        for s in self.stays.values():
            if s["participant_id"] == participant_id:
                return s
        today = datetime.now(WIB).date()
        sid = str(uuid.uuid4())
        self.stays[sid] = dict(
            stay_id=sid, training_id=str(uuid.uuid4()), training_title="Koperasi Modern Angkatan 1",
            first_night=today.isoformat(), last_night=(today + timedelta(days=2)).isoformat(),
            status="assigned", status_label=LABELS["assigned"], need="", building_name="Wisma Melati",
            room_id=ROOM, room_code="K01", floor=1, bed_id=BEDS[0], bed_label="A", accessible=True,
            facilities=["ac"], checked_in_at=None, checked_out_at=None, org_id=ORG,
            enrollment_id=str(uuid.uuid4()), participant_id=participant_id, participant_name="Ani Lestari",
            username="ani", sex="P", waiting_since=None)
        return self.stays[sid]


def _public(s: dict) -> dict:
    hidden = ("org_id", "enrollment_id", "participant_id", "participant_name", "username", "sex", "waiting_since")
    return {**{k: v for k, v in s.items() if k not in hidden}, "roommates": ["Sri"]}


def _room(stays: list[dict]) -> dict:
    return dict(room_id=ROOM, building_id=BUILDING, building_name="Wisma Melati", code="K01", floor=1, sex="P",
                accessible=True, facilities=["ac"], notes="", closed_from=None, closed_until=None, bed_count=2,
                beds=[dict(bed_id=BEDS[0], label="A", stays=stays), dict(bed_id=BEDS[1], label="B", stays=[])])


def create_fake_lodging(public_pem: str) -> AnswerRecorder:
    app = FastAPI()
    store = Store()
    app.state.store = store
    verifier = TokenVerifier(public_pem)

    def claims(request: Request):
        token = bearer_token(request.headers.get("authorization"))
        try:
            return verifier.verify(token) if token else None
        except InvalidToken:
            return None

    def deny(status: int, detail: str) -> JSONResponse:
        return JSONResponse({"detail": detail}, status_code=status)

    @app.get("/me/stays")
    async def mine(request: Request):
        c = claims(request)
        if c is None:
            return deny(401, "Silakan masuk terlebih dahulu")
        return {"items": [_public(store.stay_of(c.sub))], "today": datetime.now(WIB).date().isoformat()}

    @app.api_route("/me/stays/{stay_id}/{action}", methods=["POST", "PUT"])
    async def act(stay_id: str, action: str, request: Request):
        c = claims(request)
        s = store.stays.get(stay_id)
        if c is None or s is None or s["participant_id"] != c.sub:
            return deny(403, "Data menginap ini bukan milik Anda")
        if action == "check-in":
            if s["status"] != "assigned":
                return deny(409, "Anda sudah check-in di kamar ini")
            s.update(status="checked_in", status_label=LABELS["checked_in"], checked_in_at=datetime.now().isoformat())
        elif action == "check-out":
            s.update(status="checked_out", status_label=LABELS["checked_out"])
        elif action == "need":
            s["need"] = (await request.json()).get("need", "")
        return _public(s)

    def admin_only(request: Request):
        c = claims(request)
        return None if c is None or not c.is_admin else c

    @app.get("/admin/organisations")
    async def organisations(request: Request):
        return {"items": [{"org_id": ORG}]} if admin_only(request) else deny(403, "Halaman ini hanya untuk admin/petugas")

    @app.get("/admin/board")
    async def board(request: Request, start: str = "", end: str = ""):
        if not admin_only(request):
            return deny(403, "Halaman ini hanya untuk admin/petugas")
        first = datetime.fromisoformat(start).date() if start else datetime.now(WIB).date()
        nights = [(first + timedelta(days=i)).isoformat() for i in range(7)]
        stays = list(store.stays.values())
        return dict(org_id=ORG, start=nights[0], end=nights[-1], nights=nights, free_beds=[1] * 7,
                    rooms=[_room(stays)], waiting=[], q=request.query_params.get("q", ""),
                    training=request.query_params.get("training", ""))

    @app.get("/admin/stays/{stay_id}")
    async def one(stay_id: str, request: Request):
        s = store.stays.get(stay_id)
        if not admin_only(request) or s is None:
            return deny(404, "Data menginap tidak ditemukan")
        return s

    @app.post("/admin/stays/{stay_id}/reassign")
    async def reassign(stay_id: str, request: Request):
        s = store.stays.get(stay_id)
        if not admin_only(request) or s is None:
            return deny(404, "Data menginap tidak ditemukan")
        bed = (await request.json()).get("bed_id")
        if bed == s["bed_id"]:
            return deny(409, "Peserta sudah menempati tempat tidur itu")
        s.update(bed_id=bed, bed_label="B")
        return s

    @app.get("/admin/dormitory")
    async def dormitory(request: Request):
        if not admin_only(request):
            return deny(403, "Halaman ini hanya untuk admin/petugas")
        return dict(org_id=ORG, arrive_evening_before=False, rooms=[_room([])],
                    buildings=[dict(building_id=BUILDING, name="Wisma Melati", notes="")])

    return AnswerRecorder(app, "lodging")
