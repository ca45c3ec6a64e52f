"""The one list pattern of the staff pages: keyword search, the filter kept in the URL, pagination, and an
Excel export of exactly the rows the filter selects.

A list view calls `list_tools(request)` for the toolbar (`{% include "includes/list_tools.html" %}`),
`keyword_filter(qs, q, fields)` for the search, `sorted_by(qs, request, SORTING)` for the order the user
picked by a column header (`{% load listing %}{% sort_th "due" _("期限") %}`; the keys declared once as a
`Sorting` beside the list's export), and — when `wants_export(request)` — returns
`export_response(spec, rows, request=request)` instead of the page; the export keeps the page's order. The columns of an export are declared
once per list as a `ListExport` in the owning app's `exports.py`; the workbook is `liaison.core.xlsx`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import reduce
from itertools import islice
from operator import or_
from typing import Any

from django.db.models import F, OrderBy, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from liaison.core.xlsx import XLSX_CONTENT_TYPE, table_workbook

KEYWORD_MAX = 100
EXPORT_PARAM = "export"
SORT_PARAM = "sort"
EXPORT_LIMIT = 10_000  # a larger export is cut here and says so on its second line


@dataclass(frozen=True)
class Column:
    header: str | Promise
    value: Callable[[Any], Any]  # the cell's value from one row
    width: int = 16
    text: bool = False  # kept as text in Excel (codes, phone numbers)


@dataclass(frozen=True)
class ListExport:
    name: str | Promise  # the sheet, the title and the file name, e.g. _("咨询清单")
    columns: Sequence[Column]


@dataclass(frozen=True)
class ListTools:
    q: str
    hidden: list[tuple[str, str]]  # the other filters, kept when searching
    export_url: str
    search: bool = True


@dataclass(frozen=True)
class SortKey:
    key: str  # the URL's value: ?sort=due (ascending) or ?sort=-due (descending)
    fields: tuple[str, ...]  # the ascending order; the primary key breaks ties


@dataclass(frozen=True)
class Sorting:
    """The columns a list may be sorted by. Without ?sort= (or with an unknown key) the list keeps the
    order its selector gives."""

    keys: Sequence[SortKey]

    def pick(self, request: HttpRequest) -> tuple[SortKey | None, bool]:
        raw = request.GET.get(SORT_PARAM, "")[:40]
        descending = raw.startswith("-")
        wanted = raw.removeprefix("-")
        return next((k for k in self.keys if k.key == wanted), None), descending


def sorted_by(qs: QuerySet[Any], request: HttpRequest, sorting: Sorting) -> QuerySet[Any]:
    """`qs` in the order the user picked (empty values last either way), or unchanged."""
    key, descending = sorting.pick(request)
    if key is None:
        return qs
    order: list[OrderBy] = [
        F(name).desc(nulls_last=True) if descending else F(name).asc(nulls_last=True) for name in key.fields
    ]
    return qs.order_by(*order, "-pk" if descending else "pk")


def _without_paging(request: HttpRequest) -> Any:
    """The query's parameters without the page number and the export switch (a copy to change)."""
    params = request.GET.copy()
    for name in ("page", EXPORT_PARAM):
        params.pop(name, None)
    return params


def sort_link(request: HttpRequest, key: str) -> tuple[str, str]:
    """(the URL that sorts by `key` — the other way round when it already does —, the current direction
    of `key`: "ascending", "descending" or "none")."""
    params = _without_paging(request)
    current = params.get(SORT_PARAM, "")
    state = "ascending" if current == key else "descending" if current == f"-{key}" else "none"
    params[SORT_PARAM] = f"-{key}" if state == "ascending" else key
    return f"?{params.urlencode()}", state


def keyword(request: HttpRequest) -> str:
    """The `q` parameter, trimmed and bounded."""
    return request.GET.get("q", "").strip()[:KEYWORD_MAX]


def keyword_filter(qs: QuerySet[Any], q: str, fields: Sequence[str]) -> QuerySet[Any]:
    """Rows where any of `fields` contains `q` (case-insensitive); all rows when `q` is empty."""
    if not q:
        return qs
    return qs.filter(reduce(or_, (Q(**{f"{name}__icontains": q}) for name in fields)))


def wants_export(request: HttpRequest) -> bool:
    return request.GET.get(EXPORT_PARAM) == "xlsx"


def list_tools(request: HttpRequest, *, search: bool = True) -> ListTools:
    """The toolbar of a list page: the keyword, the other filters as hidden fields, the export link."""
    params = _without_paging(request)
    hidden = [(k, v) for k, values in params.lists() if k != "q" for v in values]
    params[EXPORT_PARAM] = "xlsx"
    return ListTools(keyword(request), hidden, f"{request.path}?{params.urlencode()}", search)


def _scope(request: HttpRequest) -> str:
    params = [(k, v) for k, v in request.GET.items() if k not in {"page", EXPORT_PARAM} and v]
    return "，".join(f"{k}={v}" for k, v in params)


def export_response(
    spec: ListExport, rows: Iterable[Any], *, request: HttpRequest, scope: str = ""
) -> HttpResponse:
    """The filtered rows as an .xlsx download (at most EXPORT_LIMIT, said on the sheet when cut); `scope`
    names the filter on the sheet (by default the query's parameters)."""
    taken = list(islice(rows, EXPORT_LIMIT + 1))
    cut = len(taken) > EXPORT_LIMIT
    taken = taken[:EXPORT_LIMIT]
    today = timezone.localdate()
    scope = scope or _scope(request)
    subtitle = _("导出日期：%(date)s") % {"date": today.isoformat()}
    if scope:
        subtitle += "　" + _("筛选：%(scope)s") % {"scope": scope}
    if cut:
        subtitle += "　" + _("仅导出前 %(n)s 条，请缩小筛选范围。") % {"n": EXPORT_LIMIT}
    content = table_workbook(
        sheet=str(spec.name),
        title=str(spec.name),
        subtitle=subtitle,
        headers=[str(c.header) for c in spec.columns],
        rows=([c.value(row) for c in spec.columns] for row in taken),
        widths=[c.width for c in spec.columns],
        text_columns=[i for i, c in enumerate(spec.columns) if c.text],
    )
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    filename = f"{spec.name}-{today:%Y%m%d}.xlsx"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
