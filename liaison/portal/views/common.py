"""What every public page shares: the cached fragment with its "as of" time, optional links to pages of
apps that may not be installed, and the 404 for a missing object."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe

from liaison.core.errors import NotFound
from liaison.portal.cache import Cached, portal_cached, portal_cached_from


def optional_url(name: str, *args: Any) -> str:
    """The URL of `name`, or "" when no app provides it (the link is then hidden)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def entry_points() -> dict[str, str]:
    """The ways in: register, sign in, apply, and the complaint and enquiry forms when installed."""
    return {
        "register": optional_url("intake:register"),
        "login": optional_url("login"),
        "apply": optional_url("intake:request_list"),
        "complaint": optional_url("complaints:public_new"),
        "enquiry": optional_url("publicity:enquiry_new"),
    }


def cached_fragment(
    name: str,
    template: str,
    build: Callable[..., dict[str, Any]],
    source: Callable[[], Cached] | None = None,
) -> Cached:
    """The page's main content rendered once per language and cache period (no request: nothing personal).
    With `source` (e.g. the statistics), `build` takes the source's cached value and the fragment keeps its
    "as of" time and expires with it. Fragments are kept under "fragment:<name>", apart from the data the
    pages cache under their own names (the statistics page's fragment and the statistics themselves)."""
    key = f"fragment:{name}"
    try:
        if source is not None:
            return portal_cached_from(
                key,
                source,
                lambda origin: mark_safe(render_to_string(template, build(origin))),  # noqa: S308
            )
        return portal_cached(key, lambda: mark_safe(render_to_string(template, build())))  # noqa: S308
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc


def public_page(
    request: HttpRequest,
    *,
    name: str,
    fragment: str,
    build: Callable[..., dict[str, Any]],
    title: str,
    source: Callable[[], Cached] | None = None,
    crumbs: list[tuple[str, str]] | None = None,
    extra: dict[str, Any] | None = None,
    as_of: Any = None,
) -> HttpResponse:
    """A public page: the layout, the cached fragment, then `extra` (e.g. a self-check's answer). With
    `source`, the fragment is drawn from that cached value (see `cached_fragment`)."""
    cached = cached_fragment(name, fragment, build, source)
    context = {
        "fragment": cached.value,
        "as_of": as_of or cached.as_of,
        "page_title": title,
        "crumbs": crumbs or [],
        **(extra or {}),
    }
    return render(request, "portal/page.html", context)
