"""The data of the access-control suite (test_access_control.py): A's resources, built once per module."""
from __future__ import annotations

from datetime import datetime, timedelta

import asyncpg
import httpx

from services.training.tests.support import WIB, enroll, new_training, png, wait_for
from services.ukm.tests.support import create_business, login, photo_files
from tests.factories import participant_form, register

ID, UKM, TR, LG, CE, SV = "/api/identity", "/api/ukm", "/api/training", "/api/lodging", "/api/certificate", "/api/survey"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
SECRET_REVIEW = "Testimoni rahasia A"
CSRF_REFUSED = "Formulir sudah kedaluwarsa"


async def _training_knows(stack, pid: str, bid: str) -> bool:
    conn = await asyncpg.connect(stack.database_url("training").replace("postgresql+asyncpg://", "postgresql://", 1))
    try:
        return bool(await conn.fetchval(
            "SELECT (SELECT count(*) FROM participants WHERE participant_id = $1::uuid) + "
            "(SELECT count(*) FROM businesses WHERE business_id = $2::uuid) = 2", pid, bid))
    finally:
        await conn.close()


async def _people(c, stack, w: dict) -> None:
    for who in ("A", "B"):
        form = participant_form()
        r = await register(c, form)
        assert r.status_code == 201, r.text
        w[f"{who}_id"], w[f"{who}_form"] = r.json()["id"], form
        w[who] = await login(c, form["username"], form["password"])
    for who, name in (("jateng", "admin.jateng"), ("jatim", "admin.jatim"), ("super", stack.admin_username)):
        w[who] = await login(c, name, stack.admin_password)
    w["anon"] = {}


async def _business(c, w: dict) -> None:
    b = await create_business(c, w["A"], photos=1)
    w["bid"], w["P1"] = b["id"], b["products"][0]["id"]
    r = await c.post(f"{UKM}/businesses/{b['id']}/products", headers=w["A"], files=photo_files(1),
                     data={"name": "Kue Rahasia", "category": "batik"})
    assert r.status_code == 201, r.text
    w["P2"] = r.json()["id"]
    assert (await c.post(f"{UKM}/products/{w['P2']}/hide", headers=w["A"])).status_code == 200


async def _trainings(c, stack, w: dict) -> None:
    jateng, a = w["jateng"], w["A"]
    await wait_for(lambda: _training_knows(stack, w["A_id"], w["bid"]), timeout=90)
    w["T1"] = (await new_training(c, jateng))["id"]
    w["T2"] = (await new_training(c, jateng, mode="online", venue="",
                                  end_date=(datetime.now(WIB).date() + timedelta(days=30)).isoformat()))["id"]
    r = await c.post(f"{TR}/admin/trainings/{w['T2']}/modules", json={"title": "Materi 1", "content": "Isi"},
                     headers=jateng)
    assert r.status_code == 201, r.text
    w["M"] = r.json()["id"]
    r = await c.post(f"{TR}/admin/modules/{w['M']}/files", files={"file": ("modul.pdf", PDF, "application/pdf")},
                     headers=jateng)
    assert r.status_code == 201, r.text
    w["F"] = r.json()["id"]
    quiz = {"pass_mark": 50, "max_attempts": 3, "questions": [{"text": "Soal", "options": ["a", "b"], "correct": 0}]}
    assert (await c.put(f"{TR}/admin/trainings/{w['T2']}/quiz", json=quiz, headers=jateng)).status_code == 200
    for key, tid, photos in (("E1", w["T1"], 1), ("E2", w["T2"], 0)):
        r = await enroll(c, tid, w["bid"], a, photos=photos)
        assert r.status_code == 201, r.text
        w[key] = r.json()["id"]
        assert (await c.post(f"{TR}/admin/enrollments/{w[key]}/verify", headers=jateng)).status_code == 200
    r = await c.post(f"{TR}/enrollments/{w['E1']}/confirm", files={"photo": ("f.png", png(), "image/png")},
                     headers=a)
    assert r.status_code == 200, r.text
    r = await c.put(f"{TR}/enrollments/{w['E1']}/testimonial", json={"rating": 5, "text": SECRET_REVIEW},
                    headers=a)
    assert r.status_code == 200, r.text
    w["TM"] = next(i["id"] for i in r.json()["items"] if i["text"] == SECRET_REVIEW)

    async def in_gallery():  # AttendanceConfirmed of a Jateng training put A's product in the gallery
        return (await c.get(f"{UKM}/gallery/{w['P1']}")).status_code == 200
    await wait_for(in_gallery, timeout=90)


