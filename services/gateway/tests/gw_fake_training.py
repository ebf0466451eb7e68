"""A small in-memory stand-in for the training service, following its HTTP contract."""
from __future__ import annotations

import io
import uuid
from dataclasses import asdict, fields
from datetime import UTC, date, datetime, timedelta, timezone

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from gw_fake_training_files import add_file_routes
from gw_recorder import AnswerRecorder
from PIL import Image

from balai_platform.auth import InvalidToken, TokenVerifier, bearer_token
from training.domain import eligibility, lifecycle
from training.service import views

WIB = timezone(timedelta(hours=7))


def wib_today() -> date:
    """Today in WIB, as the services and the gateway count days (UTC's date lags 7 hours)."""
    return datetime.now(WIB).date()

# the real service's words and rules (pure domain code), so the fake cannot drift from them
LABELS, REG, MODE_LABELS = lifecycle.LABELS, lifecycle.REG_LABELS, views.MODE_LABELS
REQUIREMENT_KEYS = {f.name for f in fields(eligibility.Requirements)}
ORG = "0b0a1a10-0000-4000-8000-000000000001"


def _now() -> datetime:
    return datetime.now(UTC)


def err(status: int, detail: str, errors: dict | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail, **({"errors": errors} if errors else {})}, status)


def rp(n: int) -> str:
    return "Rp " + f"{n:,}".replace(",", ".")


def is_blue(data: bytes) -> bool:
    img = Image.open(io.BytesIO(data)).convert("RGB")
    r, g, b = img.getpixel((0, 0))
    return b > 120 and b > r + 40 and b > g + 20


