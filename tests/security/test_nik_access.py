"""Who sees a full NIK/KK: admins of an organisation the participant applied to (learnt from
training's EnrollmentSubmitted) and superadmins; every such view is in the access log that only a
superadmin reads; answers carrying personal data are never cached (no-store)."""
from __future__ import annotations

import re
import uuid
from contextlib import asynccontextmanager

import asyncpg
import httpx
import pytest

from services.training.tests.support import business_event, enroll, new_training, publish, wait_for
from tests.factories import participant_form, register

pytestmark = pytest.mark.integration
API = "/api/identity"
NOTE = "NIK lengkap hanya untuk admin balai tempat peserta mendaftar"


async def _login(client, login: str, password: str) -> tuple[str, dict[str, str]]:
    r = await client.post(f"{API}/auth/login", json={"login": login, "password": password})
    assert r.status_code == 200, r.text
    return r.json()["user"]["id"], {"Authorization": f"Bearer {r.json()['access_token']}"}


@asynccontextmanager
async def _web_login(stack, login: str, password: str):
    """A browser-like client logged in through the gateway's login form."""
    async with httpx.AsyncClient(base_url=stack.gateway_url, timeout=30) as web:
        landing = await web.get("/")
        token = re.search(r'name="csrf_token" value="([^"]+)"', landing.text).group(1)
        r = await web.post("/masuk", data={"login": login, "password": password, "csrf_token": token})
        assert r.status_code == 303, r.text
        yield web


async def _training_has(stack, pid: str, bid: uuid.UUID) -> bool:
    dsn = stack.database_url("training").replace("postgresql+asyncpg://", "postgresql://", 1)
    conn = await asyncpg.connect(dsn)
    try:
        return bool(await conn.fetchval(
            "SELECT (SELECT count(*) FROM participants WHERE participant_id = $1::uuid) + "
            "(SELECT count(*) FROM businesses WHERE business_id = $2::uuid) = 2", pid, bid))
    finally:
        await conn.close()


@pytest.fixture(scope="module")
async def applied(balai_stack):
    """A participant who applied to a Jateng training only, and the admins' tokens."""
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as client:
        form = participant_form()
        reg = await register(client, form)
        assert reg.status_code == 201, reg.text
        pid = reg.json()["id"]
        _, me = await _login(client, form["username"], form["password"])
        bid = uuid.uuid4()
        await publish(balai_stack.kafka_bootstrap, [business_event(bid, [uuid.UUID(pid)])])
        await wait_for(lambda: _training_has(balai_stack, pid, bid))
        password = balai_stack.admin_password
        jateng_id, jateng = await _login(client, "admin.jateng", password)
        jatim_id, jatim = await _login(client, "admin.jatim", password)
        super_id, superadmin = await _login(client, balai_stack.admin_username, password)
        training = await new_training(client, jateng)
        r = await enroll(client, training["id"], bid, me)
        assert r.status_code == 201, r.text
        full_views = []

        async def jateng_sees_full():
            r = await client.get(f"{API}/admin/participants/{pid}", headers=jateng)
            if r.status_code == 200 and r.json()["nik"] == form["nik"]:
                full_views.append(jateng_id)
                return r.json()
            return None
        await wait_for(jateng_sees_full)  # once identity consumed EnrollmentSubmitted
    return dict(pid=pid, form=form, me=me, jateng=jateng, jatim=jatim, superadmin=superadmin,
                jateng_id=jateng_id, jatim_id=jatim_id, super_id=super_id, full_views=full_views)


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as c:
        yield c


async def _log(client, a, **params) -> dict:
    r = await client.get(f"{API}/admin/nik-access-log", params=params, headers=a["superadmin"])
    assert r.status_code == 200, r.text
    return r.json()


async def test_other_organisations_admin_sees_only_the_masked_nik(client, applied):
    a, form = applied, applied["form"]
    before = (await _log(client, a, participant_id=a["pid"]))["total"]
    r = await client.get(f"{API}/admin/participants/{a['pid']}", headers=a["jatim"])
    body = r.json()
    assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
    assert body["nik"] is None and body["kk"] is None and body["npwp"] is None
    assert body["nik_masked"] == form["nik"][:4] + "*" * 8 + form["nik"][-4:]
    assert body["kk_masked"] == form["kk"][:4] + "*" * 8 + form["kk"][-4:]
    assert body["nik_restricted"] is True and body["nik_note"] == NOTE
    assert form["nik"] not in r.text and form["kk"] not in r.text
    assert (await _log(client, a, participant_id=a["pid"]))["total"] == before, "a masked view is not logged"


