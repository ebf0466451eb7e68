"""A small in-memory stand-in for the ukm service, following its HTTP contract."""
from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from gw_recorder import AnswerRecorder
from lokal import wilayah as lw

from balai_platform.auth import InvalidToken, TokenVerifier, bearer_token
from ukm.domain import reference as ref
from ukm.service import views

# the real service's choice lists and labels, so the fake accepts and labels exactly what it does
REF = {**ref.CHOICES, "certificate": ref.CERTIFICATES, "size_class": ref.SIZE_CLASSES}
TEXT = ("name", "owner_name", "address", "specification", "brand", "founded_year", "phone")
OPTIONAL = ("permit_number", "halal_number", "pirt_number", "bpom_number", "haki_number", "social_media")
CHOICES = ("kind", "permit_kind", "category", "legal_form", "capacity_unit", "product_type", "sector",
           "market_segment", "distribution_channel")
COUNTS = ("capacity", "workforce_male", "workforce_female")
MONEY = ("net_profit_month", "assets", "turnover")
REGIONS = ("regency_code", "district_code", "village_code")
FIELDS = TEXT + OPTIONAL + CHOICES + COUNTS + MONEY + REGIONS
PNG, JPEG = b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"


def _now() -> str:
    return datetime.now(UTC).isoformat()


def rupiah(value: str) -> int | None:
    text = "".join(value.split())
    text = text[2:] if text[:2].lower() == "rp" else text
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        return int(text.replace(".", ""))
    return int(text) if re.fullmatch(r"\d+", text) else None


def fmt(amount: int | None) -> str | None:
    return None if amount is None else "Rp " + f"{amount:,}".replace(",", ".")


def validate(d: dict, wanted) -> tuple[dict, dict]:
    clean, errors = {}, {}
    for f in wanted:
        v = str(d.get(f) or "").strip()
        if not v:
            if f in OPTIONAL:
                clean[f] = None
            else:
                errors[f] = "Wajib diisi"
            continue
        if f in CHOICES and v not in REF[f]:
            errors[f] = "Pilih dari daftar"
        elif f in MONEY:
            amount = rupiah(v)
            if amount is None:
                errors[f] = f"{f} harus berupa nilai Rupiah tanpa desimal, contoh: 100.000.000"
            clean[f] = amount
        elif f in COUNTS:
            if not v.isdigit():
                errors[f] = "Harus angka"
            else:
                clean[f] = int(v)
        elif f == "founded_year":
            if not v.isdigit():
                errors[f] = "Tahun berdiri harus angka"
            else:
                clean[f] = int(v)
        elif f in REGIONS and not lw.get_wilayah(v):
            errors[f] = "Wilayah tidak dikenal"
        else:
            clean[f] = v
    if "permit_kind" in clean and clean.get("permit_kind") != "belum_ada":
        number = clean.get("permit_number")
        if not number:
            errors["permit_number"] = "No Izin Usaha wajib diisi"
        elif clean["permit_kind"] == "nib" and not re.fullmatch(r"\d{13}", number):
            errors["permit_number"] = "NIB harus 13 digit angka"
    return clean, errors


class Store:
    def __init__(self, public_pem: str) -> None:
        self.verifier = TokenVerifier(public_pem)
        self.businesses: dict[str, dict] = {}
        self.products: dict[str, dict] = {}
        self.photos: dict[tuple[str, int], bytes] = {}
        self.calls: list[tuple[str, str]] = []

    def publish(self, business_id: str) -> None:
        """What AttendanceConfirmed does: the business's products enter the gallery."""
        b = self.businesses[business_id]
        b["in_gallery"] = True
        b["trainings"] = [{"training_id": str(uuid.uuid4()), "title": "Pemasaran Digital UMKM",
                           "start_date": "2026-01-05", "end_date": "2026-01-08", "org_id": "org-1"}]
        for p in self.products.values():
            if p["business_id"] == business_id:
                p.setdefault("published_at", _now())