class Store:
    def __init__(self) -> None:
        self.trainings: dict[str, dict] = {}
        self.businesses: dict[str, list[dict]] = {}  # participant id -> businesses
        self.people: dict[str, dict] = {}  # participant id -> {full_name, age}
        self.enrollments: dict[str, dict] = {}
        self.files: dict[tuple[str, str], bytes] = {}
        self.testimonials: dict[str, dict] = {}
        self.modules: dict[str, list[dict]] = {}
        self.quiz: dict[str, list[dict]] = {}
        self.attempts: dict[str, dict] = {}
        self.progress: dict[str, set] = {}
        self.attendance: dict[str, dict] = {}
        self.calls: list[tuple[str, str, object]] = []
        today = wib_today()
        self.open = self.add_training(title="Koperasi Modern", start=today + timedelta(days=14), days=4,
                                      opens=-3, closes=10, quota=30,
                                      req=dict(age_max=50, assets_min=10_000_000, workforce_min=1),
                                      checklist=["NIB", "Usia Maksimal 50 tahun"])
        self.full = self.add_training(title="Sistem Pengendalian Internal (SPI)", start=today + timedelta(days=21),
                                      days=5, opens=-7, closes=14, quota=1, taken=1)
        self.closed = self.add_training(title="Manajerial Bagi Koperasi", start=today + timedelta(days=3), days=4,
                                        opens=-20, closes=-1, quota=30)
        self.online = self.add_training(title="Pemasaran Digital", mode="online", start=today - timedelta(days=1),
                                        days=30, opens=-5, closes=20, quota=200, evaluation=True)
        self.modules[self.online] = [
            {"id": str(uuid.uuid4()), "position": 1, "title": "Mengenal pasar online", "content": "Isi materi 1",
             "link": "https://contoh.id/materi1"},
            {"id": str(uuid.uuid4()), "position": 2, "title": "Foto produk", "content": "Isi materi 2", "link": ""}]
        self.quiz[self.online] = [{"id": str(uuid.uuid4()), "text": "Apa itu marketplace?",
                                   "options": ["Pasar daring", "Gudang"], "correct": 0}]

    def add_training(self, *, title: str, start: date, days: int, opens: int, closes: int, quota: int,
                     mode: str = "residential", taken: int = 0, req: dict | None = None,
                     checklist: list | None = None, evaluation: bool = False) -> str:
        tid = str(uuid.uuid4())
        now = _now()
        self.trainings[tid] = dict(
            id=tid, org_id=ORG, title=title, batch=1, kind="Reguler", level="Dasar", mode=mode,
            venue="" if mode == "online" else "Balatkop UKM Jawa Tengah, Semarang", description="Deskripsi.",
            start_date=start.isoformat(), end_date=(start + timedelta(days=days - 1)).isoformat(),
            registration_opens_at=(now + timedelta(days=opens)).isoformat(),
            registration_closes_at=(now + timedelta(days=closes)).isoformat(),
            quota=quota, seats_taken=taken, hours=days * 8, requirements=req or {}, checklist=checklist or [],
            min_attendance_percent=80, has_evaluation=evaluation, pass_mark=70 if evaluation else None,
            whatsapp_link="https://chat.whatsapp.com/DemoGrup", quiz_pass_mark=70, quiz_max_attempts=3,
            closed_at=None)
        return tid

    def status(self, t: dict) -> str:
        return lifecycle.registration_status(
            _now(), datetime.fromisoformat(t["registration_opens_at"]),
            datetime.fromisoformat(t["registration_closes_at"]), t["seats_taken"], t["quota"],
            t["closed_at"] is not None)

    def public(self, t: dict) -> dict:
        s = self.status(t)
        d0, d1 = date.fromisoformat(t["start_date"]), date.fromisoformat(t["end_date"])
        labels = views.requirement_labels(t["requirements"])
        out = {k: v for k, v in t.items() if k not in ("whatsapp_link", "quiz_pass_mark", "quiz_max_attempts",
                                                       "closed_at")}
        out.update(display_title=f"{t['title']} Angkatan {t['batch']}", kind_level=f"{t['kind']} - {t['level']}",
                   mode_label=MODE_LABELS[t["mode"]], date_range_label=f"{d0:%d-%m-%Y} - {d1:%d-%m-%Y}",
                   seats_left=max(0, t["quota"] - t["seats_taken"]), requirement_labels=labels, status=s,
                   status_label=REG[s], can_register=s == "daftar", closed=t["closed_at"] is not None)
        return out

    def admin(self, t: dict) -> dict:
        counts = {s: 0 for s in LABELS}
        for e in self.enrollments.values():
            if e["training_id"] == t["id"]:
                counts[e["status"]] += 1
        return {**self.public(t), "whatsapp_link": t["whatsapp_link"], "quiz_pass_mark": t["quiz_pass_mark"],
                "quiz_max_attempts": t["quiz_max_attempts"], "closed_at": t["closed_at"], "counts": counts}

    def results(self, t: dict, pid: str, b: dict) -> list[dict]:
        """The real eligibility check; a participant's age stands in for a birth date."""
        today = wib_today()
        age = self.people.get(pid, {}).get("age", 30)
        person = eligibility.ParticipantFacts(birth_date=date(today.year - age, 1, 1), regency_code="33.74")
        business = eligibility.BusinessFacts(assets=b["assets"], turnover=b["turnover"],
                                             workforce=b["workforce_total"], permits=frozenset(b["permits"]),
                                             regency_code="33.74")
        req = eligibility.Requirements(**{k: tuple(v) if isinstance(v, list) else v
                                          for k, v in t["requirements"].items() if k in REQUIREMENT_KEYS})
        return [asdict(r) for r in eligibility.check(req, person, business, today)]

    def view(self, e: dict, admin: bool = False, detail: bool = True) -> dict:
        """EnrollmentPublic; a single enrollment (`detail`) also lists its product photos."""
        t = self.trainings[e["training_id"]]
        st, online = e["status"], t["mode"] == "online"
        actions = lifecycle.participant_actions(st, t["mode"], e["id"] in self.testimonials)
        show_wa = st in ("confirmed", "completed") or (online and st == "verified")
        pub = self.public(t)
        out = dict(id=e["id"], training_id=t["id"], training_title=pub["display_title"], org_id=ORG,
                   participant_id=e["participant_id"], participant_name=e["participant_name"],
                   business_id=e["business_id"], business_name=e["business_name"], kind_level=pub["kind_level"],
                   mode=t["mode"], start_date=t["start_date"], end_date=t["end_date"],
                   date_range_label=pub["date_range_label"], venue=t["venue"], status=st, status_label=LABELS[st],
                   rejection_reason=e.get("rejection_reason"), submitted_at=e["submitted_at"],
                   verified_at=None, waitlisted_at=None, confirmed_at=e.get("confirmed_at"), cancelled_at=None,
                   completed_at=None, attendance_percent=None, score=e.get("score"),
                   whatsapp_link=t["whatsapp_link"] if (show_wa or admin) else None,
                   actions=[] if admin else actions,
                   confirmation_photo_url=f"/api/training/enrollments/{e['id']}/confirmation-photo"
                   if e.get("confirmed_at") else None)
        if detail:
            out["product_photo_urls"] = [f"/api/training/enrollments/{e['id']}/photos/{n}" for n in (1, 2)
                                         if (e["id"], f"photo_{n}") in self.files]
        if admin:
            out.update(eligibility=e["eligibility"], ticks=e["ticks"], username=e.get("username"), sex="P",
                       participant_regency="Kota Semarang", participant_phone_wa=e.get("phone_wa"))
        return out


