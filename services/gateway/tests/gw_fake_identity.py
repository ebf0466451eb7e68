"""A small in-memory stand-in for the identity service, following its HTTP contract."""
from __future__ import annotations

import asyncio
import secrets
import uuid
from datetime import UTC, datetime

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from gw_recorder import AnswerRecorder
from gw_webutil import registration
from lokal import parse_nik, parse_phone
from lokal import wilayah as lw

from balai_platform.auth import InvalidToken, TokenSigner, TokenVerifier, bearer_token
from identity.domain.validation import MARITAL_STATUSES, STEP_FIELDS, mask_nik, validate_fields
from identity.service.registration import NIK_TAKEN

STEPS = STEP_FIELDS


def validate(step: str, d: dict, store: Store, final: bool = False) -> dict[str, str]:
    """The real service's field rules (pure domain code), then uniqueness against the fake's store;
    a taken NIK is told only at the final submission, as identity does (no NIK enumeration)."""
    _, e = validate_fields(d, STEPS[step])
    if (final and step == "data_diri" and "nik" not in e
            and any(p["nik"] == d.get("nik") for p in store.people.values())):
        e["nik"] = NIK_TAKEN
    if step == "akun" and "username" not in e and any(p["username"] == d.get("username")
                                                       for p in store.people.values()):
        e["username"] = "Username sudah digunakan, pilih yang lain"
    return e


class Store:
    def __init__(self, private_pem: str, public_pem: str) -> None:
        self.signer = TokenSigner(private_pem, ttl_seconds=900)
        self.verifier = TokenVerifier(public_pem)
        self.people: dict[str, dict] = {}
        self.refresh: dict[str, str] = {}
        self.mailbox: list[dict] = []
        self.requests: list[dict] = []
        admin_id = str(uuid.uuid4())
        self.people[admin_id] = {"id": admin_id, "username": "admin", "password": "admin12345",
                                 "role": "admin", "org_id": "org-1", "full_name": "Admin Balai",
                                 "nik": None, "created_at": _now()}

    def tokens(self, person: dict) -> dict:
        access = self.signer.sign(sub=person["id"], role=person["role"],
                                  username=person["username"], org=person.get("org_id"))
        refresh = secrets.token_urlsafe(32)
        self.refresh[refresh] = person["id"]
        user = {k: person.get(k) for k in ("id", "username", "role", "full_name", "org_id")}
        return {"access_token": access, "refresh_token": refresh, "token_type": "bearer",
                "expires_in": 900, "user": user}


def _now() -> str:
    return datetime.now(UTC).isoformat()


def private(p: dict) -> dict:
    """ParticipantPrivate, key for key as the real service answers it."""
    out = {k: p.get(k) for k in ("id", "username", "role", "org_id", "full_name", "created_at", "nik", "kk",
                                 "phone", "birth_place", "birth_date", "regency_code", "district_code",
                                 "village_code", "address", "marital_status", "npwp")}
    nik, kk = p.get("nik") or "", p.get("kk") or ""
    for code in ("regency", "district", "village"):
        w = lw.get_wilayah(p.get(f"{code}_code") or "") if p.get(f"{code}_code") else None
        out[f"{code}_name"] = w.name if w else None
    out.update(nik_masked=mask_nik(nik) if nik else None, kk_masked=mask_nik(kk) if kk else None,
               has_photo=bool(p.get("photo")) if nik else None,
               photo_url=f"/api/identity/participants/{p['id']}/photo" if p.get("photo") else None,
               sex=parse_nik(nik).gender if nik else None, phone_wa=p.get("phone"),
               province_code=(p.get("regency_code") or "")[:2] or None,
               marital_status_label=MARITAL_STATUSES.get(p.get("marital_status") or ""))
    return out


