"""Training pages (Jadwal, Daftar, Riwayat, Konfirmasi, Testimoni, kelas online, admin) against a
fake training service on a real socket."""
from __future__ import annotations

import io
import re
from datetime import date, timedelta

import httpx
import pytest
from gw_fake_training import create_fake_training, wib_today
from gw_servers import gateway_settings, start_server
from gw_webutil import csrf, login, png_bytes, register, registration
from PIL import Image

from gateway.main import create_app
from gateway.web.static_files import static_url

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")


@pytest.fixture(scope="session")
async def training_server(keypair):
    app = create_fake_training(keypair[1])
    running = await start_server(app)
    running.app = app
    yield running
    await running.stop()


@pytest.fixture(scope="session")
async def training_gateway(identity_server, ukm_server, training_server, keypair):
    settings = gateway_settings(identity_server.url, keypair[1])
    settings.service_urls.update(ukm=ukm_server.url, training=training_server.url)
    running = await start_server(create_app(settings))
    yield running
    await running.stop()


@pytest.fixture
def store(training_server):
    return training_server.app.state.store


@pytest.fixture
async def web(training_gateway):
    async with httpx.AsyncClient(base_url=training_gateway.url, timeout=10) as c:
        yield c


@pytest.fixture
async def admin_web(training_gateway):
    async with httpx.AsyncClient(base_url=training_gateway.url, timeout=10) as c:
        resp = await login(c, "admin", "admin12345")
        assert resp.status_code == 303
        yield c


def photo(color=(30, 90, 200)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (80, 80), color).save(buf, "PNG")
    return buf.getvalue()


async def participant(client, fake_store, store, *, business: bool = True, assets: int = 100_000_000) -> str:
    data = registration()
    assert (await register(client, data)).status_code == 303
    pid = next(p["id"] for p in fake_store.people.values() if p["username"] == data["username"])
    store.people[pid] = {"full_name": "Ani Lestari", "age": 30}
    if business:
        store.businesses[pid] = [{"id": f"b-{pid[:8]}", "name": "UKM Roti Enak", "brand": "Roti", "kind": "ukm",
                                  "position": "pemilik", "assets": assets, "turnover": 100_000_000,
                                  "workforce_total": 2, "permits": ["nib"], "regency_name": "Kota Semarang"}]
    return pid


async def enroll(client, training_id: str, ticks=("0", "1"), **files):
    form = await client.get(f"/jadwal/{training_id}/daftar")
    assert form.status_code == 200, form.text
    bid = re.search(r'name="business_id" value="([^"]+)"', form.text).group(1)
    upload = {k: (f"{k}.png", v, "image/png") for k, v in files.items()}
    return await client.post(f"/jadwal/{training_id}/daftar",
                             data={"csrf_token": csrf(form.text), "business_id": bid, "ticks": list(ticks)},
                             files=upload or None)


def enrollment_of(store, pid: str, training_id: str) -> dict:
    return next(e for e in store.enrollments.values()
                if e["participant_id"] == pid and e["training_id"] == training_id)


async def test_schedule_is_public_with_status_per_row(web, store):
    resp = await web.get("/jadwal")
    assert resp.status_code == 200
    text = resp.text
    for header in ("Jadwal Pelatihan", ">No<", "Judul Pelatihan", "Tanggal", "Status"):
        assert header in text
    assert f'href="/jadwal/{store.open}/daftar"' in text and "Koperasi Modern Angkatan 1" in text
    assert f'href="/jadwal/{store.closed}/daftar"' not in text and f'href="/jadwal/{store.full}/daftar"' not in text
    assert "Pendaftaran tidak bisa dilakukan, sudah melewati batas waktu pendaftaran" in text and ">Penuh<" in text
    assert any(m in text for m in MONTHS) and "Sisa kuota" in text
    online = await web.get("/jadwal", params={"mode": "online"})
    assert "Pemasaran Digital" in online.text and "Koperasi Modern" not in online.text
    assert 'value="online" selected' in online.text
    empty = await web.get("/jadwal", params={"q": "tidak-ada-pelatihan-ini"})
    assert "Belum ada jadwal pelatihan yang cocok." in empty.text
    await web.get("/jadwal", params={"month": "2025-07", "buka": "1", "page": "2"})
    assert store.calls[-1][2] == dict(q="", mode="", month="2025-07", open_only=True, page=2)
    bad = await web.get("/jadwal", params={"month": "juli", "mode": "x"})
    assert bad.status_code == 200 and store.calls[-1][2]["month"] == ""


