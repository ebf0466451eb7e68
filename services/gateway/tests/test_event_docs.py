"""/dokumentasi/events: built from the contracts, examples valid, cacheable, linked from the footer."""
from __future__ import annotations

import json
import re

import httpx
import pytest

from balai_contracts.catalog import EVENTS
from balai_contracts.envelope import Envelope
from gateway.web.event_docs.catalog import example_data, services, type_of


@pytest.fixture
async def browser_like(gateway_server):
    async with httpx.AsyncClient(base_url=gateway_server.url, timeout=10) as c:
        yield c


def test_every_contract_has_a_section_and_a_valid_example():
    docs = {s.name: s for s in services()}
    assert list(docs) == list(EVENTS)
    for name, events in EVENTS.items():
        assert [e.event_type for e in docs[name].events] == [e.event_type for e in events]
        for event, doc in zip(events, docs[name].events, strict=True):
            event.model_validate(example_data(event))  # the example is a valid payload
            env = Envelope.model_validate_json(doc.example)
            assert env.type == event.event_type and env.source == name and env.version == event.event_version
            event.model_validate(env.data)
            assert doc.topic == event.topic
            names = {f.name for f in doc.fields}
            assert set(event.model_fields) <= names  # every payload field has a row
            required = {f.name for f in doc.fields if f.required and "." not in f.name}
            assert required == {n for n, f in event.model_fields.items() if f.is_required()}


def test_nested_objects_are_flattened_and_types_readable():
    ukm = next(s for s in services() if s.name == "ukm")
    registered = next(e for e in ukm.events if e.event_type == "BusinessRegistered")
    names = [f.name for f in registered.fields]
    assert "permits" in names and any(n.startswith("permits[].") for n in names)
    assert type_of({"anyOf": [{"type": "integer"}, {"type": "null"}]}, {}) == "integer atau null"
    assert type_of({"type": "string", "format": "uuid"}, {}) == "uuid"
    assert type_of({"type": "array", "items": {"type": "string"}}, {}) == "daftar string"


async def test_page_lists_every_event_with_anchors_and_caches(browser_like):
    resp = await browser_like.get("/dokumentasi/events")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    html = resp.text
    for heading in ("Dokumentasi Event", "Daftar isi", "Isi data (payload)", "Contoh pesan", "Topik", "Kunci pesan"):
        assert heading in html
    for service in services():
        assert f'id="{service.anchor}"' in html and f'href="#{service.anchor}"' in html
        for event in service.events:
            assert f'id="{event.anchor}"' in html and f'href="#{event.anchor}"' in html
    ids = re.findall(r'id="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "anchors are unique"
    # every example on the page is a parseable envelope
    examples = re.findall(r'<pre class="evd-example"[^>]*><code>(.*?)</code></pre>', html, re.S)
    assert len(examples) == sum(len(v) for v in EVENTS.values())
    for text in examples:
        json.loads(text.replace("&#34;", '"').replace("&quot;", '"').replace("&amp;", "&")
                   .replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'"))
    assert "set-cookie" not in resp.headers
    etag = resp.headers["etag"]
    again = await browser_like.get("/dokumentasi/events", headers={"If-None-Match": etag})
    assert again.status_code == 304


async def test_footer_links_to_the_event_docs(browser_like):
    resp = await browser_like.get("/")
    assert 'href="/dokumentasi/events"' in resp.text