async def _stay(c, w: dict) -> None:
    """A's confirmed Jateng residential enrollment gave A a bed in the Jateng dormitory (lodging)."""
    async def placed():
        r = await c.get(f"{LG}/me/stays", headers=w["A"])
        items = r.json()["items"] if r.status_code == 200 else []
        return items[0] if items and items[0]["room_id"] else None
    stay = await wait_for(placed, timeout=90)
    w["S"], w["R"], w["ORG"] = stay["stay_id"], stay["room_id"], "0b0a1a10-0000-4000-8000-000000000001"
    dorm = (await c.get(f"{LG}/admin/dormitory", headers=w["jateng"])).json()
    w["BLD"] = next(r["building_id"] for r in dorm["rooms"] if r["room_id"] == w["R"])


async def _survey(c, stack, w: dict) -> None:
    """A's SKM invitation (a TrainingCompleted of a Jateng training) and Jateng's current SKM period."""
    from services.survey.tests.support import completed
    from services.ukm.tests.support import publish

    await publish(stack.kafka_bootstrap, [completed(w["A_id"])])

    async def invited():
        items = (await c.get(f"{SV}/me/invitations", headers=w["A"])).json().get("items")
        return items[0]["id"] if items else None
    w["INV"] = await wait_for(invited, timeout=90)
    w["SP"] = (await c.get(f"{SV}/admin/periods", headers=w["jateng"])).json()["current_id"]


async def _certificate(c, stack, w: dict) -> None:
    """A's certificate of a (synthetic) completed Jateng training, issued and signed."""
    from services.certificate.tests.support import completed, publish

    env = completed(w["A_id"], participant_name=w["A_form"]["full_name"])
    w["CT"] = env.data["training_id"]
    await publish(stack.kafka_bootstrap, [env])

    async def issued():
        items = (await c.get(f"{CE}/certificates/mine", headers=w["A"])).json()["items"]
        # A also completed the survey world's training: take this training's certificate
        mine = [i for i in items if i["training_id"] == str(w["CT"]) and i["status"] == "issued"]
        if mine:
            w["C1"] = mine[0]["id"]
        return "C1" in w
    await wait_for(issued, timeout=120)


async def _narasumber(c, w: dict) -> None:
    """A registered as narasumber with Jateng (recommended by admin.jateng, approved by the superadmin);
    an outside body's request to Jateng, not decided yet."""
    form = {"org_id": w["ORG"], "full_name": "Narasumber Rahasia A", "email": "narsum.a@contoh.id",
            "phone": "0812 3456 7890", "expertise": "Pemasaran digital", "education": "S2",
            "experience": "Mengajar pemasaran digital sejak 2015.", "modules": ["Pemasaran Digital"]}
    r = await c.post(f"{TR}/narasumber", data=form, files={"cv": ("cv.pdf", PDF, "application/pdf")}, headers=w["A"])
    assert r.status_code == 201, r.text
    w["NS"] = r.json()["id"]
    for who, step in (("jateng", "recommendation"), ("super", "decision")):
        r = await c.post(f"{TR}/admin/narasumber/{w['NS']}/{step}", headers=w[who],
                         json={"decision": "approve", "reason": "Profil sesuai modul standar"})
        assert r.status_code == 200, r.text
    today = datetime.now(WIB).date()
    r = await c.post(f"{TR}/narasumber-requests", files={"letter": ("surat.pdf", PDF, "application/pdf")}, data={
        "org_id": w["ORG"], "body_name": "Dinas Koperasi Kabupaten Kendal", "contact_name": "Budi Santoso",
        "contact_email": "budi@kendal.go.id", "contact_phone": "0812 1111 2222", "letter_number": "005/1/2026",
        "letter_date": today.isoformat(), "topic": "Pemasaran digital", "place": "Aula Dinas",
        "event_date": (today + timedelta(days=20)).isoformat(), "audience": "40"})
    assert r.status_code == 201, r.text
    w["RQ"] = r.json()["id"]