async def test_detail_shows_requirements_dates_and_testimonials(web, store):
    resp = await web.get(f"/jadwal/{store.open}")
    assert resp.status_code == 200
    t = store.trainings[store.open]
    end = date.fromisoformat(t["end_date"])
    assert f"{end.day} {MONTHS[end.month - 1]} {end.year}" in resp.text and "WIB" in resp.text
    assert "Usia maksimal 50 tahun" in resp.text and "Syarat Pelatihan" in resp.text and "NIB" in resp.text
    assert "Rata-rata Penilaian" in resp.text and "Belum ada testimoni" in resp.text
    assert "Masuk untuk mendaftar" in resp.text
    assert (await web.get("/jadwal/00000000-0000-4000-8000-000000000000")).status_code == 404
    assert (await web.get("/jadwal/..%2Fadmin")).status_code == 404


async def test_register_needs_login_and_a_business(web, fake_store, store):
    resp = await web.get(f"/jadwal/{store.open}/daftar")
    assert resp.status_code == 303 and resp.headers["location"].startswith("/?next=")
    await participant(web, fake_store, store, business=False)
    resp = await web.get(f"/jadwal/{store.open}/daftar")
    assert resp.status_code == 200 and 'href="/ukm/daftar"' in resp.text
    assert "Anda belum memiliki UKM/Koperasi" in resp.text and 'name="ticks"' not in resp.text


async def test_register_shows_eligibility_and_enrolls(web, fake_store, store):
    pid = await participant(web, fake_store, store)
    form = await web.get(f"/jadwal/{store.open}/daftar")
    text = form.text
    assert "Daftar Pelatihan" in text and "UKM / Koperasi yang akan mengikuti pelatihan" in text
    assert "Rp 100.000.000 (Aset memenuhi syarat)" in text and "Tenaga Kerja" in text and "Umur" in text
    assert "Umur anda memenuhi syarat" in text and "Foto Produk 1" in text and "Foto Produk 2" in text
    assert "Syarat Pelatihan" in text and "*silahkan klik/centang" in text and ">DAFTAR<" in text
    assert '<label for="f-tick-0">NIB</label>' in text
    missing = await enroll(web, store.open, ticks=("0",))
    assert missing.status_code == 422 and "Centang semua syarat pelatihan" in missing.text
    assert 'value="0" checked' in missing.text
    ok = await enroll(web, store.open, photo_1=png_bytes())
    assert ok.status_code == 303 and ok.headers["location"] == "/riwayat"
    history = await web.get("/riwayat")
    assert "Pendaftaran pelatihan berhasil dikirim" in history.text
    for text in ("Riwayat Pelatihan", "Data Pelatihan", "Status Verifikasi", "Aksi", "Belum diverifikasi",
                 "Koperasi Modern Angkatan 1", "UKM Roti Enak"):
        assert text in history.text
    e = enrollment_of(store, pid, store.open)
    assert f'href="/riwayat/{e["id"]}/batal"' in history.text and "Konfirmasi Pelatihan" not in history.text
    again = await web.get(f"/jadwal/{store.open}/daftar")
    assert "Anda sudah terdaftar pada pelatihan ini." in again.text
    full = await web.get(f"/jadwal/{store.full}/daftar")
    assert "Pendaftaran tidak dapat dilakukan: Penuh" in full.text and 'name="ticks"' not in full.text
    conflict = await web.post(f"/jadwal/{store.full}/daftar", data={"csrf_token": csrf(full.text),
                                                                    "business_id": e["business_id"]})
    assert conflict.status_code == 409 and "Kuota pelatihan sudah penuh" in conflict.text


