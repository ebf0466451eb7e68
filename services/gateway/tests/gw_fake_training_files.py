"""File materials of the fake training service's modules, following the service's HTTP contract."""
from __future__ import annotations

import hashlib
import uuid
from urllib.parse import unquote

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import UploadFile

MAGIC = {b"%PDF-": "application/pdf", b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png"}
WRONG_TYPE = "Materi harus berupa PDF, JPG atau PNG"
IN_CLASS = ("verified", "confirmed", "completed")


def add_file_routes(app: FastAPI, store, claims, admin, err) -> None:
    """Routes on `app`; every module dict of `store.modules` gets a ``files`` list; bytes in store.blobs."""
    store.blobs = {}  # file id -> (bytes, content type, module id)

    def module(mid: str) -> tuple[str, dict] | tuple[None, None]:
        for tid, mods in store.modules.items():
            for m in mods:
                if m["id"] == mid:
                    return tid, m
        return None, None

    @app.post("/admin/modules/{mid}/files", status_code=201)
    async def upload(mid: str, request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        _, m = module(mid)
        if m is None:
            return err(404, "Materi tidak ditemukan")
        f = (await request.form()).get("file")
        data = await f.read() if isinstance(f, UploadFile) else b""
        ctype = next((t for magic, t in MAGIC.items() if data.startswith(magic)), None)
        if ctype is None:
            return err(422, WRONG_TYPE, {"file": WRONG_TYPE})
        if len(data) > 3 * 1024 * 1024:
            return err(422, "Ukuran materi maksimal 3 MB", {"file": "Ukuran materi maksimal 3 MB"})
        if len(m.setdefault("files", [])) >= 5:
            return err(422, "Maksimal 5 berkas per modul", {"file": "Maksimal 5 berkas per modul"})
        fid = str(uuid.uuid4())
        view = {"id": fid, "filename": unquote(f.filename), "content_type": ctype, "size": len(data),
                "url": f"/api/training/modules/{mid}/files/{fid}"}
        m["files"].append(view)
        store.blobs[fid] = (data, ctype, mid)
        return JSONResponse(view, 201)

    @app.delete("/admin/modules/{mid}/files/{fid}", status_code=204)
    async def delete(mid: str, fid: str, request: Request):
        c, bad = admin(request)
        if bad:
            return bad
        _, m = module(mid)
        if m is None or fid not in store.blobs:
            return err(404, "Berkas materi tidak ditemukan")
        m["files"] = [f for f in m["files"] if f["id"] != fid]
        del store.blobs[fid]
        return Response(status_code=204)

    @app.get("/modules/{mid}/files/{fid}")
    async def download(mid: str, fid: str, request: Request):
        c = claims(request)
        if c is None:
            return err(401, "Silakan masuk terlebih dahulu")
        tid, m = module(mid)
        blob = store.blobs.get(fid)
        if m is None or blob is None or blob[2] != mid:
            return err(404, "Berkas materi tidak ditemukan")
        if not c.is_admin and not any(e["training_id"] == tid and e["participant_id"] == c.sub
                                      and e["status"] in IN_CLASS for e in store.enrollments.values()):
            return err(403, "Anda tidak berhak mengunduh materi ini")
        name = next(f["filename"] for f in m["files"] if f["id"] == fid)
        etag = '"' + hashlib.sha256(blob[0]).hexdigest() + '"'
        headers = {"ETag": etag, "Cache-Control": "private, max-age=3600",
                   "Content-Disposition": f'attachment; filename="{name}"'}
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers=headers)
        return Response(blob[0], media_type=blob[1], headers=headers)