def create_fake_training(public_pem: str) -> FastAPI:
    app = FastAPI()
    app.add_middleware(AnswerRecorder, service="training")
    store = app.state.store = Store()
    verifier = TokenVerifier(public_pem)

    def claims(request: Request):
        try:
            return verifier.verify(bearer_token(request.headers.get("authorization")) or "")
        except InvalidToken:
            return None

    def participant(request: Request):
        c = claims(request)
        if c is None:
            return None, err(401, "Silakan masuk terlebih dahulu")
        if c.role != "peserta":
            return None, err(403, "Fitur ini hanya untuk peserta")
        return c, None

    def admin(request: Request):
        c = claims(request)
        if c is None:
            return None, err(401, "Silakan masuk terlebih dahulu")
        if not c.is_admin:
            return None, err(403, "Halaman ini hanya untuk admin/petugas")
        return c, None

    def own(request: Request, eid: str):
        c, bad = participant(request)
        if bad:
            return None, bad
        e = store.enrollments.get(eid)
        if e is None:
            return None, err(404, "Pendaftaran tidak ditemukan")
        if e["participant_id"] != c.sub:
            return None, err(403, "Anda tidak berhak mengubah pendaftaran ini")
        return e, None

    @app.get("/healthz")
    async def healthz():
        return {"status": "ok"}

    @app.get("/trainings")
    async def schedule(q: str = "", mode: str = "", month: str = "", open_only: bool = False, page: int = 1,
                       per_page: int = 10):
        store.calls.append(("GET", "/trainings", dict(q=q, mode=mode, month=month, open_only=open_only, page=page)))
        items = [store.public(t) for t in store.trainings.values()]
        items = [i for i in items if q.lower() in i["title"].lower() and (not mode or i["mode"] == mode)
                 and (not month or i["start_date"].startswith(month)) and (not open_only or i["can_register"])]
        items.sort(key=lambda i: i["start_date"])
        return {"items": items[(page - 1) * per_page:page * per_page], "total": len(items), "page": page,
                "per_page": per_page}

    @app.get("/trainings/{tid}")
    async def training(tid: str):
        t = store.trainings.get(tid)
        return store.public(t) if t else err(404, "Pelatihan tidak ditemukan")

    @app.get("/trainings/{tid}/testimonials")
    async def testimonials(tid: str, page: int = 1):
        if tid not in store.trainings:
            return err(404, "Pelatihan tidak ditemukan")
        items = [x for x in store.testimonials.values() if x["training_id"] == tid and not x["hidden"]]
        avg = round(sum(x["rating"] for x in items) / len(items), 1) if items else 0
        return {"training_id": tid, "training_title": store.public(store.trainings[tid])["display_title"], "average_rating": avg,
                "total": len(items), "items": items, "page": page, "per_page": 10}

    @app.get("/my/businesses")
    async def my_businesses(request: Request):
        c, bad = participant(request)
        return bad or {"items": store.businesses.get(c.sub, [])}

    def business_of(pid: str, bid: str):
        return next((b for b in store.businesses.get(pid, []) if b["id"] == bid), None)

    def active(tid: str, pid: str):
        return next((e for e in store.enrollments.values() if e["training_id"] == tid and e["participant_id"] == pid
                     and e["status"] not in ("cancelled", "rejected")), None)

    @app.get("/trainings/{tid}/eligibility")
    async def eligibility(tid: str, business_id: str, request: Request):
        c, bad = participant(request)
        if bad:
            return bad
        t = store.trainings.get(tid)
        if t is None:
            return err(404, "Pelatihan tidak ditemukan")
        b = business_of(c.sub, business_id)
        if b is None:
            return err(403, "Anda tidak terdaftar sebagai pemilik/pengurus usaha ini")
        results = store.results(t, c.sub, b)
        s = store.status(t)
        existing = active(tid, c.sub)
        return dict(training_id=tid, business_id=business_id, business_name=b["name"],
                    eligible=all(r["ok"] for r in results), results=results, checklist=t["checklist"],
                    registration_status=s, registration_label=REG[s], already_enrolled=existing is not None,
                    enrollment_id=existing["id"] if existing else None)

    @app.post("/trainings/{tid}/enrollments", status_code=201)
    async def enroll(tid: str, request: Request):
        c, bad = participant(request)
        if bad:
            return bad
        form = await request.form()
        t = store.trainings.get(tid)
        if t is None:
            return err(404, "Pelatihan tidak ditemukan")
        b = business_of(c.sub, str(form.get("business_id") or ""))
        if b is None:
            return err(422, "Data belum valid", {"business_id": "Pilih UKM / Koperasi yang akan mengikuti pelatihan"})
        if active(tid, c.sub):
            return err(409, "Anda sudah terdaftar pada pelatihan ini")
        s = store.status(t)
        if s != "daftar":
            return err(409, "Kuota pelatihan sudah penuh" if s == "penuh" else REG[s])
        results = store.results(t, c.sub, b)
        errors = {r["key"]: r["message"] for r in results if not r["ok"]}
        ticks = sorted({int(v) for v in form.getlist("ticks")})
        if ticks != list(range(len(t["checklist"]))):
            errors["ticks"] = "Centang semua syarat pelatihan"
        photos = {}
        for n in ("photo_1", "photo_2"):
            f = form.get(n)
            if f is not None and not isinstance(f, str):
                data = await f.read()
                if data and not data.startswith((b"\x89PNG", b"\xff\xd8\xff")):
                    errors[n] = "File foto harus berupa gambar JPG atau PNG"
                elif data:
                    photos[n] = data
        if errors:
            unmet = any(r["key"] in errors for r in results)
            return err(422, "Anda belum memenuhi syarat pelatihan ini" if unmet else
                       "Data belum valid, periksa isian yang ditandai", errors)
        eid = str(uuid.uuid4())
        e = dict(id=eid, training_id=tid, participant_id=c.sub, participant_name=store.people.get(c.sub, {}).get(
            "full_name", c.username), username=c.username, business_id=b["id"], business_name=b["name"],
            status="submitted", submitted_at=_now().isoformat(), ticks=ticks, eligibility=results,
            phone_wa=store.people.get(c.sub, {}).get("phone_wa", "6281234567890"))
        store.enrollments[eid] = e
        for n, data in photos.items():
            store.files[(eid, n)] = data
        return JSONResponse(store.view(e), 201)

    @app.get("/enrollments/mine")
    async def mine(request: Request):
        c, bad = participant(request)
        if bad:
            return bad
        items = [store.view(e, detail=False) for e in store.enrollments.values()
                 if e["participant_id"] == c.sub][::-1]
        return {"items": items, "total": len(items), "completed_count": sum(i["status"] == "completed" for i in items)}

    @app.get("/enrollments/{eid}")
    async def get_enrollment(eid: str, request: Request):
        c = claims(request)
        if c is None:
            return err(401, "Silakan masuk terlebih dahulu")
        e = store.enrollments.get(eid)
        if e is None:
            return err(404, "Pendaftaran tidak ditemukan")
        if not c.is_admin and e["participant_id"] != c.sub:
            return err(403, "Anda tidak berhak melihat pendaftaran ini")
        return store.view(e, admin=c.is_admin)

    @app.post("/enrollments/{eid}/cancel")
    async def cancel(eid: str, request: Request):
        e, bad = own(request, eid)
        if bad:
            return bad
        if not lifecycle.can("cancel", e["status"]):
            return err(409, lifecycle.TransitionError("cancel", e["status"]).message)
        body = await request.json() if await request.body() else {}
        store.calls.append(("POST", "cancel", body))
        e["status"] = "cancelled"
        return store.view(e)

    @app.post("/enrollments/{eid}/confirm")
    async def confirm(eid: str, request: Request):
        e, bad = own(request, eid)
        if bad:
            return bad
        form = await request.form()
        f = form.get("photo")
        data = await f.read() if f is not None and not isinstance(f, str) else b""
        if not data:
            return err(422, "Foto wajib diunggah", {"photo": "Foto wajib diunggah"})
        if not is_blue(data):
            return err(422, "Latar belakang foto harus berwarna biru", {"photo": "Latar belakang foto harus berwarna biru"})
        if not lifecycle.can("confirm", e["status"]):
            return err(409, lifecycle.TransitionError("confirm", e["status"]).message)
        e.update(status="confirmed", confirmed_at=_now().isoformat())
        store.files[(eid, "confirmation")] = data
        return store.view(e)

    def file(eid: str, key: str, request: Request):
        c = claims(request)
        e = store.enrollments.get(eid)
        if c is None or e is None or (not c.is_admin and e["participant_id"] != c.sub):
            return err(404 if c else 401, "Foto tidak ditemukan")
        data = store.files.get((eid, key))
        if data is None:
            return err(404, "Foto tidak ditemukan")
        return Response(data, media_type="image/png", headers={"ETag": '"x"'})

    @app.get("/enrollments/{eid}/photos/{n}")
    async def product_photo(eid: str, n: int, request: Request):
        return file(eid, f"photo_{n}", request)

    @app.get("/enrollments/{eid}/confirmation-photo")
    async def confirmation_photo(eid: str, request: Request):
        return file(eid, "confirmation", request)

    @app.put("/enrollments/{eid}/testimonial")
    async def testimonial(eid: str, request: Request):
        e, bad = own(request, eid)
        if bad:
            return bad
        body = await request.json()
        errors = {}
        if body.get("rating") not in (1, 2, 3, 4, 5):
            errors["rating"] = "Nilai minimal 1"
        if not (body.get("text") or "").strip():
            errors["text"] = "Teks terlalu pendek"
        if errors:
            return err(422, "Data yang dikirim belum valid", errors)
        if "testimonial" not in store.view(e)["actions"] and "edit_testimonial" not in store.view(e)["actions"]:
            return err(409, "Testimoni dapat diisi setelah konfirmasi pelatihan")
        store.testimonials[eid] = dict(id=str(uuid.uuid4()), training_id=e["training_id"], rating=body["rating"],
                                       text=body["text"], participant_name="Ani L.", hidden=False,
                                       created_at=_now().isoformat(), updated_at=_now().isoformat())
        return await testimonials(e["training_id"])

    # -- online class
    def module_view(m: dict) -> dict:
        return {k: m.get(k) for k in ("id", "position", "title", "content", "link")}

    def class_state(e: dict) -> dict:
        mods = store.modules.get(e["training_id"], [])
        done = store.progress.setdefault(e["id"], set())
        atts = [a for a in store.attempts.values() if a["enrollment_id"] == e["id"]]
        scores = [a["score"] for a in atts if a.get("score") is not None]
        open_a = next((a for a in atts if a.get("score") is None), None)
        t = store.trainings[e["training_id"]]
        return dict(enrollment_id=e["id"], status=e["status"], status_label=LABELS[e["status"]],
                    modules=[{**module_view(m), "completed": m["id"] in done, "files": m.get("files", [])}
                             for m in mods],
                    modules_done=len(done), modules_total=len(mods),
                    quiz=dict(questions=len(store.quiz.get(e["training_id"], [])), pass_mark=t["quiz_pass_mark"],
                              max_attempts=t["quiz_max_attempts"], attempts_used=len(atts),
                              best_score=max(scores) if scores else None,
                              passed=any(a.get("passed") for a in atts),
                              open_attempt_id=open_a["id"] if open_a else None))

    def in_class(request: Request, eid: str):
        e, bad = own(request, eid)
        if bad:
            return None, bad
        if store.trainings[e["training_id"]]["mode"] != "online":
            return None, err(409, "Pelatihan ini bukan kelas online")
        if e["status"] not in ("verified", "confirmed", "completed"):
            return None, err(409, "Kelas dapat dibuka setelah pendaftaran diverifikasi")
        return e, None

    @app.get("/enrollments/{eid}/class")
    async def class_view(eid: str, request: Request):
        e, bad = in_class(request, eid)
        return bad or class_state(e)

    @app.post("/enrollments/{eid}/modules/{mid}/complete")
    async def complete(eid: str, mid: str, request: Request):
        e, bad = in_class(request, eid)
        if bad:
            return bad
        store.progress.setdefault(eid, set()).add(mid)
        return class_state(e)

    @app.post("/enrollments/{eid}/quiz/attempts", status_code=201)
    async def start(eid: str, request: Request):
        e, bad = in_class(request, eid)
        if bad:
            return bad
        s = class_state(e)
        if s["modules_done"] < s["modules_total"]:
            return err(409, "Selesaikan semua materi sebelum mengerjakan evaluasi")
        if s["quiz"]["open_attempt_id"]:
            a = store.attempts[s["quiz"]["open_attempt_id"]]
        else:
            a = dict(id=str(uuid.uuid4()), enrollment_id=eid, number=s["quiz"]["attempts_used"] + 1)
            store.attempts[a["id"]] = a
        paper = [{"id": q["id"], "text": q["text"], "options": [{"id": i, "text": o} for i, o in enumerate(q["options"])]}
                 for q in store.quiz[e["training_id"]]]
        return JSONResponse({"attempt_id": a["id"], "number": a["number"], "questions": paper}, 201)

    @app.post("/enrollments/{eid}/quiz/attempts/{aid}/submit")
    async def submit(eid: str, aid: str, request: Request):
        e, bad = in_class(request, eid)
        if bad:
            return bad
        answers = (await request.json())["answers"]
        qs = store.quiz[e["training_id"]]
        score = sum(answers.get(q["id"]) == q["correct"] for q in qs) * 100 // len(qs)
        a = store.attempts[aid]
        a.update(score=score, passed=score >= 70)
        completed = a["passed"]
        if completed:
            e["status"] = "completed"
        return {"attempt_id": aid, "score": score, "passed": a["passed"], "pass_mark": 70,
                "attempts_left": 3 - a["number"], "completed": completed}

    # -- admin
    @app.get("/admin/trainings")
    async def admin_list(request: Request, q: str = "", page: int = 1, per_page: int = 20):
        c, bad = admin(request)
        if bad:
            return bad
        items = [store.admin(t) for t in store.trainings.values() if q.lower() in t["title"].lower()]
        return {"items": items, "total": len(items), "page": page, "per_page": per_page}

    def check_body(body: dict, partial: bool) -> dict:
        errors = {}
        for k in ("title", "kind", "level", "mode", "start_date", "end_date", "registration_opens_at",
                  "registration_closes_at", "quota", "hours", "batch"):
            if not partial and not body.get(k):
                errors[k] = "Wajib diisi"
        if body.get("title") is not None and len(body.get("title") or "") < 3:
            errors["title"] = "Teks terlalu pendek"
        for k, v in (body.get("requirements") or {}).items():
            if k.startswith("age") and v is not None and v > 120:
                errors[f"requirements.{k}"] = "Nilai maksimal 120"
        return errors

    @app.post("/admin/trainings", status_code=201)
    async def admin_create(request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        body = await request.json()
        store.calls.append(("POST", "/admin/trainings", body))
        errors = check_body(body, False)
        if errors:
            return err(422, "Data yang dikirim belum valid", errors)
        req = dict(body.get("requirements") or {})
        tid = store.add_training(title=body["title"], start=date.fromisoformat(body["start_date"]), days=1,
                                 opens=-1, closes=5, quota=body["quota"], mode=body["mode"],
                                 req={k: v for k, v in req.items() if k != "checklist"},
                                 checklist=req.get("checklist") or [])
        t = store.trainings[tid]
        t.update(end_date=body["end_date"], registration_opens_at=body["registration_opens_at"],
                 registration_closes_at=body["registration_closes_at"], whatsapp_link=body.get("whatsapp_link", ""),
                 batch=body["batch"], hours=body["hours"])
        return JSONResponse(store.admin(t), 201)

    @app.get("/admin/trainings/{tid}")
    async def admin_get(tid: str, request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        t = store.trainings.get(tid)
        return store.admin(t) if t else err(404, "Pelatihan tidak ditemukan")

    @app.patch("/admin/trainings/{tid}")
    async def admin_edit(tid: str, request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        body = await request.json()
        store.calls.append(("PATCH", tid, body))
        errors = check_body(body, True)
        if errors:
            return err(422, "Data yang dikirim belum valid", errors)
        t = store.trainings[tid]
        req = dict(body.pop("requirements", None) or {})
        t.update({k: v for k, v in body.items() if k in t})
        t["requirements"] = {k: v for k, v in req.items() if k != "checklist" and v not in (None, [])}
        t["checklist"] = req.get("checklist") or []
        return store.admin(t)

    @app.get("/admin/trainings/{tid}/enrollments")
    async def admin_enrollments(tid: str, request: Request, status: str = "", q: str = "", page: int = 1,
                                per_page: int = 50):
        c, bad = admin(request)
        if bad:
            return bad
        items = [store.view(e, admin=True, detail=False) for e in store.enrollments.values() if e["training_id"] == tid
                 and (not status or e["status"] == status) and q.lower() in (e["participant_name"] or "").lower()]
        return {"items": items, "total": len(items), "page": page, "per_page": per_page}

    @app.get("/admin/enrollments/queue")
    async def queue(request: Request, training_id: str = "", status: str = "", overdue: bool = False, q: str = "",
                    participant_id: str = "", page: int = 1, per_page: int = 50):
        c, bad = admin(request)
        if bad:
            return bad
        store.calls.append(("GET", "queue", dict(request.query_params)))
        pending = sorted((e for e in store.enrollments.values() if e["status"] in ("submitted", "waitlisted")),
                         key=lambda e: e["submitted_at"])
        rows = []
        for e in pending:
            waited = 5 if e.get("old") else 0
            item = {**store.view(e, admin=True, detail=False), "working_days_waiting": waited, "overdue": waited > 3}
            if ((not training_id or e["training_id"] == training_id) and (not status or e["status"] == status)
                    and (not overdue or item["overdue"]) and (not participant_id or e["participant_id"] == participant_id)
                    and q.lower() in ((e["participant_name"] or "") + " " + (e.get("username") or "")).lower()):
                rows.append(item)
        per_training: dict = {}
        for e in pending:
            n = per_training.setdefault(e["training_id"], [0, 0])
            n[0] += 1
            n[1] += 1 if e.get("old") else 0
        trainings = [dict(id=tid, title=store.public(store.trainings[tid])["display_title"], waiting=w, overdue=o)
                     for tid, (w, o) in per_training.items()]
        return {"items": rows[(page - 1) * per_page: page * per_page], "total": len(rows), "page": page,
                "per_page": per_page, "working_days": 3, "waiting": len(pending),
                "overdue": sum(o for _, o in per_training.values()), "trainings": trainings}

    @app.post("/admin/enrollments/{eid}/cancel")
    async def admin_cancel(eid: str, request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        body = (await request.json()) or {}
        store.calls.append(("POST", "admin_cancel", body))
        reason = (body.get("reason") or "").strip()
        if not reason:
            return err(422, "Data belum valid", {"reason": "Alasan pembatalan wajib diisi"})
        e = store.enrollments.get(eid)
        if e is None:
            return err(404, "Pendaftaran tidak ditemukan")
        try:
            lifecycle.require("cancel", e["status"])
        except ValueError as exc:
            return err(409, str(exc))
        e.update(status="cancelled", cancel_reason=reason)
        return {"id": eid, "status": "cancelled", "status_label": LABELS["cancelled"]}

    @app.get("/admin/enrollments/overdue")
    async def overdue(request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        items = [dict(id=e["id"], training_id=e["training_id"], training_title=store.public(
            store.trainings[e["training_id"]])["display_title"], org_id=ORG, participant_name=e["participant_name"],
            business_name=e["business_name"], submitted_at=e["submitted_at"], working_days_waiting=5)
            for e in store.enrollments.values() if e["status"] == "submitted" and e.get("old")]
        return {"items": items, "total": len(items), "working_days": 3}

    @app.get("/admin/enrollments/{eid}")
    async def admin_enrollment(eid: str, request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        e = store.enrollments.get(eid)
        return store.view(e, admin=True) if e else err(404, "Pendaftaran tidak ditemukan")

    def do_verify(e: dict) -> str:
        lifecycle.require("verify", e["status"])  # TransitionError is a ValueError
        t = store.trainings[e["training_id"]]
        if t["seats_taken"] >= t["quota"]:
            e["status"] = "waitlisted"
        else:
            t["seats_taken"] += 1
            e["status"] = "verified"
        return e["status"]

    def do_reject(e: dict, reason: str) -> str:
        lifecycle.require("reject", e["status"])
        e.update(status="rejected", rejection_reason=reason)
        return "rejected"

    @app.post("/admin/enrollments/{eid}/verify")
    async def verify(eid: str, request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        try:
            s = do_verify(store.enrollments[eid])
        except ValueError as exc:
            return err(409, str(exc))
        return {"id": eid, "status": s, "status_label": LABELS[s]}

    @app.post("/admin/enrollments/{eid}/reject")
    async def reject(eid: str, request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        reason = ((await request.json()) or {}).get("reason", "").strip()
        if not reason:
            return err(422, "Data belum valid", {"reason": "Alasan penolakan wajib diisi"})
        try:
            s = do_reject(store.enrollments[eid], reason)
        except ValueError as exc:
            return err(409, str(exc))
        return {"id": eid, "status": s, "status_label": LABELS[s]}

    @app.post("/admin/enrollments/bulk")
    async def bulk(request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        body = await request.json()
        store.calls.append(("POST", "bulk", body))
        results = []
        for eid in body["enrollment_ids"]:
            try:
                e = store.enrollments[eid]
                s = do_verify(e) if body["action"] == "verify" else do_reject(e, body.get("reason", ""))
                results.append(dict(id=eid, ok=True, status=s))
            except (ValueError, KeyError) as exc:
                results.append(dict(id=eid, ok=False, detail=str(exc)))
        summary = {s: sum(r.get("status") == s for r in results) for s in ("verified", "waitlisted", "rejected")}
        return {"results": results, "summary": summary, "failed": sum(not r["ok"] for r in results)}

    @app.get("/admin/trainings/{tid}/attendance")
    async def attendance(tid: str, request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        t = store.trainings[tid]
        d0, d1 = date.fromisoformat(t["start_date"]), date.fromisoformat(t["end_date"])
        days = [(d0 + timedelta(days=i)).isoformat() for i in range((d1 - d0).days + 1)]
        items = []
        for e in store.enrollments.values():
            if e["training_id"] == tid and e["status"] in ("verified", "confirmed", "completed", "not_completed"):
                marks = store.attendance.get(e["id"], {})
                items.append(dict(enrollment_id=e["id"], participant_name=e["participant_name"], status=e["status"],
                                  status_label=LABELS[e["status"]], score=e.get("score"), days=marks,
                                  attendance_percent=sum(marks.values()) * 100 // len(days)))
        return {"training_id": tid, "days": days, "min_attendance_percent": 80, "items": items}

    @app.put("/admin/trainings/{tid}/attendance")
    async def record(tid: str, request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        body = await request.json()
        store.calls.append(("PUT", "attendance", body))
        if body["day"] > wib_today().isoformat():
            return err(422, "Data belum valid", {"day": "Presensi belum dapat diisi untuk hari yang akan datang"})
        for r in body["records"]:
            store.attendance.setdefault(r["enrollment_id"], {})[body["day"]] = r["present"]
        return await attendance(tid, request)

    @app.put("/admin/enrollments/{eid}/score")
    async def score(eid: str, request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        body = await request.json()
        store.enrollments[eid]["score"] = body["score"]
        return {"enrollment_id": eid, "score": body["score"]}

    @app.post("/admin/trainings/{tid}/close")
    async def close(tid: str, request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        t = store.trainings[tid]
        if wib_today().isoformat() < t["end_date"]:
            return err(409, "Pelatihan baru dapat ditutup pada hari terakhir pelaksanaan")
        t["closed_at"] = _now().isoformat()
        return {"training_id": tid, "completed": 0, "not_completed": 0, "closed_at": t["closed_at"]}

    @app.get("/admin/trainings/{tid}/modules")
    async def modules(tid: str, request: Request):
        c, bad = admin(request)
        return bad or {"items": [{**module_view(m), "files": m.get("files", [])} for m in store.modules.get(tid, [])]}

    @app.post("/admin/trainings/{tid}/modules", status_code=201)
    async def add_module(tid: str, request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        body = await request.json()
        m = {"id": str(uuid.uuid4()), "position": len(store.modules.get(tid, [])) + 1, "content": "", "link": "",
             **body}
        store.modules.setdefault(tid, []).append(m)
        return JSONResponse({**module_view(m), "files": []}, 201)

    @app.patch("/admin/modules/{mid}")
    async def edit_module(mid: str, request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        body = await request.json()
        for mods in store.modules.values():
            for m in mods:
                if m["id"] == mid:
                    m.update(body)
                    return module_view(m)
        return err(404, "Materi tidak ditemukan")

    @app.delete("/admin/modules/{mid}", status_code=204)
    async def delete_module(mid: str, request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        for tid, mods in store.modules.items():
            store.modules[tid] = [m for m in mods if m["id"] != mid]
        return Response(status_code=204)

    @app.get("/admin/trainings/{tid}/quiz")
    async def get_quiz(tid: str, request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        t = store.trainings[tid]
        return {"pass_mark": t["quiz_pass_mark"], "max_attempts": t["quiz_max_attempts"],
                "questions": store.quiz.get(tid, [])}

    @app.put("/admin/trainings/{tid}/quiz")
    async def set_quiz(tid: str, request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        body = await request.json()
        store.calls.append(("PUT", "quiz", body))
        store.trainings[tid].update(quiz_pass_mark=body["pass_mark"], quiz_max_attempts=body["max_attempts"])
        store.quiz[tid] = [{"id": str(uuid.uuid4()), **q} for q in body["questions"]]
        return await get_quiz(tid, request)

    @app.get("/admin/testimonials")
    async def admin_testimonials(request: Request, training_id: str = ""):
        c, bad = admin(request)
        if bad:
            return bad
        items = [x for x in store.testimonials.values() if not training_id or x["training_id"] == training_id]
        return {"items": items, "total": len(items), "page": 1, "per_page": 20}

    @app.post("/admin/testimonials/{xid}/moderate")
    async def moderate(xid: str, request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        body = await request.json()
        for x in store.testimonials.values():
            if x["id"] == xid:
                x["hidden"] = body["hidden"]
                return x
        return err(404, "Testimoni tidak ditemukan")

    add_file_routes(app, store, claims, admin, err)
    return app
