"""L4: body limits hold on the stream. A chunked body (no Content-Length) over the limit gets a 413
long before it is all sent: at the gateway's /api proxy, at its own web forms, and at each service."""
from __future__ import annotations

import asyncio
import re
import select
import socket
import time
from urllib.parse import urlsplit

import pytest

from services.training.tests.support import token

pytestmark = pytest.mark.integration

MiB = 1024 * 1024
TOTAL = 64 * MiB  # what the client is willing to send: over six times any limit
BOUNDARY = "batas"
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"


def part_header(field: str) -> bytes:
    """The start of a well-formed multipart file part: the parser reads on into its content."""
    return (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{field}"; filename="foto.png"\r\n'
            "Content-Type: image/png\r\n\r\n").encode()


def send_chunked(base_url: str, method: str, path: str, headers: dict[str, str], prelude: bytes = b"",
                 total: int = TOTAL) -> tuple[int, bytes, int, float]:
    """Stream `total` bytes chunked; stop as soon as the server answers or stops reading.
    Returns (status, head of the answer, bytes sent, seconds)."""
    parts = urlsplit(base_url)
    sock = socket.create_connection((parts.hostname, parts.port), timeout=30)
    lines = [f"{method} {path} HTTP/1.1", f"Host: {parts.netloc}", "Transfer-Encoding: chunked",
             *(f"{k}: {v}" for k, v in headers.items())]
    sent, started = 0, time.monotonic()
    piece = b"x" * (64 * 1024)
    chunk = b"%x\r\n" % len(piece) + piece + b"\r\n"
    try:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        if prelude:
            sock.sendall(b"%x\r\n" % len(prelude) + prelude + b"\r\n")
        while sent < total:
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:
                break  # an answer (or a close) came before the body ended
            try:
                sock.sendall(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(piece)
        else:
            sock.sendall(b"0\r\n\r\n")
        answer = b""
        while True:  # the head, then the body as far as Content-Length says
            head, _, body = answer.partition(b"\r\n\r\n")
            length = re.search(rb"(?i)content-length: *(\d+)", head)
            if _ and length and len(body) >= int(length.group(1)):
                break
            data = sock.recv(65536)
            if not data:
                break
            answer += data
    finally:
        sock.close()
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else 0
    return status, answer[:2000], sent, time.monotonic() - started


async def chunked(base_url: str, method: str, path: str, headers: dict[str, str], field: str | None = None):
    prelude = part_header(field) if field else b""
    return await asyncio.to_thread(send_chunked, base_url, method, path, headers, prelude)


async def test_api_proxy_cuts_a_chunked_upload_at_its_limit(balai_stack):
    status, answer, sent, _ = await chunked(balai_stack.gateway_url, "POST", "/api/ukm/businesses", {
        **token(balai_stack), "Content-Type": MULTIPART}, field="photo_1")
    assert status == 413, answer
    assert sent < TOTAL // 2, f"{sent / MiB:.1f} MiB read before the 413"


async def test_gateway_web_form_cuts_a_chunked_upload_at_its_limit(balai_stack):
    status, answer, sent, _ = await chunked(balai_stack.gateway_url, "POST", "/masuk", {
        "Content-Type": "application/x-www-form-urlencoded"})
    assert status == 413, answer
    assert sent < TOTAL // 2, f"{sent / MiB:.1f} MiB read before the 413"


@pytest.mark.parametrize("service,path,ctype,field", [
    ("identity", "/auth/login", "application/json", None),
    ("identity", "/participants", MULTIPART, "photo"),
    ("ukm", "/businesses", MULTIPART, "photo_1"),
    ("training", "/trainings/00000000-0000-4000-8000-000000000000/enrollments", MULTIPART, "photo_1"),
])
async def test_each_service_cuts_a_chunked_body_at_its_limit(balai_stack, service, path, ctype, field):
    # straight to the service, as a peserta: the route reads the form before anything else
    status, answer, sent, seconds = await chunked(balai_stack.service_url(service), "POST", path,
                                                  {**token(balai_stack), "Content-Type": ctype}, field)
    assert status == 413, (service, path, answer)
    assert b"terlalu besar" in answer, answer
    print(f"\n{service}{path}: 413 after {sent / MiB:.1f} MiB sent, {seconds:.2f} s")
    assert sent < TOTAL // 2, f"{service}: {sent / MiB:.1f} MiB read before the 413 ({seconds:.1f} s)"


async def test_a_declared_length_over_the_limit_is_refused_before_reading(balai_stack):
    parts = urlsplit(balai_stack.service_url("identity"))
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    writer.write(f"POST /participants HTTP/1.1\r\nHost: x\r\nContent-Type: {MULTIPART}\r\n"
                 "Content-Length: 104857600\r\n\r\n".encode())
    await writer.drain()
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30)
    writer.close()
    assert head.startswith((b"HTTP/1.1 400", b"HTTP/1.1 413")), head
