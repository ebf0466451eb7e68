"""Helpers of the security tests (issue 8): raw requests, web logins, memory of a service process."""
from __future__ import annotations

import contextlib
import http.client
import re
import zlib
from pathlib import Path
from urllib.parse import urlsplit

import httpx


def raw_request(gateway_url: str, method: str, target: str, body: bytes | None = None) -> tuple[int, bytes, dict]:
    """Send `target` byte for byte (http.client neither decodes nor normalises it)."""
    parts = urlsplit(gateway_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.putrequest(method, target, skip_accept_encoding=True)
        if body is not None:
            conn.putheader("Content-Type", "application/json")
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        resp = conn.getresponse()
        return resp.status, resp.read(), {k.lower(): v for k, v in resp.getheaders()}
    finally:
        conn.close()


async def web_login(stack, username: str, password: str) -> httpx.AsyncClient:
    """A browser-like client logged in through the web form: it carries the session cookies."""
    web = httpx.AsyncClient(base_url=stack.gateway_url, timeout=60)
    landing = await web.get("/")
    token = re.search(r'name="csrf_token" value="([^"]+)"', landing.text).group(1)
    r = await web.post("/masuk", data={"login": username, "password": password, "csrf_token": token})
    assert r.status_code == 303, r.text
    assert "balai_at" in web.cookies
    return web


def memory_kib(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak) of a process, in KiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0])
    return fields


def reset_peak(pid: int) -> None:
    """Start VmHWM again from the current RSS (`5` to clear_refs), so a test sees its own peak."""
    # if refused, the peak since start is compared: still an upper bound of this test's growth
    with contextlib.suppress(OSError):
        Path(f"/proc/{pid}/clear_refs").write_text("5")


def palette_png(width: int, height: int) -> bytes:
    """A valid palette PNG of any size, built by hand: 8000×8000 is ~63 KB on disk, 64 MP decoded."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")
    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 3, 0, 0, 0])
    compressor = zlib.compressobj(9)
    row = b"\0" * (width + 1)
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"PLTE", b"\x1e\x5a\xc8" * 2)
            + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