async def test_unmet_requirements_and_conflicts_are_explained(web, fake_store, store):
    await participant(web, fake_store, store, assets=5_000_000)
    form = await web.get(f"/jadwal/{store.open}/daftar")
    assert "Aset Rp 5.000.000, minimal Rp 10.000.000" in form.text and "Tidak memenuhi syarat" in form.text
    resp = await enroll(web, store.open)
    assert resp.status_code == 422 and "Anda belum memenuhi syarat pelatihan ini" in resp.text
    store.trainings[store.open]["seats_taken"] = store.trainings[store.open]["quota"]
    try:
        resp = await web.post(f"/jadwal/{store.open}/daftar",
                              data={"csrf_token": csrf(form.text), "business_id": "x"})
        assert resp.status_code == 422 and "Pilih UKM / Koperasi" in resp.text
    finally:
        store.trainings[store.open]["seats_taken"] = 0
    no_token = await web.post(f"/jadwal/{store.open}/daftar", data={"business_id": "x"})
    assert no_token.status_code == 403


async def test_verify_confirm_with_blue_photo_then_testimonial(web, admin_web, fake_store, store):
    pid = await participant(web, fake_store, store)
    assert (await enroll(web, store.open)).status_code == 303
    eid = enrollment_of(store, pid, store.open)["id"]

    peserta = await admin_web.get(f"/admin/pelatihan/{store.open}/peserta")
    assert peserta.status_code == 200 and "Verifikasi terpilih" in peserta.text and "Tolak terpilih" in peserta.text
    assert f'value="{eid}"' in peserta.text and "Belum diverifikasi (" in peserta.text
    bulk = await admin_web.post(f"/admin/pelatihan/{store.open}/peserta",
                                data={"csrf_token": csrf(peserta.text), "ids": [eid], "action": "verify"})
    assert bulk.status_code == 303
    result = await admin_web.get(bulk.headers["location"])
    assert "Hasil: 1 diverifikasi, 0 masuk daftar tunggu, 0 ditolak, 0 gagal." in result.text

    history = await web.get("/riwayat")
    assert "Sudah diverifikasi" in history.text and f'href="/riwayat/{eid}/konfirmasi"' in history.text
    page = await web.get(f"/riwayat/{eid}/konfirmasi")
    assert "Konfirmasi Kehadiran Pelatihan" in page.text and "Harap upload foto dengan background biru" in page.text
    assert ">KONFIRMASI<" in page.text
    white = await web.post(f"/riwayat/{eid}/konfirmasi", data={"csrf_token": csrf(page.text)},
                           files={"photo": ("putih.png", photo((250, 250, 250)), "image/png")})
    assert white.status_code == 422 and "Latar belakang foto harus berwarna biru" in white.text
    assert 'aria-invalid="true"' in white.text
    none = await web.post(f"/riwayat/{eid}/konfirmasi", data={"csrf_token": csrf(page.text)})
    assert none.status_code == 422 and "Foto wajib diunggah" in none.text
    blue = await web.post(f"/riwayat/{eid}/konfirmasi", data={"csrf_token": csrf(page.text)},
                          files={"photo": ("biru.png", photo(), "image/png")})
    assert blue.status_code == 303
    done = await web.get(blue.headers["location"])
    assert "Konfirmasi kehadiran berhasil." in done.text and "https://chat.whatsapp.com/DemoGrup" in done.text
    img = await web.get(f"/berkas-pelatihan/{eid}/konfirmasi")
    assert img.status_code == 200 and img.headers["content-type"] == "image/png"
    assert (await admin_web.get(f"/berkas-pelatihan/{eid}/konfirmasi")).status_code == 200

    dash = await web.get("/dashboard")
    assert "Sudah konfirmasi" in dash.text and "Jumlah Pelatihan Yang Pernah Diikuti" in dash.text
    assert static_url("training.css") in dash.text

    form = await web.get(f"/riwayat/{eid}/testimoni")
    assert "KIRIM ULASAN" in form.text and 'type="radio"' in form.text and "Rata-rata Penilaian" in form.text
    bad = await web.post(f"/riwayat/{eid}/testimoni", data={"csrf_token": csrf(form.text), "text": ""})
    assert bad.status_code == 422 and 'id="e-rating"' in bad.text
    sent = await web.post(f"/riwayat/{eid}/testimoni",
                          data={"csrf_token": csrf(form.text), "rating": "5", "text": "Sangat baik"})
    assert sent.status_code == 303
    public = await web.get(f"/jadwal/{store.open}")
    assert "Sangat baik" in public.text and "5.0 dari 5 (1 ulasan)" in public.text
    moderation = await admin_web.get(f"/admin/testimoni?training_id={store.open}")
    assert "Sangat baik" in moderation.text and "Sembunyikan" in moderation.text
    tid = store.testimonials[eid]["id"]
    hide = await admin_web.post(f"/admin/testimoni/{tid}",
                                data={"csrf_token": csrf(moderation.text), "hidden": "1",
                                      "training_id": store.open})
    assert hide.status_code == 303 and store.testimonials[eid]["hidden"] is True


