"""L5: answers for a logged-in person carry `Cache-Control: no-store`; public pages and static files
keep their own caching."""
from __future__ import annotations

import pytest

from services.ukm.tests.support import new_participant
from tests.factories import participant_form, register
from tests.security.support import web_login

pytestmark = pytest.mark.integration


def no_store(resp) -> bool:
    return "no-store" in resp.headers.get("cache-control", "")


async def test_pages_and_api_answers_with_personal_data_are_no_store(balai_stack, client):
    pid, auth = await new_participant(client)
    admin = await web_login(balai_stack, "admin.jateng", balai_stack.admin_password)
    try:
        page = await admin.get(f"/admin/peserta/{pid}")
        assert page.status_code == 200 and no_store(page), page.headers.get("cache-control")
        listing = await admin.get("/admin/peserta")
        assert listing.status_code == 200 and no_store(listing)
    finally:
        await admin.aclose()
    me = await client.get("/api/identity/me", headers=auth)
    assert me.status_code == 200 and no_store(me), me.headers.get("cache-control")
    mine = await client.get("/api/ukm/businesses/mine", headers=auth)
    assert no_store(mine)


async def new_web_participant(stack, client):
    form = participant_form()
    assert (await register(client, form)).status_code == 201
    return await web_login(stack, form["username"], form["password"])


async def test_participant_profile_page_is_no_store(balai_stack, client):
    web = await new_web_participant(balai_stack, client)
    try:
        r = await web.get("/profil")
        assert r.status_code == 200 and no_store(r), r.headers.get("cache-control")
        assert no_store(await web.get("/"))  # the redirect to the participant's home
    finally:
        await web.aclose()


async def test_static_files_and_public_pages_keep_their_caching(balai_stack, client):
    web = await new_web_participant(balai_stack, client)
    try:
        css = await web.get("/static/app.css")
        assert css.status_code == 200 and not no_store(css)
        gallery = await web.get("/galeri")
        assert gallery.status_code == 200 and "public" in gallery.headers["cache-control"]
    finally:
        await web.aclose()
