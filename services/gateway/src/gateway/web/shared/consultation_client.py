"""What the consultation pages (alumnus and admin) share: the form with up to three attachments,
forwarding them to the training service, and the thread's display helpers."""
from __future__ import annotations

import aiohttp
from fastapi import HTTPException, Request
from starlette.datastructures import FormData, UploadFile

from gateway.web.common import form_text
from gateway.web.csrf import check_csrf
from gateway.web.shared.training_client import items_of

MAX_FILES = 3
# three attachments of at most 3 MB each plus the text fields; the training service allows the same
MAX_UPLOAD_BYTES = MAX_FILES * 3 * 1024 * 1024 + 64 * 1024
STATUSES = ("waiting", "answered", "closed")


async def read_upload_form(request: Request) -> FormData:
    """Like common.read_form, with room for three attachments."""
    limit = max(MAX_UPLOAD_BYTES, request.app.state.settings.max_form_bytes)
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        raise HTTPException(413)
    form = await request.form(max_files=MAX_FILES + 1, max_fields=20)
    token = form.get("csrf_token")
    check_csrf(request, token if isinstance(token, str) else None)
    return form


async def multipart(form: FormData, fields: dict[str, str]) -> aiohttp.FormData:
    """The text fields and the chosen attachments (an empty file input sends nothing) for the service."""
    data = aiohttp.FormData()
    for key, value in fields.items():
        data.add_field(key, value)
    for upload in form.getlist("files")[:MAX_FILES + 1]:
        if isinstance(upload, UploadFile) and upload.filename:
            content = await upload.read(3 * 1024 * 1024 + 1)
            if content:
                data.add_field("files", content, filename=upload.filename[-200:],
                               content_type=upload.content_type or "application/octet-stream")
    return data


def file_link(base: str, url: str) -> str:
    """The gateway address of an attachment: `base` + the service's file id."""
    return f"{base}/lampiran/{url.rstrip('/').rsplit('/', 1)[-1]}"


async def read_reply(request: Request) -> tuple[dict[str, str], aiohttp.FormData]:
    """A reply (alumnus) or answer (admin) on a thread: the form's body and attachments for the service."""
    form = await read_upload_form(request)
    values = {"body": form_text(form, "body")[:4100]}
    return values, await multipart(form, values)


def thread_messages(c: dict, base: str) -> list[dict]:
    """The thread's messages, each with `links`: the gateway addresses of its attachments under `base`."""
    messages = items_of(c, "messages")
    for m in messages:
        m["links"] = [file_link(base, f.get("url") or "") for f in items_of(m, "files")]
    return messages
