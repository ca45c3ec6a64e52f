"""Links in emails: absolute when the site's address is configured (settings.SITE_URL)."""

from __future__ import annotations

from django.conf import settings


def link(url: str) -> str:
    """The URL as an email can carry it: absolute when SITE_URL is configured, as given otherwise."""
    base = str(settings.SITE_URL or "").rstrip("/")
    return f"{base}{url}" if url.startswith("/") and base else url