def create_fake_ukm(public_pem: str) -> FastAPI:
    app = FastAPI()
    app.add_middleware(AnswerRecorder, service="ukm")
    store = app.state.store = Store(public_pem)

    def err(status: int, detail: str, errors: dict | None = None) -> JSONResponse:
        return JSONResponse({"detail": detail, **({"errors": errors} if errors else {})}, status)

    def claims(request: Request):
        try:
            return store.verifier.verify(bearer_token(request.headers.get("authorization")) or "")
        except InvalidToken:
            return None

    def member(b: dict, c) -> dict | None:
        return next((m for m in b["members"] if c and m["participant_id"] == c.sub), None)

    def can_manage(b: dict, c) -> bool:
        m = member(b, c)
        return bool(c and (c.is_admin or (m and m["status"] == "active")))

    def product_view(p: dict) -> dict:
        """The real ProductPublic view (price range label included) of the fake's product."""
        row = {**p, "photo_count": p["photos"], "unpublished_at": _now() if p["unpublished_reason"] else None}
        return views.product_view(row, lambda pid, n: f"/api/ukm/products/{pid}/photos/{n}")

    def permits(b: dict) -> list[dict]:
        out = [{"kind": b["permit_kind"], "number": b["permit_number"],
                "label": REF["permit_kind"][b["permit_kind"]]}] if b.get("permit_number") else []
        return out + [{"kind": k, "number": b[f"{k}_number"], "label": REF["certificate"][k]}
                      for k in ("halal", "pirt", "bpom", "haki") if b.get(f"{k}_number")]

    def summary(b: dict) -> dict:
        return {"id": b["id"], "kind": b["kind"], "kind_label": REF["kind"][b["kind"]], "name": b["name"],
                "brand": b["brand"], "owner_name": b["owner_name"], "regency_code": b["regency_code"],
                "regency_name": lw.get_wilayah(b["regency_code"]).name, "category": b["category"],
                "category_label": REF["category"][b["category"]], "product_type": b["product_type"]}

    def detail(b: dict, c) -> dict:
        m, allowed = member(b, c), can_manage(b, c)
        out = views.business_public({**b, "regency_name": lw.get_wilayah(b["regency_code"]).name})
        out.update(is_member=bool(m and m["status"] == "active"), my_position=m and m["position"],
                   my_status=m and m["status"], can_edit=allowed,
                   products=[product_view(p) for p in store.products.values() if p["business_id"] == b["id"]],
                   private=None, members=None)
        if allowed:
            out["private"] = {"address": b["address"], "phone": b["phone"], "phone_display": b["phone"],
                              "whatsapp_url": None, "created_at": b["created_at"], "updated_at": b["updated_at"],
                              "capacity": b["capacity"], "capacity_unit": b["capacity_unit"],
                              "capacity_unit_label": REF["capacity_unit"][b["capacity_unit"]],
                              "workforce_male": b["workforce_male"], "workforce_female": b["workforce_female"],
                              "workforce_total": b["workforce_male"] + b["workforce_female"],
                              "size_class": "mikro", "size_class_label": REF["size_class"]["mikro"],
                              **{f: b[f] for f in MONEY}, **{f + "_display": fmt(b[f]) for f in MONEY}}
            out["members"] = [{**m, "position_label": REF["position"][m["position"]]} for m in b["members"]]
        return out

    def audit(b: dict, c, action: str, changes: dict) -> None:
        b["audit"].insert(0, {"id": len(b["audit"]) + 1, "at": _now(), "action": action, "actor_id": c.sub,
                              "actor_role": c.role, "actor_name": c.username, "changes": changes})

    async def photos_of(form) -> tuple[dict[int, bytes], dict[str, str]]:
        out, errors = {}, {}
        for n in (1, 2, 3):
            f = form.get(f"photo_{n}")
            data = await f.read() if f is not None and not isinstance(f, str) else b""
            if data and not data.startswith((PNG, JPEG)):
                errors[f"photo_{n}"] = "File foto harus berupa gambar JPG atau PNG"
            elif data:
                out[n] = data
        return out, errors

    def add_product(business_id: str, name: str, category: str, photos: dict, **extra) -> dict:
        pid = str(uuid.uuid4())
        p = store.products[pid] = {"id": pid, "business_id": business_id, "name": name, "category": category,
                                   "description": extra.get("description", ""), "hidden": False,
                                   "price_min": extra.get("price_min"), "price_max": extra.get("price_max"),
                                   "unpublished_reason": None, "photos": len(photos)}
        for i, data in enumerate(photos.values(), 1):
            store.photos[(pid, i)] = data
        if store.businesses[business_id].get("in_gallery"):
            p["published_at"] = _now()
        return p

    @app.middleware("http")
    async def record(request: Request, call_next):
        store.calls.append((request.method, request.url.path))
        return await call_next(request)

    @app.get("/healthz")
    async def healthz():
        return {"status": "ok"}

    @app.get("/reference")
    async def reference():
        return ref.reference_lists()

    @app.get("/businesses")
    async def search(request: Request, q: str = ""):
        if not claims(request):
            return err(401, "Silakan masuk terlebih dahulu")
        items = [summary(b) for b in store.businesses.values() if q.lower() in b["name"].lower()]
        return {"items": items[:20]}

    @app.get("/businesses/mine")
    async def mine(request: Request):
        c = claims(request)
        out = []
        for b in store.businesses.values():
            m = member(b, c)
            if m:
                out.append({**summary(b), "position": m["position"], "status": m["status"],
                            "position_label": REF["position"][m["position"]]})
        return {"items": out}

    @app.post("/businesses")
    async def register(request: Request):
        c = claims(request)
        if not c or c.role != "peserta":
            return err(403, "Pendaftaran UKM/Koperasi dilakukan oleh peserta")
        form = await request.form()
        clean, errors = validate(form, FIELDS)
        if form.get("position") not in REF["position"]:
            errors["position"] = "Pilih Jabatan UKM dari daftar"
        photos, photo_errors = await photos_of(form)
        errors.update(photo_errors)
        if 1 not in photos and "photo_1" not in errors:
            errors["photo_1"] = "Foto Produk wajib diunggah"
        if errors:
            return err(422, "Data belum valid, periksa isian yang ditandai", errors)
        bid = str(uuid.uuid4())
        b = store.businesses[bid] = {**clean, "id": bid, "audit": [], "created_at": _now(), "updated_at": _now(),
                                     "members": [{
            "participant_id": c.sub, "position": form["position"], "status": "active",
            "full_name": c.username, "joined_at": _now()}]}
        for n, data in photos.items():
            add_product(bid, f"{b['brand']} - {REF['product_type'][b['product_type']]}" + (f" {n}" if n > 1 else ""),
                        b["product_type"], {1: data}, description=b["specification"])
        audit(b, c, "registered", {"position": {"old": None, "new": form["position"]}})
        return JSONResponse(detail(b, c), 201)

    @app.get("/businesses/{bid}")
    async def get_business(bid: str, request: Request):
        c = claims(request)
        if not c:
            return err(401, "Silakan masuk terlebih dahulu")
        b = store.businesses.get(bid)
        return detail(b, c) if b else err(404, "UKM/Koperasi tidak ditemukan")

    @app.patch("/businesses/{bid}")
    async def patch(bid: str, request: Request):
        c, b = claims(request), store.businesses.get(bid)
        if not b:
            return err(404, "UKM/Koperasi tidak ditemukan")
        if not can_manage(b, c):
            return err(403, "Anda bukan anggota UKM/Koperasi ini")
        form = await request.form()
        clean, errors = validate(form, [f for f in FIELDS if f in form])
        if errors:
            return err(422, "Data belum valid, periksa isian yang ditandai", errors)
        changes = {k: {"old": b.get(k), "new": v} for k, v in clean.items() if b.get(k) != v}
        b.update(clean, updated_at=_now())
        if changes:
            audit(b, c, "updated", changes)
        return detail(b, c)

    @app.get("/businesses/{bid}/audit")
    async def audit_log(bid: str, request: Request, page: int = 1, per_page: int = 20):
        c, b = claims(request), store.businesses.get(bid)
        if not b:
            return err(404, "UKM/Koperasi tidak ditemukan")
        if not can_manage(b, c):
            return err(403, "Anda bukan anggota UKM/Koperasi ini")
        items = b["audit"][(page - 1) * per_page: page * per_page]
        return {"items": items, "total": len(b["audit"]), "page": page, "per_page": per_page}

    @app.post("/businesses/{bid}/members", status_code=201)
    async def join(bid: str, request: Request):
        c, b = claims(request), store.businesses.get(bid)
        if not b:
            return err(404, "UKM/Koperasi tidak ditemukan")
        position = (await request.json()).get("position")
        if position not in REF["position"]:
            return err(422, "Data belum valid", {"position": "Pilih Jabatan UKM dari daftar"})
        if member(b, c):
            return err(409, "Anda sudah terdaftar (atau menunggu persetujuan) di UKM/Koperasi ini")
        b["members"].append({"participant_id": c.sub, "position": position, "status": "pending",
                             "full_name": c.username, "joined_at": _now()})
        audit(b, c, "member_requested", {"member": {"old": None, "new": {"position": position}}})
        return {"business_id": bid, "participant_id": c.sub, "position": position, "status": "pending"}

    @app.post("/businesses/{bid}/members/{pid}/approve")
    async def approve(bid: str, pid: str, request: Request):
        c, b = claims(request), store.businesses.get(bid)
        if not can_manage(b, c):
            return err(403, "Anda bukan anggota UKM/Koperasi ini")
        m = next((m for m in b["members"] if m["participant_id"] == pid and m["status"] == "pending"), None)
        if not m:
            return err(404, "Permintaan bergabung tidak ditemukan")
        m["status"] = "active"
        return {"business_id": bid, "participant_id": pid, "position": m["position"], "status": "active"}

    @app.delete("/businesses/{bid}/members/{pid}")
    async def remove(bid: str, pid: str, request: Request):
        c, b = claims(request), store.businesses.get(bid)
        if not can_manage(b, c):
            return err(403, "Anda bukan anggota UKM/Koperasi ini")
        if sum(m["status"] == "active" for m in b["members"]) <= 1 and any(
                m["participant_id"] == pid and m["status"] == "active" for m in b["members"]):
            return err(409, "Anggota terakhir tidak dapat dihapus")
        b["members"] = [m for m in b["members"] if m["participant_id"] != pid]
        return Response(status_code=204)

    @app.post("/businesses/{bid}/products", status_code=201)
    async def create_product(bid: str, request: Request):
        c, b = claims(request), store.businesses.get(bid)
        if not b or not can_manage(b, c):
            return err(403, "Anda bukan anggota UKM/Koperasi ini")
        form = await request.form()
        photos, errors = await photos_of(form)
        if not str(form.get("name") or "").strip():
            errors["name"] = "Nama Produk wajib diisi"
        if form.get("category") not in REF["product_type"]:
            errors["category"] = "Pilih Kategori Produk dari daftar"
        prices = {k: rupiah(str(form.get(k))) if form.get(k) else None for k in ("price_min", "price_max")}
        for k in prices:
            if form.get(k) and prices[k] is None:
                errors[k] = "Harga harus berupa nilai Rupiah"
        if 1 not in photos and "photo_1" not in errors:
            errors["photo_1"] = "Foto Produk wajib diunggah"
        if errors:
            return err(422, "Data belum valid", errors)
        p = add_product(bid, form["name"], form["category"], photos, description=form.get("description") or "",
                        **prices)
        return product_view(p)

    @app.post("/products/{pid}/{action}")
    async def visibility(pid: str, action: str, request: Request):
        c, p = claims(request), store.products.get(pid)
        if not p:
            return err(404, "Produk tidak ditemukan")
        m = member(store.businesses[p["business_id"]], c)
        if not m or m["status"] != "active":
            return err(403, "Anda bukan anggota UKM/Koperasi ini")
        p["hidden"] = action == "hide"
        return product_view(p)

    @app.post("/admin/products/{pid}/{action}")
    async def moderate(pid: str, action: str, request: Request):
        c, p = claims(request), store.products.get(pid)
        if not c or not c.is_admin:
            return err(403, "Halaman ini hanya untuk admin/petugas")
        if action == "unpublish":
            reason = (await request.json()).get("reason") or ""
            if len(reason) < 5:
                return err(422, "Data yang dikirim belum valid", {"reason": "Nilai tidak valid"})
            p["unpublished_reason"] = reason
        else:
            p["unpublished_reason"] = None
        return product_view(p)

    @app.get("/admin/businesses")
    async def admin_list(request: Request, q: str = "", page: int = 1, per_page: int = 20):
        c = claims(request)
        if not c or not c.is_admin:
            return err(403, "Halaman ini hanya untuk admin/petugas")
        rows = [b for b in store.businesses.values() if q.lower() in b["name"].lower()]
        items = [{**summary(b), "size_class": "mikro", "size_class_label": "Usaha Mikro",
                  "assets_display": fmt(b["assets"]), "turnover_display": fmt(b["turnover"]),
                  "created_at": _now()} for b in rows[(page - 1) * per_page: page * per_page]]
        return {"items": items, "total": len(rows), "page": page, "per_page": per_page}

    def visible() -> list[dict]:
        return [p for p in store.products.values() if p.get("published_at") and not p["hidden"]
                and p["unpublished_reason"] is None]

    @app.get("/gallery")
    async def gallery(q: str = "", regency_code: str = "", category: str = "", permit: str = "",
                      page: int = 1, per_page: int = 24, sort: str = "newest"):
        rows = []
        for p in visible():
            b = store.businesses[p["business_id"]]
            kinds = [x["kind"] for x in permits(b)]
            if (q.lower() in (p["name"] + b["name"]).lower() and regency_code in ("", b["regency_code"])
                    and category in ("", p["category"]) and permit in ("", *kinds)):
                rows.append({"product_id": p["id"], "name": p["name"], "category": p["category"],
                             "category_label": REF["product_type"][p["category"]], "price_min": p["price_min"],
                             "price_max": p["price_max"], "price_label": fmt(p["price_min"]),
                             "photo_url": f"/api/ukm/products/{p['id']}/photos/1", "business_id": b["id"],
                             "business_name": b["name"], "brand": b["brand"], "regency_code": b["regency_code"],
                             "regency_name": lw.get_wilayah(b["regency_code"]).name, "permits": kinds,
                             "published_at": p["published_at"]})
        rows.sort(key=lambda r: r["name"] if sort == "name" else r["published_at"], reverse=sort != "name")
        total = len(rows)
        return {"items": rows[(page - 1) * per_page: page * per_page], "total": total, "page": page,
                "per_page": per_page, "pages": (total + per_page - 1) // per_page}

    @app.get("/gallery/{pid}")
    async def gallery_detail(pid: str):
        p = next((p for p in visible() if p["id"] == pid), None)
        if not p:
            return err(404, "Produk tidak ditemukan di galeri")
        b = store.businesses[p["business_id"]]
        business = {**{k: v for k, v in summary(b).items() if k != "product_type"},
                    "specification": b["specification"], "founded_year": b["founded_year"],
                    "legal_form_label": REF["legal_form"].get(b["legal_form"]),
                    "sector_label": REF["sector"].get(b["sector"]),
                    "phone_display": b["phone"], "whatsapp_url": "https://wa.me/6281234567890",
                    "social_media": b["social_media"], "permits": permits(b),
                    "district_name": lw.get_wilayah(b["district_code"]).name,
                    "village_name": lw.get_wilayah(b["village_code"]).name}
        others = [{"product_id": o["id"], "name": o["name"], "photo_url": None} for o in visible()
                  if o["business_id"] == b["id"] and o["id"] != pid]
        product = {k: v for k, v in product_view(p).items() if k not in ("hidden", "unpublished", "unpublished_reason")}
        return {"product": product, "business": business, "trainings": b.get("trainings", []),
                "other_products": others, "published_at": p["published_at"]}

    @app.get("/products/{pid}/photos/{n}")
    async def photo(pid: str, n: int):
        data = store.photos.get((pid, n))
        if data is None:
            return err(404, "Foto tidak ditemukan")
        return Response(data, media_type="image/png", headers={"ETag": '"x"', "Cache-Control": "public, max-age=86400"})

    return app
