"""What the narasumber pages (public/participant and admin) share: PDF downloads from training and the
multipart body sent on to it."""
from __future__ import annotations

import aiohttp
from fastapi import HTTPException, Request
from starlette.datastructures import FormData
from starlette.responses import Response

from gateway.edge import client_ip
from gateway.upstream import UnknownService, Upstreams, UpstreamUnavailable
from gateway.web.common import form_file
from gateway.web.session import WebUser

MAX_PDF_BYTES = 3 * 1024 * 1024


async def pdf(request: Request, user: WebUser | None, path: str) -> Response:
    """A PDF of the training service (a letter, a CV): 200 with its file name, never cached; 404 for any
    refusal (the service decides who may read it); 503 when the service cannot answer."""
    upstreams: Upstreams = request.app.state.upstreams
    try:
        result = await upstreams.download("training", path, token=user.access_token if user else None,
                                          client_ip=client_ip(request.scope))
    except (UpstreamUnavailable, UnknownService):
        raise UpstreamUnavailable("training") from None
    if result.status != 200 or not result.body.startswith(b"%PDF-"):
        raise HTTPException(404)
    disposition = result.headers.get("Content-Disposition", 'attachment; filename="surat.pdf"')
    return Response(result.body, media_type="application/pdf", headers={
        "Content-Disposition": disposition, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"})


async def multipart(form: FormData, text_fields: tuple[str, ...], list_fields: tuple[str, ...],
                    file_fields: tuple[str, ...]) -> aiohttp.FormData:
    """The posted form as multipart for the service: its text fields, repeated fields and PDF files (at most
    3 MB + 1 byte read of each: the service judges the content and says what is wrong)."""
    data = aiohttp.FormData(default_to_multipart=True)  # the service reads multipart, files or not
    for name in text_fields:
        value = form.get(name)
        data.add_field(name, value.strip() if isinstance(value, str) else "")
    for name in list_fields:
        for value in form.getlist(name):
            if isinstance(value, str):
                data.add_field(name, value)
    for name in file_fields:
        upload = form_file(form, name)
        if upload is not None:
            data.add_field(name, await upload.read(MAX_PDF_BYTES + 1), filename=upload.filename[-100:],
                           content_type="application/pdf")
    return data
