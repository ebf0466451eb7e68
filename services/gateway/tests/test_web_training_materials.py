"""File materials of online class modules: the admin's upload/delete forms and the participant's
download links, against the fake training service."""
from __future__ import annotations

import re

from gw_webutil import csrf, png_bytes
from test_web_training import (  # noqa: F401 - fixtures
    admin_web,
    enroll,
    enrollment_of,
    participant,
    store,
    training_gateway,
    training_server,
    web,
)

PDF = b"%PDF-1.4\n%%EOF\n" + b"x" * 2000


async def test_admin_uploads_and_participant_downloads(web, admin_web, fake_store, store):  # noqa: F811
    tid = store.online
    mod = store.modules[tid][0]
    base = f"/admin/pelatihan/{tid}/kelas/materi/{mod['id']}/berkas"
    editor = await admin_web.get(f"/admin/pelatihan/{tid}/kelas")
    assert "Unggah materi (PDF/JPG/PNG, maks. 3 MB)" in editor.text
    assert f'action="{base}" enctype="multipart/form-data"' in editor.text
    token = csrf(editor.text)

    no_csrf = await admin_web.post(base, files={"file": ("modul.pdf", PDF, "application/pdf")})
    assert no_csrf.status_code == 403 and not mod.get("files")
    empty = await admin_web.post(base, data={"csrf_token": token})
    assert empty.status_code == 422 and "Pilih berkas materi" in empty.text
    text = await admin_web.post(base, data={"csrf_token": token},
                                files={"file": ("catatan.pdf", b"hanya teks", "application/pdf")})
    assert text.status_code == 422 and "Materi harus berupa PDF, JPG atau PNG" in text.text
    ok = await admin_web.post(base, data={"csrf_token": token},
                              files={"file": ("Modul 1.pdf", PDF, "application/pdf")})
    assert ok.status_code == 303 and ok.headers["location"] == f"/admin/pelatihan/{tid}/kelas"
    assert (await admin_web.post(base, data={"csrf_token": token},
                                 files={"file": ("bagan.png", png_bytes(), "image/png")})).status_code == 303
    assert [f["filename"] for f in mod["files"]] == ["Modul 1.pdf", "bagan.png"]
    editor = await admin_web.get(f"/admin/pelatihan/{tid}/kelas")
    assert "Berkas materi terunggah." in editor.text and "Modul 1.pdf</a> (2 KB)" in editor.text
    assert editor.text.count("Hapus berkas") == 2

    pid = await participant(web, fake_store, store)
    assert (await enroll(web, tid, ticks=())).status_code == 303
    enrollment_of(store, pid, tid)["status"] = "verified"
    page = await web.get(f"/kelas/{enrollment_of(store, pid, tid)['id']}")
    assert "Unduh Modul 1.pdf (2 KB)" in page.text and "Unduh bagan.png (1 KB)" in page.text
    link = re.search(r'href="(/materi-pelatihan/[^"]+)" download>Unduh Modul 1.pdf', page.text).group(1)
    got = await web.get(link)
    assert got.status_code == 200 and got.content == PDF
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["content-disposition"] == 'attachment; filename="Modul 1.pdf"'
    assert got.headers["cache-control"] == "private, max-age=3600"
    again = await web.get(link, headers={"If-None-Match": got.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    assert (await admin_web.get(link)).status_code == 200

    assert (await web.post("/logout", data={"csrf_token": csrf(page.text)})).status_code == 303
    assert (await web.get(link)).status_code == 404  # signed out
    await participant(web, fake_store, store)  # a participant of no class
    assert (await web.get(link)).status_code == 404

    fid = mod["files"][0]["id"]
    gone = await admin_web.post(f"{base}/{fid}/hapus", data={"csrf_token": token})
    assert gone.status_code == 303 and [f["filename"] for f in mod["files"]] == ["bagan.png"]
    assert (await admin_web.get(link)).status_code == 404
