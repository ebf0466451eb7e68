"""L6: a hidden or unpublished product's photo is served only to its business's members and admins."""
from __future__ import annotations

import pytest

from services.ukm.tests.support import attendance, create_business, login, new_participant, publish, wait_for
from tests.factories import participant_form, register
from tests.security.support import web_login

pytestmark = pytest.mark.integration


async def test_hidden_product_photo_is_not_public(balai_stack, client):
    form = participant_form()
    assert (await register(client, form)).status_code == 201
    owner = await login(client, form["username"], form["password"])
    _, stranger = await new_participant(client)
    admin = await login(client, "admin.jateng", balai_stack.admin_password)
    product = (await create_business(client, owner, photos=1))["products"][0]
    url = product["photo_urls"][0]
    visible = await client.get(url)
    assert visible.status_code == 200 and visible.headers["cache-control"].startswith("public")

    assert (await client.post(f"/api/ukm/products/{product['id']}/hide", headers=owner)).status_code == 200
    assert (await client.get(url)).status_code == 404
    assert (await client.get(url, headers=stranger)).status_code == 404
    for who in (owner, admin):
        seen = await client.get(url, headers=who)
        assert seen.status_code == 200 and seen.content == visible.content
        assert "public" not in seen.headers["cache-control"] and "no-store" in seen.headers["cache-control"]
    # the owner's pages show it as an <img>: the browser sends only the session cookie
    web = await web_login(balai_stack, form["username"], form["password"])
    try:
        assert (await web.get(url)).status_code == 200
    finally:
        await web.aclose()

    assert (await client.post(f"/api/ukm/products/{product['id']}/unhide", headers=owner)).status_code == 200
    assert (await client.get(url)).status_code == 200


async def test_unpublished_product_photo_is_not_public(balai_stack, client):
    pid, owner = await new_participant(client)
    superadmin = await login(client, "admin", balai_stack.admin_password)
    b = await create_business(client, owner, photos=1)
    product = b["products"][0]
    await publish(balai_stack.kafka_bootstrap, [attendance(b["id"], pid)])

    async def in_gallery():
        return (await client.get(f"/api/ukm/gallery/{product['id']}")).status_code == 200
    await wait_for(in_gallery, timeout=90)
    r = await client.post(f"/api/ukm/admin/products/{product['id']}/unpublish", headers=superadmin,
                          json={"reason": "Foto tidak sesuai produk"})
    assert r.status_code == 200, r.text
    assert (await client.get(f"/api/ukm/gallery/{product['id']}")).status_code == 404
    assert (await client.get(product["photo_urls"][0])).status_code == 404
    assert (await client.get(product["photo_urls"][0], headers=owner)).status_code == 200
