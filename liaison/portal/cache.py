"""The public pages' cache (Django's cache framework): each page's data or rendered fragment is kept per
language for PORTAL_CACHE_SECONDS and shown with the time it was computed ("as of"). Publishing a
document empties it by moving to a new generation of keys."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

DEFAULT_SECONDS = 300
_GENERATION = "portal:generation"


@dataclass(frozen=True)
class Cached:
    value: Any
    as_of: dt.datetime


def cache_seconds() -> int:
    return int(getattr(settings, "PORTAL_CACHE_SECONDS", DEFAULT_SECONDS))


def _generation() -> int:
    generation = cache.get(_GENERATION)
    if generation is None:
        cache.add(_GENERATION, 1, None)
        generation = cache.get(_GENERATION) or 1
    return int(generation)


def portal_cached(name: str, build: Callable[[], Any]) -> Cached:
    """`build()` computed once per language and cache period; `value` must not hold lazy translations."""
    key = f"portal:{_generation()}:{translation.get_language() or settings.LANGUAGE_CODE}:{name}"
    hit = cache.get(key)
    if hit is None:
        hit = Cached(build(), timezone.now())
        cache.set(key, hit, cache_seconds())
    return hit


def portal_cached_from(name: str, source: Callable[[], Cached], build: Callable[[Cached], Any]) -> Cached:
    """`build(source())` kept under its own key with the source's "as of" time and only for the rest of the
    source's period: a page's fragment drawn from the statistics never shows other figures or another time
    than the statistics themselves, and a hit reads the fragment alone, not the source as well."""
    key = f"portal:{_generation()}:{translation.get_language() or settings.LANGUAGE_CODE}:{name}"
    hit = cache.get(key)
    if hit is None:
        origin = source()
        hit = Cached(build(origin), origin.as_of)
        left = cache_seconds() - int((timezone.now() - origin.as_of).total_seconds())
        if left > 0:
            cache.set(key, hit, left)
    return hit


def portal_cache_clear() -> None:
    """Forget every cached public page (a new generation of keys; the old ones expire by themselves)."""
    try:
        cache.incr(_GENERATION)
    except ValueError:
        cache.set(_GENERATION, 2, None)
