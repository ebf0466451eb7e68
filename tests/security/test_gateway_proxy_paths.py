"""H1: the gateway is no open proxy. Raw request targets, sent unnormalised with http.client, must
never reach an "attacker" server on a free local port, nor another service through the wrong prefix."""
from __future__ import annotations

import asyncio
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.security.support import raw_request

pytestmark = pytest.mark.integration

SECRET = b"attacker-was-reached"


@pytest.fixture(scope="module")
def attacker():
    """A local HTTP server that records every request it gets; none may arrive."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def _answer(self):
            hits.append(f"{self.command} {self.path}")
            self.send_response(200)
            self.send_header("Content-Length", str(len(SECRET)))
            self.end_headers()
            self.wfile.write(SECRET)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _answer

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], hits
    server.shutdown()
    server.server_close()


def tricks(port: int) -> list[str]:
    host = f"127.0.0.1:{port}"
    return [
        # the reported one, and its spellings
        f"/api/identity%2F@{host}/steal?x=1", f"/api/identity%2f@{host}/steal", f"/api/ukm%2F@{host}/steal",
        f"/api/identity%252F@{host}/steal", f"/api/identity%2F%40{host}%2Fsteal", f"/api/identity%2F@localhost:{port}/",
        f"/api/identity@{host}/steal", f"/api/identity%40{host}/steal", f"/api/identity:{port}/steal",
        f"/api/%69dentity%2F@{host}/steal", f"/api/IDENTITY%2F@{host}/steal", f"/api/identity%2F%2F{host}/steal",
        # backslashes, raw and encoded
        f"/api/identity\\@{host}/steal", f"/api/identity%5C@{host}/steal", f"/api/identity%5c%5c{host}/steal",
        f"/api/identity/%5C%5C{host}/steal", f"/api/identity/\\\\{host}/steal",
        # empty segments and scheme-relative forms
        f"/api/identity//{host}/steal", f"/api/identity/%2F%2F{host}/steal", f"/api/identity///{host}/steal",
        f"/api/identity/http:%2F%2F{host}/steal",
        # dot segments, plain, encoded, double encoded, mixed case: towards the attacker or another service
        f"/api/identity/..%2f..%2f{host}/steal", f"/api/identity/..%2F..%2F{host}/steal",
        "/api/identity/../ukm/gallery", "/api/identity/..%2fukm%2fgallery", "/api/identity/%2e%2e/ukm/gallery",
        "/api/identity/%2E%2E%2Fukm%2Fgallery", "/api/ukm/..%2F..%2Fapi%2Fidentity%2Fauth%2Flogin",
        "/api/identity/%252e%252e/%252e%252e/ukm/gallery", "/api/identity/.%2e/ukm/gallery",
        "/api/ukm/./gallery", "/api/ukm/gallery/..", "/api/identity/..\\ukm\\gallery",
        # absolute-form request target
        f"http://{host}/steal", f"http://{host}/api/identity%2F@{host}/steal",
    ]


async def test_no_path_trick_reaches_another_host_or_service(balai_stack, attacker):
    port, hits = attacker
    for target in tricks(port):
        for method, body in (("GET", None), ("POST", b'{"login": "x", "password": "y"}')):
            status, content, headers = await asyncio.to_thread(raw_request, balai_stack.gateway_url, method,
                                                               target, body)
            assert status in (400, 404), (method, target, status, content[:200])
            assert SECRET not in content and "127.0.0.1" not in headers.get("location", ""), target
    assert hits == []


async def test_bad_paths_answer_400_in_bahasa_not_500(balai_stack, attacker):
    port, _ = attacker
    status, content, headers = await asyncio.to_thread(
        raw_request, balai_stack.gateway_url, "GET", f"/api/identity%2F@127.0.0.1:{port}/steal?x=1")
    assert status == 400 and b"Permintaan tidak valid" in content
    assert headers["content-type"].startswith("application/json")


async def test_ordinary_api_paths_still_work(balai_stack):
    status, content, _ = await asyncio.to_thread(raw_request, balai_stack.gateway_url, "GET",
                                                 "/api/ukm/gallery?per_page=1&q=roti%20manis")
    assert status == 200 and b'"items"' in content
    status, _, _ = await asyncio.to_thread(raw_request, balai_stack.gateway_url, "GET", "/api/ukm/%67allery")
    assert status == 200  # a needless escape is decoded, not refused
