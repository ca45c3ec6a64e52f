"""The client's IP address: the one rule used by the audit trail, sign-in lockout and registration limits.

A forwarded header is only as trustworthy as whoever wrote it. By default none is trusted and the address
is the TCP peer (REMOTE_ADDR). When the peer is one of `settings.TRUSTED_PROXIES` (addresses or networks,
from the `TRUSTED_PROXIES` environment variable), X-Forwarded-For is read from the right: each trusted
proxy appended the address it saw, so the right-most entry that is not a trusted proxy is the client.
Anything to the left of it was written by the client and is ignored.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from typing import Any

from django.conf import settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_ip(value: str | None) -> str | None:
    """The canonical text of an IP address (as the database gives it back), or None if it is not one."""
    if not value:
        return None
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def _networks(entries: Iterable[str]) -> list[Network]:
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(str(entry).strip(), strict=False))
        except ValueError:
            continue  # a typo in the setting trusts nobody rather than failing every request
    return networks


def _trusted(address: str, networks: list[Network]) -> bool:
    ip = ipaddress.ip_address(address)
    return any(ip in network for network in networks)


def client_address(request: Any) -> str | None:
    """The client's address for this request (canonical text), or None when it cannot be known."""
    meta = getattr(request, "META", None) or {}
    peer = parse_ip(meta.get("REMOTE_ADDR"))
    networks = _networks(getattr(settings, "TRUSTED_PROXIES", ()))
    if peer is None or not networks or not _trusted(peer, networks):
        return peer
    address = peer
    hops = [part.strip() for part in str(meta.get("HTTP_X_FORWARDED_FOR", "")).split(",") if part.strip()]
    for hop in reversed(hops):
        address_seen = parse_ip(hop)
        if address_seen is None:
            return None  # the nearest trusted proxy wrote something that is not an address
        address = address_seen
        if not _trusted(address, networks):
            break
    return address
