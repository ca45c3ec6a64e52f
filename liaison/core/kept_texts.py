"""Texts built from module constants (lazy translations of a navigation entry, a workflow step), kept per
process and language so that a page does not translate and escape them again on every row.

`kept_per_language(value, build)` returns `build(value)` for the active language, computed once. The
value is held with its result, so its id cannot be reused by another object while the entry lives. Only
for constants: a value built per request would fill the (bounded) store for nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.utils.html import conditional_escape
from django.utils.translation import get_language

T = TypeVar("T")
_LIMIT = 4096
_KEPT: dict[tuple[int, int, str], tuple[Any, Any]] = {}


def kept_per_language(value: Any, build: Callable[[Any], T], language: str | None = None) -> T:
    """`build(value)` in `language` (the active one when None), kept per (build, value, language)."""
    key = (id(build), id(value), language if language is not None else get_language() or "")
    found = _KEPT.get(key)
    if found is None:
        if len(_KEPT) >= _LIMIT:
            _KEPT.clear()
        found = _KEPT[key] = (value, build(value))
    return found[1]


def _escaped(value: Any) -> str:
    return str(conditional_escape(str(value)))


def escaped_text(value: Any, language: str | None = None) -> str:
    """The value's text in the language, HTML-escaped, kept (a lazy translation constant, or a str)."""
    return kept_per_language(value, _escaped, language)