async def _consultation(c, w: dict) -> None:
    """A completes a Jateng training of today (T3) and asks about it with an attachment (issue 15)."""
    jateng, a = w["jateng"], w["A"]
    w["T3"] = (await new_training(c, jateng))["id"]
    r = await enroll(c, w["T3"], w["bid"], a)
    assert r.status_code == 201, r.text
    eid = r.json()["id"]
    assert (await c.post(f"{TR}/admin/enrollments/{eid}/verify", headers=jateng)).status_code == 200
    r = await c.post(f"{TR}/enrollments/{eid}/confirm", files={"photo": ("f.png", png(), "image/png")}, headers=a)
    assert r.status_code == 200, r.text
    r = await c.put(f"{TR}/admin/trainings/{w['T3']}/attendance", headers=jateng,
                    json={"day": datetime.now(WIB).date().isoformat(), "records": [{"enrollment_id": eid, "present": True}]})
    assert r.status_code == 200, r.text
    r = await c.post(f"{TR}/admin/trainings/{w['T3']}/close", headers=jateng)
    assert r.status_code == 200 and r.json()["completed"] == 1, r.text
    r = await c.post(f"{TR}/consultations", headers=a, files=[("files", ("neraca.pdf", PDF, "application/pdf"))],
                     data={"training_id": w["T3"], "topic": "Konsultasi rahasia A",
                           "question": "Bagaimana menyusun neraca koperasi kami?"})
    assert r.status_code == 201, r.text
    w["KS"] = r.json()["id"]
    thread = (await c.get(f"{TR}/consultations/{w['KS']}", headers=a)).json()
    w["KF"] = thread["messages"][0]["files"][0]["id"]
async def _complaint(c, stack, w: dict) -> None:
    """A's named complaint to Jateng (pengaduan, issue 15): its id and its follow link's token."""
    import time
    import uuid

    from survey.domain import form_token

    jateng = uuid.UUID(str(w["ORG"]))
    token = form_token.issue(stack.keys["survey_form"], uuid.uuid5(jateng, "pengaduan"), time.time() - 60)
    r = await c.post(f"{SV}/public/orgs/{jateng}/complaints", headers=w["A"], data={
        "service": "Penyelenggaraan Pelatihan", "category": "petugas", "name": w["A_form"]["full_name"],
        "contact": "081234567890", "description": "Petugas tidak menjawab pertanyaan saya.", "form_token": token})
    assert r.status_code == 201, r.text
    w["ADU_T"] = r.json()["follow_token"]
    w["ADU"] = (await c.get(f"{SV}/me/complaints", headers=w["A"])).json()["items"][0]["id"]


async def build_world(c: httpx.AsyncClient, stack) -> dict:
    """Participants A and B, the admins' tokens, A's business, products, enrollments and class."""
    w: dict = {}
    await _people(c, stack, w)
    await _business(c, w)
    await _trainings(c, stack, w)
    await _stay(c, w)
    await _survey(c, stack, w)
    await _certificate(c, stack, w)
    await _narasumber(c, w)
    await _consultation(c, w)
    await _complaint(c, stack, w)
    w["secrets"] = [w["A_form"][k] for k in ("nik", "kk", "full_name")] + [SECRET_REVIEW]
    return w


async def send(api, w: dict, actor: str, method: str, path: str, body: dict | None) -> httpx.Response:
    """One case's request: an API actor sends its bearer token, a web actor its session cookie."""
    url = path.format(**{k: v for k, v in w.items() if isinstance(v, str)})
    kw = dict(body or {})
    if kw.get("files") is True:  # a fresh valid photo per request
        kw["files"] = {"photo": ("f.png", png(), "image/png")}
    if actor.startswith("web_"):
        web = w["web"][actor]
        if method == "POST":  # a real form post: the double-submit token of the session's cookie
            kw["data"] = {**kw.get("data", {}), "csrf_token": web.cookies.get("balai_csrf", "")}
        return await web.request(method, url, **kw)
    return await api.request(method, url, headers=w[actor], **kw)