async def test_cancel_asks_first(web, fake_store, store):
    pid = await participant(web, fake_store, store)
    assert (await enroll(web, store.open)).status_code == 303
    eid = enrollment_of(store, pid, store.open)["id"]
    ask = await web.get(f"/riwayat/{eid}/batal")
    assert "Ya, batalkan pendaftaran" in ask.text and "Koperasi Modern Angkatan 1" in ask.text
    done = await web.post(f"/riwayat/{eid}/batal", data={"csrf_token": csrf(ask.text), "reason": "Sakit"})
    assert done.status_code == 303 and store.enrollments[eid]["status"] == "cancelled"
    assert store.calls[-1] == ("POST", "cancel", {"reason": "Sakit"})
    again = await web.post(f"/riwayat/{eid}/batal", data={"csrf_token": csrf(ask.text)})
    assert again.status_code == 409 and "tidak dapat dibatalkan" in again.text


async def test_admin_reject_with_reason_and_overdue(web, admin_web, fake_store, store):
    pid = await participant(web, fake_store, store)
    assert (await enroll(web, store.open)).status_code == 303
    e = enrollment_of(store, pid, store.open)
    e["old"] = True
    overdue = await admin_web.get("/admin/verifikasi")
    assert "Menunggu verifikasi lebih dari 3 hari kerja" in overdue.text and "5 hari kerja" in overdue.text
    detail = await admin_web.get(f"/admin/pendaftaran/{e['id']}")
    assert "Aset memenuhi syarat" in detail.text and "NIB: <strong>Dicentang" in detail.text
    empty = await admin_web.post(f"/admin/pendaftaran/{e['id']}/tolak", data={"csrf_token": csrf(detail.text)})
    assert empty.status_code == 422 and "Alasan penolakan wajib diisi" in empty.text
    rejected = await admin_web.post(f"/admin/pendaftaran/{e['id']}/tolak",
                                    data={"csrf_token": csrf(detail.text), "reason": "Kuota wilayah penuh"})
    assert rejected.status_code == 303 and store.enrollments[e["id"]]["status"] == "rejected"
    history = await web.get("/riwayat")
    assert "Ditolak" in history.text and "Alasan: Kuota wilayah penuh" in history.text
    bulk = await admin_web.post(f"/admin/pelatihan/{store.open}/peserta",
                                data={"csrf_token": csrf(detail.text), "ids": [e["id"]], "action": "reject"})
    assert bulk.status_code == 422 and "Alasan penolakan wajib diisi" in bulk.text
    assert (await web.get("/admin/pelatihan")).status_code == 403


async def test_admin_creates_and_edits_a_training(admin_web, store):
    listing = await admin_web.get("/admin/pelatihan")
    assert "Tambah Pelatihan" in listing.text and "Koperasi Modern Angkatan 1" in listing.text
    form = await admin_web.get("/admin/pelatihan/baru")
    for label in ("Judul Pelatihan", "Pendaftaran dibuka (WIB)", "Syarat Pelatihan (dicentang peserta)",
                  "Aset minimal (Rp)", "Tautan grup WhatsApp"):
        assert label in form.text
    data = {"csrf_token": csrf(form.text), "title": "Pelatihan Batik", "batch": "2", "kind": "Reguler",
            "level": "Dasar", "mode": "residential", "venue": "Semarang", "description": "",
            "start_date": "2030-03-02", "end_date": "2030-03-05", "registration_opens_at": "2030-02-01T08:00",
            "registration_closes_at": "2030-02-20T23:00", "quota": "30", "hours": "32",
            "whatsapp_link": "https://chat.whatsapp.com/Batik", "min_attendance_percent": "80",
            "req_age_max": "50", "req_assets_min": "10.000.000", "req_permits": ["nib"],
            "req_regencies": "33.74, 33.22", "req_checklist": "NIB\n\nUsia Maksimal 50 tahun\n"}
    bad = await admin_web.post("/admin/pelatihan/baru", data={**data, "quota": "banyak"})
    assert bad.status_code == 422 and 'id="e-quota"' in bad.text and 'value="Pelatihan Batik"' in bad.text
    created = await admin_web.post("/admin/pelatihan/baru", data=data)
    assert created.status_code == 303, created.text
    body = store.calls[-1][2]
    assert body["registration_opens_at"] == "2030-02-01T08:00:00+07:00" and body["quota"] == 30
    assert body["requirements"] == {"age_max": 50, "assets_min": 10_000_000, "permits": ["nib"],
                                    "regencies": ["33.74", "33.22"],
                                    "checklist": ["NIB", "Usia Maksimal 50 tahun"]}
    tid = next(t for t, v in store.trainings.items() if v["title"] == "Pelatihan Batik")
    edit = await admin_web.get(f"/admin/pelatihan/{tid}/edit")
    assert "NIB\nUsia Maksimal 50 tahun</textarea>" in edit.text and 'value="50"' in edit.text
    service_error = await admin_web.post(f"/admin/pelatihan/{tid}/edit", data={**data, "req_age_max": "130"})
    assert service_error.status_code == 422 and 'id="e-req_age_max"' in service_error.text
    assert "Nilai maksimal 120" in service_error.text
    saved = await admin_web.post(f"/admin/pelatihan/{tid}/edit", data={**data, "title": "Pelatihan Batik Tulis"})
    assert saved.status_code == 303 and store.trainings[tid]["title"] == "Pelatihan Batik Tulis"
    assert "org_id" not in store.calls[-1][2]