def create_fake_identity(private_pem: str, public_pem: str) -> FastAPI:
    app = FastAPI()
    app.add_middleware(AnswerRecorder, service="identity")
    # load the real rules' data (regions, common passwords) now: a first request would take over a second
    for fields in STEPS.values():
        validate_fields(registration(), fields)
    store = app.state.store = Store(private_pem, public_pem)

    def err(status: int, detail: str, errors: dict | None = None) -> JSONResponse:
        return JSONResponse({"detail": detail, **({"errors": errors} if errors else {})}, status)

    def caller(request: Request) -> dict | None:
        try:
            claims = store.verifier.verify(bearer_token(request.headers.get("authorization")) or "")
        except InvalidToken:
            return None
        return store.people.get(claims.sub)

    @app.get("/healthz")
    async def healthz():
        return {"status": "ok"}

    @app.api_route("/echo/{path:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
    async def echo(path: str, request: Request):
        body = await request.body()
        return {"method": request.method, "path": path, "query": str(request.query_params),
                "body": body.decode("latin-1"), "headers": dict(request.headers)}

    @app.get("/slow")
    async def slow():
        await asyncio.sleep(5)
        return {"ok": True}

    @app.get("/big")
    async def big():
        return Response(b"x" * (3 * 1024 * 1024), media_type="application/octet-stream")

    @app.post("/participants/validate")
    async def validate_step(request: Request):
        body = await request.json()
        errors = validate(body["step"], body.get("data") or {}, store)
        return err(422, "Data belum valid", errors) if errors else {"errors": {}}

    @app.post("/participants")
    async def register(request: Request):
        form = await request.form()
        d = {k: v for k, v in form.items() if isinstance(v, str)}
        errors = {}
        for step in STEPS:
            errors.update(validate(step, d, store, final=True))
        photo = form.get("photo")
        content = await photo.read() if photo is not None and not isinstance(photo, str) else b""
        if not content:
            errors["photo"] = "Foto Profil wajib diunggah"
        elif len(content) > 3 * 1024 * 1024:
            errors["photo"] = "Ukuran foto maksimal 3 MB"
        elif not content.startswith((b"\xff\xd8\xff", b"\x89PNG")):
            errors["photo"] = "Foto harus berupa gambar jpg/png"
        if errors:
            return err(422, "Data belum valid", errors)
        pid = str(uuid.uuid4())
        fields = [f for s in STEPS.values() for f in s if f != "password_confirm"] + ["npwp"]
        store.people[pid] = {**{f: d.get(f) for f in fields}, "id": pid, "role": "peserta",
                             "org_id": None, "photo": content, "created_at": _now()}
        return JSONResponse(private(store.people[pid]), 201)

    @app.post("/auth/login")
    async def login(request: Request):
        body = await request.json()
        for p in store.people.values():
            if body.get("login") in (p["username"], p.get("nik")) and body.get("password") == p["password"]:
                return store.tokens(p)
        return err(401, "Username/NIK atau password salah")

    @app.post("/auth/refresh")
    async def refresh(request: Request):
        pid = store.refresh.pop((await request.json()).get("refresh_token"), None)
        return store.tokens(store.people[pid]) if pid else err(401, "Sesi tidak valid")

    @app.post("/auth/logout")
    async def logout(request: Request):
        store.refresh.pop((await request.json()).get("refresh_token"), None)
        return Response(status_code=204)

    @app.post("/auth/password-reset/request")
    async def reset_request(request: Request):
        login_value = (await request.json()).get("login")
        for p in store.people.values():
            if login_value in (p["username"], p.get("nik")):
                token = secrets.token_urlsafe(16)
                p["reset_token"] = token
                store.mailbox.insert(0, {"to": p["username"], "subject": "Reset password",
                                         "body": "...", "link": f"/reset-password?token={token}",
                                         "created_at": _now()})
        return JSONResponse({"detail": "Jika akun ditemukan, tautan reset telah dikirim"}, 202)

    @app.post("/auth/password-reset/confirm")
    async def reset_confirm(request: Request):
        body = await request.json()
        for p in store.people.values():
            if body.get("token") and p.get("reset_token") == body.get("token"):
                if body.get("password") != body.get("password_confirm"):
                    return err(422, "Data belum valid", {"password_confirm": "Konfirmasi password tidak sama"})
                p["password"], p["reset_token"] = body["password"], None
                return Response(status_code=204)
        return err(400, "Tautan reset tidak valid atau kedaluwarsa")

    @app.get("/dev/mailbox")
    async def mailbox():
        return store.mailbox

    @app.get("/me")
    async def me(request: Request):
        p = caller(request)
        return private(p) if p else err(401, "Sesi tidak valid")

    @app.patch("/me")
    async def patch_me(request: Request):
        p = caller(request)
        if not p:
            return err(401, "Sesi tidak valid")
        form = await request.form()
        if form.get("phone") is not None and not parse_phone(str(form["phone"])).valid:
            return err(422, "Data belum valid", {"phone": "No. HP tidak valid"})
        for k, v in form.items():
            if k == "photo" and not isinstance(v, str):
                p["photo"] = await v.read()
            elif isinstance(v, str):
                p[k] = v
        return private(p)

    @app.get("/participants/{pid}/photo")
    async def photo(pid: str, request: Request):
        p, owner = caller(request), store.people.get(pid)
        if not p or not owner or not owner.get("photo") or (p["id"] != pid and p["role"] == "peserta"):
            return err(404, "Tidak ditemukan")
        return Response(owner["photo"], media_type="image/png", headers={"ETag": '"p1"'})

    @app.get("/admin/participants")
    async def admin_list(request: Request, q: str = "", page: int = 1, per_page: int = 20,
                         sort: str = "created_at", order: str = "desc"):
        p = caller(request)
        if not p or p["role"] == "peserta":
            return err(403, "Akses ditolak")
        items = [x for x in store.people.values() if x["role"] == "peserta" and
                 (not q or q.lower() in (x["full_name"] + x["username"] + x["nik"]).lower())]
        items.sort(key=lambda x: x[sort], reverse=order == "desc")
        chunk = items[(page - 1) * per_page: page * per_page]
        keys = ("id", "username", "full_name", "nik_masked", "phone", "regency_name", "created_at")
        return {"items": [{k: private(x)[k] for k in keys} for x in chunk], "total": len(items),
                "page": page, "per_page": per_page}

    @app.get("/admin/participants/{pid}")
    async def admin_detail(pid: str, request: Request):
        p = caller(request)
        if not p or p["role"] == "peserta":
            return err(403, "Akses ditolak")
        return private(store.people[pid]) if pid in store.people else err(404, "Tidak ditemukan")

    return app
