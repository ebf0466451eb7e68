"""M5: nothing in identity's database lets a dump rebuild a NIK beyond what birth date + region give.

Every column of every table is read; text, JSON and number values are checked for the NIK, its
4-digit serial in position, its region prefix and the digits after the birth date."""
from __future__ import annotations

import hashlib
import hmac
import json
import random
import re
from datetime import date

import asyncpg
import httpx
import pytest

from balai_platform.crypto import BlindIndex
from tests.factories import nik_for, participant_form, register

pytestmark = pytest.mark.integration
TEXT_TYPES = {"character varying", "text", "character", "json", "jsonb"}
NUMBER_TYPES = {"smallint", "integer", "bigint", "numeric", "real", "double precision"}


@pytest.fixture
async def client(balai_stack):
    async with httpx.AsyncClient(base_url=balai_stack.gateway_url, timeout=30) as c:
        yield c


def _dsn(stack) -> str:
    return stack.database_url("identity").replace("postgresql+asyncpg://", "postgresql://", 1)


def _scalars(value):
    """Every scalar inside a (JSON) value."""
    if isinstance(value, dict):
        for v in value.values():
            yield from _scalars(v)
    elif isinstance(value, list):
        for v in value:
            yield from _scalars(v)
    else:
        yield value


def _leaks(text: str, nik: str) -> str | None:
    """Which NIK fragment a clear text value holds, if any."""
    serial, prefix = nik[12:], nik[:6]
    if nik in text or nik[6:] in text:
        return "NIK digits after the birth date"
    if text.strip() in (serial, prefix, prefix[:4], nik[-6:], nik[:12]):
        return "a NIK fragment column"
    if re.search(r"[*xX•]{4,}" + serial + r"(?!\d)", text) or re.search(r"(?<!\d)" + prefix[:4] + r"[*xX•]{4,}", text):
        return "a stored masked NIK"
    return None


async def _clear_values(conn: asyncpg.Connection):
    """(table.column, value) for every text/number value of every table in the public schema."""
    cols = await conn.fetch(
        "SELECT table_name, column_name, data_type, column_default, is_identity FROM information_schema.columns "
        "WHERE table_schema = 'public' AND table_name <> 'alembic_version' ORDER BY table_name, ordinal_position")
    for c in cols:
        kind = c["data_type"]
        if kind not in TEXT_TYPES | NUMBER_TYPES and kind != "ARRAY":
            continue
        surrogate = c["is_identity"] == "YES" or "nextval" in (c["column_default"] or "")
        cast = "::text" if kind in ("json", "jsonb", "ARRAY") else ""
        rows = await conn.fetch(f'SELECT "{c["column_name"]}"{cast} AS v FROM "{c["table_name"]}"')
        for r in rows:
            value = r["v"]
            if value is None or (surrogate and kind in NUMBER_TYPES):
                continue  # row ids count rows, they hold no personal data
            if kind in ("json", "jsonb"):
                for scalar in _scalars(json.loads(value)):
                    yield f'{c["table_name"]}.{c["column_name"]}', scalar
            else:
                yield f'{c["table_name"]}.{c["column_name"]}', value


async def test_no_clear_column_holds_nik_digits_and_masked_nik_still_shows(balai_stack, client):
    serial = random.randint(1000, 9999)
    nik = nik_for(date(1987, 11, 23), female=True, serial=serial)
    form = participant_form(birth=date(1987, 11, 23), nik=nik)
    reg = await register(client, form)
    assert reg.status_code == 201, reg.text
    pid = reg.json()["id"]

    conn = await asyncpg.connect(_dsn(balai_stack))
    try:
        found = []
        async for where, value in _clear_values(conn):
            if isinstance(value, bool):
                continue
            if isinstance(value, int | float):
                if value in (serial, int(nik), int(nik[6:]), int(nik[:6])):
                    found.append((where, "a NIK number"))
            elif isinstance(value, str) and (why := _leaks(value, nik)):
                found.append((where, why))
        assert found == [], f"NIK fragments in clear: {found}"
        index, enc = await conn.fetchrow("SELECT nik_index, nik_enc FROM participants WHERE account_id = $1::uuid", pid)
        photos = await conn.fetchval("SELECT count(*) FROM participants WHERE position($1::bytea in photo) > 0",
                                     nik.encode())
    finally:
        await conn.close()
    assert photos == 0
    assert nik.encode() not in bytes(enc)
    # the blind index is an HMAC under its own key (not a plain hash, not the PII key)
    keys = balai_stack.keys
    assert bytes(index) == BlindIndex(keys["blind_index"], "nik")(nik)
    assert bytes(index) != hashlib.sha256(nik.encode()).digest()
    assert keys["blind_index"] not in keys["pii"].values()
    pii_key = next(iter(keys["pii"].values()))
    assert bytes(index) != BlindIndex(pii_key, "nik")(nik)
    assert bytes(index) != hmac.new(b"", nik.encode(), hashlib.sha256).digest()

    masked = nik[:4] + "*" * 8 + nik[-4:]
    login = await client.post("/api/identity/auth/login", json={"login": form["username"], "password": form["password"]})
    me = await client.get("/api/identity/me", headers={"Authorization": f"Bearer {login.json()['access_token']}"})
    assert me.status_code == 200 and me.json()["nik_masked"] == masked and me.json()["nik"] == nik
    admin = await client.post("/api/identity/auth/login",
                              json={"login": balai_stack.admin_username, "password": balai_stack.admin_password})
    h = {"Authorization": f"Bearer {admin.json()['access_token']}"}
    listing = await client.get("/api/identity/admin/participants", params={"q": form["username"]}, headers=h)
    assert [(i["id"], i["nik_masked"]) for i in listing.json()["items"]] == [(pid, masked)]
    by_nik = await client.get("/api/identity/admin/participants", params={"q": nik}, headers=h)
    assert [i["id"] for i in by_nik.json()["items"]] == [pid], "the blind index still finds a full NIK"