async def test_attendance_grid_scores_and_close(web, admin_web, fake_store, store):
    today = wib_today()
    tid = store.add_training(title="Presensi Uji", start=today - timedelta(days=1), days=3, opens=-10,
                             closes=5, quota=10, evaluation=True)
    pid = await participant(web, fake_store, store)
    assert (await enroll(web, tid, ticks=())).status_code == 303
    eid = enrollment_of(store, pid, tid)["id"]
    store.enrollments[eid]["status"] = "verified"
    sheet = await admin_web.get(f"/admin/pelatihan/{tid}/presensi")
    assert sheet.status_code == 200 and "Tutup Pelatihan" in sheet.text and "Simpan Presensi dan Nilai" in sheet.text
    tomorrow = (today + timedelta(days=1)).isoformat()
    assert re.search(rf'value="{eid}\|{tomorrow}"[^>]*disabled', sheet.text)
    store.calls.clear()
    saved = await admin_web.post(f"/admin/pelatihan/{tid}/presensi",
                                 data={"csrf_token": csrf(sheet.text),
                                       "hadir": [f"{eid}|{(today - timedelta(days=1)).isoformat()}"],
                                       f"nilai_{eid}": "85"})
    assert saved.status_code == 303
    days = [c[2]["day"] for c in store.calls if c[1] == "attendance"]
    assert days == [(today - timedelta(days=1)).isoformat(), today.isoformat()]
    assert store.attendance[eid] == {days[0]: True, days[1]: False} and store.enrollments[eid]["score"] == 85
    after = await admin_web.get(f"/admin/pelatihan/{tid}/presensi")
    assert "Presensi dan nilai tersimpan." in after.text and "33%" in after.text
    unconfirmed = await admin_web.post(f"/admin/pelatihan/{tid}/tutup", data={"csrf_token": csrf(after.text)})
    assert unconfirmed.status_code == 422 and "Centang pernyataan" in unconfirmed.text
    early = await admin_web.post(f"/admin/pelatihan/{tid}/tutup", data={"csrf_token": csrf(after.text), "yakin": "1"})
    assert early.status_code == 409 and "hari terakhir pelaksanaan" in early.text


