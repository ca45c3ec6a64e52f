"""Pagination shared by every list page."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

DEFAULT_PER_PAGE = 25


def paginate(request: HttpRequest, items: Any, *, per_page: int = DEFAULT_PER_PAGE) -> Page:
    """The requested page of `items`; a bad or out-of-range page number shows the nearest page."""
    paginator = Paginator(items, per_page)
    return paginator.get_page(request.GET.get("page"))


def querystring_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
