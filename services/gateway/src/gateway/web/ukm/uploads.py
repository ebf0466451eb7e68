"""Reading a posted form with up to three product photos."""
from __future__ import annotations

from fastapi import HTTPException, Request
from starlette.datastructures import FormData

from gateway.web.csrf import check_csrf

# three photos of at most 3 MB each plus the text fields; the ukm service accepts 10 MiB too
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


async def read_upload_form(request: Request) -> FormData:
    """Like common.read_form, with room for three photos."""
    limit = max(MAX_UPLOAD_BYTES, request.app.state.settings.max_form_bytes)
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        raise HTTPException(413)
    form = await request.form(max_files=3, max_fields=60)
    token = form.get("csrf_token")
    check_csrf(request, token if isinstance(token, str) else None)
    return form