async def test_online_class_modules_quiz_and_editor(web, admin_web, fake_store, store):
    pid = await participant(web, fake_store, store)
    assert (await enroll(web, store.online, ticks=())).status_code == 303
    eid = enrollment_of(store, pid, store.online)["id"]
    locked = await web.get(f"/kelas/{eid}")
    assert locked.status_code == 409 and "setelah pendaftaran diverifikasi" in locked.text
    store.enrollments[eid]["status"] = "verified"
    history = await web.get("/riwayat")
    assert f'href="/kelas/{eid}"' in history.text and "Buka Kelas" in history.text
    page = await web.get(f"/kelas/{eid}")
    assert "Materi selesai: 0 dari 2" in page.text and "Selesaikan semua materi" in page.text
    for module in store.modules[store.online]:
        resp = await web.post(f"/kelas/{eid}/materi/{module['id']}", data={"csrf_token": csrf(page.text)})
        assert resp.status_code == 303
    page = await web.get(f"/kelas/{eid}")
    assert "Materi selesai: 2 dari 2" in page.text and "Mulai Evaluasi" in page.text
    start = await web.post(f"/kelas/{eid}/evaluasi", data={"csrf_token": csrf(page.text)})
    assert start.status_code == 303
    paper = await web.get(f"/kelas/{eid}/evaluasi")
    assert "Apa itu marketplace?" in paper.text and 'type="radio"' in paper.text
    q = store.quiz[store.online][0]
    aid = re.search(r'/evaluasi/([0-9a-f-]+)"', paper.text).group(1)
    result = await web.post(f"/kelas/{eid}/evaluasi/{aid}", data={"csrf_token": csrf(paper.text), f"q_{q['id']}": "0"})
    assert result.status_code == 200 and "Nilai Anda: 100" in result.text and "Selamat, Anda lulus" in result.text

    editor = await admin_web.get(f"/admin/pelatihan/{store.online}/kelas")
    assert "Mengenal pasar online" in editor.text and "* Pasar daring\n- Gudang" in editor.text
    bad = await admin_web.post(f"/admin/pelatihan/{store.online}/kelas/evaluasi",
                               data={"csrf_token": csrf(editor.text), "pass_mark": "70", "max_attempts": "3",
                                     "questions": "Soal tanpa jawaban benar\n- A\n- B"})
    assert bad.status_code == 422 and "Soal ke-1" in bad.text
    good = await admin_web.post(f"/admin/pelatihan/{store.online}/kelas/evaluasi",
                                data={"csrf_token": csrf(editor.text), "pass_mark": "60", "max_attempts": "2",
                                      "questions": "Ibu kota Jawa Tengah?\n- Surabaya\n* Semarang\n\nSatu tambah satu?\n* 2\n- 3"})
    assert good.status_code == 303
    assert store.calls[-1][2]["questions"][0] == {"text": "Ibu kota Jawa Tengah?", "options": ["Surabaya", "Semarang"],
                                                 "correct": 1}
    added = await admin_web.post(f"/admin/pelatihan/{store.online}/kelas/materi",
                                 data={"csrf_token": csrf(editor.text), "title": "Materi baru", "content": "Isi"})
    assert added.status_code == 303 and store.modules[store.online][-1]["title"] == "Materi baru"
    presensi = await admin_web.get(f"/admin/pelatihan/{store.online}/presensi")
    assert "Kelas online tidak memakai presensi harian" in presensi.text


async def test_menus_link_the_training_pages(web, admin_web, fake_store, store):
    await participant(web, fake_store, store)
    dash = await web.get("/dashboard")
    assert 'href="/jadwal"' in dash.text and 'href="/riwayat"' in dash.text and 'href="/testimoni"' in dash.text
    assert "Belum ada riwayat pelatihan." in dash.text
    schedule = await web.get("/jadwal")
    assert 'class="sidebar"' in schedule.text and 'aria-current="page">Jadwal Pelatihan' in schedule.text
    testimony = await web.get("/testimoni")
    assert "Testimoni dapat diisi setelah konfirmasi pelatihan" in testimony.text
    admin = await admin_web.get("/admin")
    assert 'href="/admin/pelatihan"' in admin.text and 'href="/admin/verifikasi"' in admin.text


async def test_schedule_is_micro_cached_for_anonymous_visitors_only(training_gateway):
    async with httpx.AsyncClient(base_url=training_gateway.url, timeout=10) as anonymous, \
            httpx.AsyncClient(base_url=training_gateway.url, timeout=10) as member:
        first = await anonymous.get("/jadwal")
        assert first.status_code == 200 and "set-cookie" not in first.headers  # no form, no CSRF cookie
        again = await anonymous.get("/jadwal")
        assert again.headers["x-cache"] == "hit" and again.text == first.text
        assert (await register(member, registration())).status_code == 303
        mine = await member.get("/jadwal")
        assert mine.status_code == 200 and "x-cache" not in mine.headers and mine.text != first.text
        assert (await anonymous.get("/jadwal")).text == first.text  # the member's page was not stored
