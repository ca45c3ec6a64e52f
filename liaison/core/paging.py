"""Pagination shared by every list page, and by every list of the API."""

from __future__ import annotations

from collections.abc import Callable, Iterable
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


def paginate_keys(
    request: HttpRequest,
    items: Any,
    load: Callable[[list[Any]], Iterable[Any]],
    *,
    per_page: int = DEFAULT_PER_PAGE,
) -> Page:
    """`paginate`, with the page picked on primary keys alone and its rows then loaded by `load(keys)`
    (with their joins), kept in the page's order. For lists whose order is computed (a light): sorting every
    matching row with its joined columns cost far more than sorting their keys."""
    page = paginate(request, items.values_list("pk", flat=True), per_page=per_page)
    keys = list(page.object_list)
    loaded = {row.pk: row for row in load(keys)}
    page.object_list = [loaded[key] for key in keys if key in loaded]
    return page


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
