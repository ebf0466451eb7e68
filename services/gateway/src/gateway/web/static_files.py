"""Static files under content-hashed names (`app.3f2a9c1b7d.css`), cached by browsers for a year.

A page names each file by the hash of its bytes (`static_url`), so a changed file gets a new name
and a year's `immutable` cache is safe. A name whose hash is not the current one (a page from an
older replica during a rolling deploy) still gets the file, but only with revalidation; the plain
name works too, revalidated.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

STATIC_DIR = Path(__file__).parent / "static"
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "public, no-cache"
_HASHED = re.compile(r"^(?P<stem>[\w-]+)\.(?P<hash>[0-9a-f]{10})(?P<suffix>\.[a-z0-9]+)$")


def _digests(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:10]
            for p in sorted(directory.iterdir()) if p.is_file()}


DIGESTS = _digests(STATIC_DIR)


def static_url(name: str) -> str:
    """The content-hashed URL of a file in web/static (a plain name if the file is unknown)."""
    digest = DIGESTS.get(name)
    if digest is None:
        return f"/static/{name}"
    stem, dot, suffix = name.rpartition(".")
    return f"/static/{stem}.{digest}.{suffix}"


class HashedStaticFiles(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        match = _HASHED.match(path)
        real = f"{match['stem']}{match['suffix']}" if match else path
        response = await super().get_response(real, scope)
        if response.status_code in (200, 304):
            current = match is not None and DIGESTS.get(real) == match["hash"]
            response.headers["cache-control"] = IMMUTABLE if current else REVALIDATE
        return response
