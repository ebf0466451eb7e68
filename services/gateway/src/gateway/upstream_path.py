"""The upstream URL of an `/api/<service>/...` request: the service's base URL plus a normalised path.

The raw (still percent-encoded) request path is never pasted after the base URL as it is: round 1
turned `/api/identity%2F@evil:80/x` into `http://127.0.0.1:8101%2F@evil:80/x`-like URLs that
reached any host. Here every segment is decoded once, judged, and encoded again; anything odd
(encoded slashes or backslashes, dot segments, empty segments, double encoding, control
characters) is refused, and the final scheme, host and port must be the service's own.
"""
from __future__ import annotations

import re
from urllib.parse import quote, unquote_to_bytes

from yarl import URL

# RFC 3986 pchar minus "%" (encoding is redone here): unreserved, sub-delims, ":" and "@"
_SEGMENT_SAFE = "-._~!$&'()*+,;=:@"
_VALID_ESCAPES = re.compile(r"%(?![0-9A-Fa-f]{2})")
_QUERY_OK = re.compile(r"^[\x21-\x7e]*$")


class BadUpstreamPath(ValueError):
    """The request path cannot be mapped onto the service safely: answer 400."""


def upstream_url(base: str, service: str, raw_path: bytes, query: bytes = b"") -> URL:
    """`base` + the part of `raw_path` after `/api/<service>`, normalised; BadUpstreamPath otherwise."""
    try:
        raw = raw_path.decode("ascii")
        raw_query = query.decode("ascii")
    except UnicodeDecodeError:
        raise BadUpstreamPath("non-ASCII bytes in the request target") from None
    prefix = f"/api/{service}/"
    if not raw.startswith(prefix):  # e.g. /api/identity%2F@host, /api/%69dentity/, /api/identity\
        raise BadUpstreamPath("the service part must be the plain name followed by '/'")
    path = normalise_path(raw[len(prefix) - 1:])
    if not _QUERY_OK.match(raw_query) or "#" in raw_query or _VALID_ESCAPES.search(raw_query):
        raise BadUpstreamPath("malformed query string")
    origin = URL(base)
    url = URL(str(origin.origin()) + origin.raw_path.rstrip("/") + path + (f"?{raw_query}" if raw_query else ""), encoded=True)
    if (url.scheme, url.host, url.port, url.user, url.password) != (
            origin.scheme, origin.host, origin.port, None, None) or not url.raw_path.startswith("/"):
        raise BadUpstreamPath("the upstream URL left the service")
    return url


def normalise_path(rest: str) -> str:
    """A path that starts with '/', each segment decoded once, checked, and encoded again."""
    if not rest.startswith("/"):
        raise BadUpstreamPath("the path must start with '/'")
    if _VALID_ESCAPES.search(rest):
        raise BadUpstreamPath("a '%' that is not a percent-escape")
    segments = rest[1:].split("/")
    clean = []
    for i, segment in enumerate(segments):
        decoded = unquote_to_bytes(segment)
        if b"%" in decoded:  # double encoding: %252F would become %2F one hop later
            raise BadUpstreamPath("double percent-encoding")
        if not decoded and i != len(segments) - 1:  # '//' anywhere; a trailing '/' is fine
            raise BadUpstreamPath("empty path segment")
        if decoded in (b".", b"..") or b"/" in decoded or b"\\" in decoded:
            raise BadUpstreamPath("dot segment or encoded slash")
        if any(c < 0x20 or c == 0x7F for c in decoded):
            raise BadUpstreamPath("control character in the path")
        clean.append(quote(decoded, safe=_SEGMENT_SAFE))
    return "/" + "/".join(clean)
