"""File materials of online class modules, through the gateway: upload checks, limits, who may download."""
from __future__ import annotations

from datetime import datetime, timedelta

import httpx
import pytest

from services.training.tests.support import API, WIB, enroll, login, new_training, png, synced_participants

pytestmark = pytest.mark.integration
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as c:
        yield c


async def online_training(client, admin) -> tuple[str, str]:
    t = await new_training(client, admin, mode="online", venue="",
                           end_date=(datetime.now(WIB).date() + timedelta(days=30)).isoformat())
    r = await client.post(f"{API}/admin/trainings/{t['id']}/modules", json={"title": "Materi 1", "content": "Isi"},
                          headers=admin)
    assert r.status_code == 201, r.text
    return t["id"], r.json()["id"]


async def upload(client, mid: str, headers, name: str, data: bytes, ctype: str = "application/pdf"):
    return await client.post(f"{API}/admin/modules/{mid}/files", files={"file": (name, data, ctype)},
                             headers=headers)


async def test_module_files_upload_limits_and_download(balai_stack, client):
    admin = await login(client, "admin.jateng")
    tid, mid = await online_training(client, admin)
    other_tid, _ = await online_training(client, admin)

    r = await upload(client, mid, admin, "../Modul Pemasaran.pdf", PDF)
    assert r.status_code == 201, r.text
    pdf = r.json()
    assert pdf == {**pdf, "filename": "Modul Pemasaran.pdf", "content_type": "application/pdf", "size": len(PDF),
                   "url": f"{API}/modules/{mid}/files/{pdf['id']}"}
    r = await upload(client, mid, admin, "bukan-pdf.pdf", b"Ini hanya catatan teks biasa.\n")
    assert r.status_code == 422 and r.json()["errors"]["file"] == "Materi harus berupa PDF, JPG atau PNG"
    r = await upload(client, mid, await login(client, "admin.jatim"), "lain.pdf", PDF)
    assert r.status_code == 403
    for i in range(3):
        assert (await upload(client, mid, admin, f"gambar{i}.png", png(), "image/png")).status_code == 201
    assert (await upload(client, mid, admin, "kelima.pdf", PDF)).status_code == 201
    r = await upload(client, mid, admin, "keenam.pdf", PDF)
    assert r.status_code == 422 and r.json()["errors"]["file"] == "Maksimal 5 berkas per modul"

    (pid, bid, me), (pid2, bid2, other) = await synced_participants(balai_stack, client, 2)
    eid = (await enroll(client, tid, bid, me)).json()["id"]
    eid2 = (await enroll(client, other_tid, bid2, other)).json()["id"]
    url = pdf["url"]
    assert (await client.get(url, headers=me)).status_code == 403  # not verified yet
    for e in (eid, eid2):
        assert (await client.post(f"{API}/admin/enrollments/{e}/verify", headers=admin)).status_code == 200
    view = (await client.get(f"{API}/enrollments/{eid}/class", headers=me)).json()
    files = view["modules"][0]["files"]
    assert [f["filename"] for f in files][0] == "Modul Pemasaran.pdf" and len(files) == 5

    r = await client.get(url, headers=me)
    assert r.status_code == 200 and r.content == PDF
    assert r.headers["content-type"] == "application/pdf"
    assert r.headers["cache-control"] == "private, max-age=3600"
    assert r.headers["content-disposition"].startswith('attachment; filename="Modul Pemasaran.pdf"')
    etag = r.headers["etag"]
    r = await client.get(url, headers={**me, "If-None-Match": etag})
    assert r.status_code == 304 and r.content == b""
    assert (await client.get(url, headers=other)).status_code == 403  # in another training's class
    assert (await client.get(url)).status_code == 401
    assert (await client.get(url, headers=admin)).status_code == 200
    assert (await client.get(url, headers=await login(client, "admin.jatim"))).status_code == 403

    listed = (await client.get(f"{API}/admin/trainings/{tid}/modules", headers=admin)).json()["items"]
    assert len(listed[0]["files"]) == 5
    r = await client.delete(f"{API}/admin/modules/{mid}/files/{pdf['id']}", headers=admin)
    assert r.status_code == 204
    assert (await client.get(url, headers=me)).status_code == 404
    assert (await upload(client, mid, admin, "pengganti.pdf", PDF)).status_code == 201
    assert (await client.delete(f"{API}/admin/modules/{mid}", headers=admin)).status_code == 204
    assert (await client.get(f"{API}/enrollments/{eid}/class", headers=me)).json()["modules"] == []
