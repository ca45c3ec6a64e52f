"""Pagination shared by every list page, and by every list of the API."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

from liaison.core.bounds import INT_MAX

DEFAULT_PER_PAGE = 25
API_DEFAULT_LIMIT = 100
API_MAX_LIMIT = 1000


def paginate(request: HttpRequest, items: Any, *, per_page: int = DEFAULT_PER_PAGE) -> Page:
    """The requested page of `items`; a bad or out-of-range page number shows the nearest page."""
    paginator = Paginator(items, per_page)
    return paginator.get_page(request.GET.get("page"))


def querystring_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


class ApiPagination(LimitOffsetPagination):
    """`?limit=&offset=` for every API list, both bounded: a huge offset is a 422, not a database error."""

    class Input(Schema):
        limit: int = Field(API_DEFAULT_LIMIT, ge=1, le=API_MAX_LIMIT)
        offset: int = Field(0, ge=0, le=INT_MAX)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=API_MAX_LIMIT, **kwargs)
