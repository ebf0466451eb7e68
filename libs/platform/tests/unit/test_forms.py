"""The shared form reader: content types, limits, files, repeated fields, JSON."""
from __future__ import annotations

import pytest
from starlette.requests import Request

from balai_platform import errors
from balai_platform.forms import json_object, read_form

BOUNDARY = "xYzZY"


def request(body: bytes, ctype: str, length: int | None = None) -> Request:
    headers = [(b"content-type", ctype.encode()), (b"content-length", str(length or len(body)).encode())]
    sent = False

    async def receive():
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return Request({"type": "http", "method": "POST", "path": "/", "headers": headers, "query_string": b""}, receive)


def multipart(*parts: tuple[str, str | bytes, bool]) -> tuple[bytes, str]:
    out = b""
    for name, value, is_file in parts:
        out += f"--{BOUNDARY}\r\n".encode()
        if is_file:
            out += (f'Content-Disposition: form-data; name="{name}"; filename="f.jpg"\r\n'
                    "Content-Type: image/jpeg\r\n\r\n").encode()
        else:
            out += f'Content-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        out += (value if isinstance(value, bytes) else value.encode()) + b"\r\n"
    return out + f"--{BOUNDARY}--\r\n".encode(), f"multipart/form-data; boundary={BOUNDARY}"


async def test_repeated_fields_and_named_files():
    body, ctype = multipart(("tag", "a", False), ("tag", "b", False), ("photo", b"JPEG", True),
                            ("empty", b"", True), ("other", b"x", True))
    form = await read_form(request(body, ctype), max_bytes=1000, file_fields=("photo", "empty"), max_files=5)
    assert form.fields == {"tag": ["a", "b"]} and form.last_values() == {"tag": "b"}
    assert form.files == {"photo": b"JPEG", "empty": None}, "files not asked for are dropped"
    assert form.json is None


async def test_urlencoded_is_a_form():
    form = await read_form(request(b"a=1&b=2", "application/x-www-form-urlencoded"), max_bytes=100)
    assert form.last_values() == {"a": "1", "b": "2"}


async def test_file_reads_stop_one_byte_past_the_limit():
    body, ctype = multipart(("photo", b"x" * 50, True))
    form = await read_form(request(body, ctype), max_bytes=1000, file_fields=("photo",), file_max_bytes=10)
    assert form.files["photo"] == b"x" * 11


async def test_not_a_form_is_400():
    with pytest.raises(errors.ServiceError) as exc:
        await read_form(request(b"{}", "application/json"), max_bytes=100)
    assert exc.value.status == 400 and "multipart/form-data" in exc.value.detail


async def test_malformed_multipart_is_400():
    with pytest.raises(errors.ServiceError) as exc:
        await read_form(request(b"garbage", f"multipart/form-data; boundary={BOUNDARY}"), max_bytes=100,
                        file_fields=("photo",))
    assert exc.value.status == 400 and exc.value.detail == "Format formulir tidak valid"


async def test_too_large_uses_the_callers_error_and_order():
    def mine() -> errors.ServiceError:
        return errors.ServiceError("Foto maksimal 3 MB", {"photo": "Ukuran foto maksimal 3 MB"})

    with pytest.raises(errors.ServiceError) as exc:
        await read_form(request(b"a=1", "application/x-www-form-urlencoded", length=5000), max_bytes=100,
                        too_large=mine)
    assert exc.value.status == 400 and exc.value.errors == {"photo": "Ukuran foto maksimal 3 MB"}
    # a wrong content type is reported first, unless the size is checked first
    with pytest.raises(errors.ServiceError) as exc:
        await read_form(request(b"x", "text/plain", length=5000), max_bytes=100)
    assert exc.value.status == 400
    with pytest.raises(errors.PayloadTooLarge) as exc:
        await read_form(request(b"x", "text/plain", length=5000), max_bytes=100, size_first=True)
    assert exc.value.status == 413


async def test_json_object_when_allowed():
    form = await read_form(request(b'{"name": "Roti"}', "application/json"), max_bytes=100, allow_json=True)
    assert form.json == {"name": "Roti"} and form.fields == {}
    with pytest.raises(errors.ServiceError) as exc:
        await read_form(request(b"[1]", "application/json"), max_bytes=100, allow_json=True)
    assert exc.value.errors == {"body": "Format data tidak valid"}


def test_json_object():
    assert json_object(b"", empty_ok=True) == {}
    with pytest.raises(errors.ServiceError):
        json_object(b"")
    with pytest.raises(errors.ServiceError) as exc:
        json_object(b"{nope")
    assert exc.value.detail == "Format JSON tidak valid"
