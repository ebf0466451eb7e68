"""The caller's IP for the per-IP login throttle: X-Forwarded-For counts only from our proxies."""
from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from functools import lru_cache

from fastapi import Request

_Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def trusted_networks(proxies: tuple[str, ...]) -> tuple[_Network, ...]:
    return tuple(ipaddress.ip_network(p.strip(), strict=False) for p in proxies if p.strip())


def _is_trusted(host: str, networks: Iterable[_Network]) -> bool:
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        return False
    return any(addr in net for net in networks)


def client_ip(request: Request, proxies: Iterable[str]) -> str:
    """The peer's address; behind a trusted proxy, the nearest address it vouches for."""
    peer = request.client.host if request.client else ""
    networks = trusted_networks(tuple(proxies))
    if not _is_trusted(peer, networks):
        return peer  # anyone may send the header: believing it would let a client pick its IP
    hops = [h.strip() for h in request.headers.get("x-forwarded-for", "").split(",") if h.strip()]
    # read from the right: each trusted proxy appended the address it saw
    for hop in reversed(hops):
        if not _is_trusted(hop, networks):
            return hop
    return hops[0] if hops else peer
