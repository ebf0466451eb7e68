"""The one shared aiohttp session to the services, and a small JSON helper for the web layer."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import aiohttp
import orjson
from multidict import CIMultiDictProxy

from balai_platform.logging import get_logger
from gateway.request_id import current_request_id
from gateway.settings import Settings

log = get_logger("gateway.upstream")


class UnknownService(LookupError):
    pass


class UpstreamUnavailable(Exception):
    def __init__(self, service: str) -> None:
        super().__init__(service)
        self.service = service


@dataclass
class UpstreamResponse:
    status: int
    data: Any = None
    headers: CIMultiDictProxy | dict = field(default_factory=dict)
    body: bytes = b""  # the raw bytes of a file, or of a call's answer that is not JSON

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def errors(self) -> dict[str, str]:
        """Field errors of a 4xx answer: {"errors": {"nik": "..."}}."""
        if isinstance(self.data, dict) and isinstance(self.data.get("errors"), dict):
            return {str(k): str(v) for k, v in self.data["errors"].items()}
        return {}

    def detail(self) -> str | None:
        detail = self.data.get("detail") if isinstance(self.data, dict) else None
        return detail if isinstance(detail, str) else None


class Upstreams:
    def __init__(self, settings: Settings) -> None:
        self.urls = {name: url.rstrip("/") for name, url in settings.service_urls.items()}
        self.timeout = aiohttp.ClientTimeout(total=settings.request_timeout_seconds)
        self._limit = settings.upstream_connections
        self._keepalive = settings.upstream_keepalive_seconds
        self.session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        connector = aiohttp.TCPConnector(limit=self._limit, keepalive_timeout=self._keepalive, ttl_dns_cache=300)
        # no decompression: bodies pass through with their Content-Encoding untouched
        self.session = aiohttp.ClientSession(
            connector=connector, timeout=self.timeout, auto_decompress=False,
            cookie_jar=aiohttp.DummyCookieJar(), skip_auto_headers=("User-Agent",),
        )

    async def close(self) -> None:
        if self.session:
            await self.session.close()

    def base_url(self, service: str) -> str:
        try:
            return self.urls[service]
        except KeyError:
            raise UnknownService(service) from None

    def _headers(self, token: str | None, client_ip: str | None, accept: str | None) -> dict:
        headers = {"X-Request-ID": current_request_id.get() or ""}
        if accept:
            headers["Accept"] = accept
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if client_ip:
            headers["X-Forwarded-For"] = client_ip
        return headers

    async def call(self, service: str, method: str, path: str, *, json: Any = None,
                   data: Any = None, token: str | None = None, client_ip: str | None = None,
                   params: dict | None = None) -> UpstreamResponse:
        """Call a service from the web layer and decode its JSON answer (any other answer stays in `body`)."""
        url = self.base_url(service) + path
        headers = self._headers(token, client_ip, "application/json")
        try:
            async with self.session.request(method, url, json=json, data=data, headers=headers,
                                            params=params) as resp:
                body = await resp.read()
                payload = None
                if body and "json" in resp.headers.get("Content-Type", ""):
                    try:
                        payload = orjson.loads(body)
                    except ValueError:
                        payload = None
                return UpstreamResponse(resp.status, payload, resp.headers, b"" if payload is not None else body)
        except (TimeoutError, aiohttp.ClientError) as exc:
            log.warning("upstream_unavailable", service=service, error=type(exc).__name__)
            raise UpstreamUnavailable(service) from exc

    async def download(self, service: str, path: str, *, token: str | None = None,
                       client_ip: str | None = None,
                       if_none_match: str | None = None) -> UpstreamResponse:
        """GET a stored file (photo, material): its bytes and headers as they are, 304 kept."""
        url = self.base_url(service) + path
        headers = self._headers(token, client_ip, None)
        if if_none_match:
            headers["If-None-Match"] = if_none_match
        try:
            async with self.session.get(url, headers=headers, allow_redirects=False) as resp:
                return UpstreamResponse(resp.status, None, resp.headers, await resp.read())
        except (TimeoutError, aiohttp.ClientError) as exc:
            log.warning("upstream_unavailable", service=service, error=type(exc).__name__)
            raise UpstreamUnavailable(service) from exc

    async def healthy(self, service: str) -> bool:
        try:
            async with self.session.get(self.base_url(service) + "/healthz",
                                        timeout=aiohttp.ClientTimeout(total=2)) as resp:
                return resp.status == 200
        except (TimeoutError, aiohttp.ClientError):
            return False
