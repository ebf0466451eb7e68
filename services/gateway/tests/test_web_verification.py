"""Verifikasi as the admin's work queue (issue 12): pending applications across trainings with their
waiting time, filters, NIK search through identity, bulk verify / reject reported per row, admin
cancellation on a participant's behalf and the "Hubungi via WhatsApp" link; against the fakes."""
from __future__ import annotations

import re
from urllib.parse import unquote

from gw_webutil import csrf
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


async def test_new_application_is_in_the_queue_and_verified_there(web, admin_web, fake_store, store):  # noqa: F811
    pid = await participant(web, fake_store, store)
    assert (await enroll(web, store.open)).status_code == 303
    e = enrollment_of(store, pid, store.open)
    queue = await admin_web.get("/admin/verifikasi")
    assert queue.status_code == 200
    text = queue.text
    assert "Verifikasi Pendaftaran" in text and "Menunggu verifikasi lebih dari 3 hari kerja" in text
    assert f'value="{e["id"]}"' in text and "Koperasi Modern Angkatan 1" in text and "0 hari kerja" in text
    assert "syarat terpenuhi" in text
    wa = re.search(r'href="(https://wa\.me/6281234567890\?text=[^"]+)"', text).group(1)
    message = unquote(wa.split("text=", 1)[1])
    assert "Bapak/Ibu Ani Lestari" in message and "Koperasi Modern Angkatan 1" in message
    assert "Hubungi via WhatsApp" in text

    bulk = await admin_web.post("/admin/verifikasi", data={"csrf_token": csrf(text), "ids": [e["id"]],
                                                           "action": "verify", f"name-{e['id']}": "Ani Lestari"})
    assert bulk.status_code == 200 and store.enrollments[e["id"]]["status"] == "verified"
    assert "Hasil per pendaftaran" in bulk.text and "Ani Lestari: " in bulk.text
    assert f'value="{e["id"]}"' not in bulk.text  # it left the queue


async def test_filters_search_and_nik_lookup(web, admin_web, fake_store, store):  # noqa: F811
    pid = await participant(web, fake_store, store)
    assert (await enroll(web, store.open)).status_code == 303
    e = enrollment_of(store, pid, store.open)
    e["old"] = True
    overdue = await admin_web.get("/admin/verifikasi", params={"lewat": "1"})
    assert f'value="{e["id"]}"' in overdue.text and "Lewat batas" in overdue.text and "5 hari kerja" in overdue.text
    assert store.calls[-1][2]["overdue"] == "true"
    other = await admin_web.get("/admin/verifikasi", params={"pelatihan": store.full})
    assert f'value="{e["id"]}"' not in other.text
    assert store.calls[-1][2]["training_id"] == store.full
    nik = fake_store.people[pid]["nik"]
    by_nik = await admin_web.get("/admin/verifikasi", params={"q": nik})
    assert f'value="{e["id"]}"' in by_nik.text
    assert store.calls[-1][2]["participant_id"] == pid and "q" not in store.calls[-1][2]  # the NIK stays here
    nobody = await admin_web.get("/admin/verifikasi", params={"q": "3374019999999999"})
    assert f'value="{e["id"]}"' not in nobody.text and "Tidak ada pendaftaran yang menunggu" in nobody.text
    bad = await admin_web.get("/admin/verifikasi", params={"status": "verified", "pelatihan": "x"})
    assert bad.status_code == 200 and "status" not in store.calls[-1][2]
    empty = await admin_web.post("/admin/verifikasi", data={"csrf_token": csrf(overdue.text), "action": "reject",
                                                            "ids": [e["id"]]})
    assert empty.status_code == 422 and "Alasan penolakan wajib diisi" in empty.text
    rejected = await admin_web.post("/admin/verifikasi", data={"csrf_token": csrf(overdue.text), "action": "reject",
                                                               "ids": [e["id"]], "reason": "Kuota wilayah penuh"})
    assert rejected.status_code == 200 and store.enrollments[e["id"]]["status"] == "rejected"
    assert (await web.get("/admin/verifikasi")).status_code == 403


async def test_admin_cancels_on_the_participants_behalf(web, admin_web, fake_store, store):  # noqa: F811
    pid = await participant(web, fake_store, store)
    assert (await enroll(web, store.open)).status_code == 303
    e = enrollment_of(store, pid, store.open)
    detail = await admin_web.get(f"/admin/pendaftaran/{e['id']}")
    assert "Batalkan atas nama peserta" in detail.text and "Hubungi via WhatsApp" in detail.text
    empty = await admin_web.post(f"/admin/pendaftaran/{e['id']}/batal", data={"csrf_token": csrf(detail.text)})
    assert empty.status_code == 422 and "Alasan pembatalan wajib diisi" in empty.text
    done = await admin_web.post(f"/admin/pendaftaran/{e['id']}/batal",
                                data={"csrf_token": csrf(detail.text), "cancel_reason": "Peserta menelepon, sakit"})
    assert done.status_code == 303 and store.enrollments[e["id"]]["status"] == "cancelled"
    assert store.calls[-1] == ("POST", "admin_cancel", {"reason": "Peserta menelepon, sakit"})
    again = await admin_web.post(f"/admin/pendaftaran/{e['id']}/batal",
                                 data={"csrf_token": csrf(detail.text), "cancel_reason": "Lagi"})
    assert again.status_code == 409 and "tidak dapat dibatalkan" in again.text
    history = await web.get("/riwayat")
    assert "Dibatalkan" in history.text
    peserta = await admin_web.get(f"/admin/pelatihan/{store.open}/peserta")
    assert "Hubungi via WhatsApp" in peserta.text