async def test_every_full_view_is_logged_and_only_a_superadmin_reads_the_log(client, applied):
    a, form = applied, applied["form"]
    rid = "uji-nik-" + uuid.uuid4().hex[:12]
    r = await client.get(f"{API}/admin/participants/{a['pid']}", headers={**a["jateng"], "X-Request-ID": rid})
    assert r.status_code == 200 and r.json()["nik"] == form["nik"] and r.json()["kk"] == form["kk"]
    assert r.json()["nik_restricted"] is False and r.headers["cache-control"] == "no-store"
    a["full_views"].append(a["jateng_id"])
    r = await client.get(f"{API}/admin/participants/{a['pid']}", headers=a["superadmin"])
    assert r.status_code == 200 and r.json()["nik"] == form["nik"]
    a["full_views"].append(a["super_id"])
    # the participant's own view is not an admin access
    assert (await client.get(f"{API}/me", headers=a["me"])).json()["nik"] == form["nik"]

    log = await _log(client, a, participant_id=a["pid"])
    assert log["total"] == len(a["full_views"])
    assert sorted(e["admin_id"] for e in log["items"]) == sorted(a["full_views"])
    assert all(e["participant_id"] == a["pid"] and e["fields"] == ["nik", "kk"] for e in log["items"])
    assert any(e["request_id"] == rid for e in log["items"])
    assert {e["admin_username"] for e in log["items"]} == {"admin.jateng", "admin"}
    assert form["nik"] not in str(log) and form["kk"] not in str(log)
    by_admin = await _log(client, a, participant_id=a["pid"], admin_id=a["jateng_id"])
    assert by_admin["total"] == a["full_views"].count(a["jateng_id"])
    assert {e["admin_id"] for e in by_admin["items"]} == {a["jateng_id"]}
    for who in ("jateng", "jatim", "me"):
        denied = await client.get(f"{API}/admin/nik-access-log", headers=a[who])
        assert denied.status_code == 403, who
    assert (await client.get(f"{API}/admin/nik-access-log")).status_code == 401


async def test_no_store_on_answers_with_personal_data(client, applied, balai_stack):
    a = applied
    me = await client.get(f"{API}/me", headers=a["me"])
    assert me.status_code == 200 and me.headers["cache-control"] == "no-store"
    detail = await client.get(f"{API}/admin/participants/{a['pid']}", headers=a["jateng"])
    a["full_views"].append(a["jateng_id"])
    assert detail.headers["cache-control"] == "no-store"
    listing = await client.get(f"{API}/admin/participants", headers=a["jatim"])
    assert listing.headers["cache-control"] == "no-store"
    reg = await register(client, participant_form())
    assert reg.status_code == 201 and reg.headers["cache-control"] == "no-store"

    async with _web_login(balai_stack, a["form"]["username"], a["form"]["password"]) as web:
        profil = await web.get("/profil")
        assert profil.status_code == 200 and a["form"]["nik"] in profil.text
        assert profil.headers["cache-control"] == "no-store"
    async with _web_login(balai_stack, "admin.jateng", balai_stack.admin_password) as web:
        page = await web.get(f"/admin/peserta/{a['pid']}")
        a["full_views"].append(a["jateng_id"])
        assert page.status_code == 200 and a["form"]["nik"] in page.text
        assert page.headers["cache-control"] == "no-store"


async def test_admin_pages_mask_for_other_organisations_and_show_the_log(applied, balai_stack):
    a, nik = applied, applied["form"]["nik"]
    async with _web_login(balai_stack, "admin.jatim", balai_stack.admin_password) as web:
        page = await web.get(f"/admin/peserta/{a['pid']}")
        assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
        assert nik not in page.text and nik[:4] + "*" * 8 + nik[-4:] in page.text and NOTE in page.text
        assert (await web.get("/admin/log-akses-nik")).status_code == 403
    async with _web_login(balai_stack, balai_stack.admin_username, balai_stack.admin_password) as web:
        page = await web.get("/admin/log-akses-nik", params={"peserta": a["pid"]})
        assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
        assert "Log Akses NIK" in page.text and "Petugas Balatkop Jateng" in page.text
        assert a["form"]["full_name"] in page.text and nik not in page.text
        assert 'class="table table-stack"' in page.text and 'data-label="Admin"' in page.text


async def test_participants_cannot_read_each_other(client, applied):
    a = applied
    other = participant_form()
    reg = await register(client, other)
    _, theirs = await _login(client, other["username"], other["password"])
    mine = (await client.get(f"{API}/me", headers=a["me"])).json()
    for path in (f"/admin/participants/{a['pid']}", f"/admin/participants/{reg.json()['id']}",
                 "/admin/participants", "/admin/nik-access-log", f"/participants/{a['pid']}/photo"):
        r = await client.get(API + path, headers=theirs)
        assert r.status_code == 403, path
        assert a["form"]["nik"] not in r.text and a["form"]["kk"] not in r.text
    photo = await client.get(mine["photo_url"], headers=a["me"])
    assert photo.status_code == 200
