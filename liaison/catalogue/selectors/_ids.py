"""Turning an id from a URL or a query string into a primary key, or None."""

from __future__ import annotations

from typing import Any

MAX_PK = 2**63 - 1


def parse_pk(value: Any) -> int | None:
    """A positive integer id that fits a database key, else None (bad input reads as "not found")."""
    if isinstance(value, bool):
        return None
    try:
        pk = int(value)
    except (TypeError, ValueError):
        return None
    return pk if 0 < pk <= MAX_PK else None
