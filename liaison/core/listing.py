"""The one list pattern of the staff pages: keyword search, the filter kept in the URL, pagination, and an
Excel export of exactly the rows the filter selects.

A list view calls `list_tools(request)` for the toolbar (`{% include "includes/list_tools.html" %}`),
`keyword_filter(qs, q, fields)` for the search, `sorted_by(qs, request, SORTING)` for the order the user
picked by a column header (`{% load listing %}{% sort_th "due" _("期限") %}`; the keys declared once as a
`Sorting` beside the list's export), and — when `wants_export(request)` — returns
`export_response(spec, qs, request=request, prepare=…)` instead of the page; the export keeps the page's
order. The columns of an export are declared once per list as a `ListExport` in the owning app's
`exports.py`; the workbook is `liaison.core.xlsx`'s. An export past `EXPORT_SYNC_MAX` rows is written by
the background worker (`liaison.core.export_jobs`), which replays the view as the same user.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import reduce
from itertools import islice
from operator import or_
from typing import Any

from django.conf import settings
from django.db.models import F, OrderBy, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from liaison.core.export_sink import ExportSink, Offer, current_sink, offer_sign
from liaison.core.xlsx import XLSX_CONTENT_TYPE, table_workbook

KEYWORD_MAX = 100
EXPORT_PARAM = "export"
SORT_PARAM = "sort"
EXPORT_CHUNK = 500  # rows read, prepared and counted as progress at a time
Prepare = Callable[[list[Any]], Iterable[Any]]  # a chunk of the queryset's rows -> the rows the columns read


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


def _batches(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


def _workbook(
    spec: ListExport, values: Iterable[list[Any]], *, request: HttpRequest, scope: str, cut_at: int | None
) -> bytes:
    subtitle = _("导出日期：%(date)s") % {"date": timezone.localdate().isoformat()}
    scope = scope or _scope(request)
    if scope:
        subtitle += "　" + _("筛选：%(scope)s") % {"scope": scope}
    if cut_at is not None:
        subtitle += "　" + _("仅导出前 %(n)s 条，请缩小筛选范围。") % {"n": cut_at}
    return table_workbook(
        sheet=str(spec.name),
        title=str(spec.name),
        subtitle=subtitle,
        headers=[str(c.header) for c in spec.columns],
        rows=values,
        widths=[c.width for c in spec.columns],
        text_columns=[i for i, c in enumerate(spec.columns) if c.text],
    )


def _values(
    spec: ListExport, rows: Iterable[Any], prepare: Prepare | None, on_chunk: Callable[[int], Any]
) -> Iterator[list[Any]]:
    """Each row's cells, `prepare`d (lights, masking…) a chunk at a time; `on_chunk(rows so far)` after each."""
    done = 0
    for chunk in _batches(rows, EXPORT_CHUNK):
        for row in prepare(chunk) if prepare else chunk:
            yield [c.value(row) for c in spec.columns]
        done += len(chunk)
        on_chunk(done)


def export_response(
    spec: ListExport,
    rows: Iterable[Any],
    *,
    request: HttpRequest,
    scope: str = "",
    prepare: Prepare | None = None,
    on_written: Callable[[], Any] | None = None,
) -> HttpResponse:
    """The filtered rows as an .xlsx download, in the list's order; `scope` names the filter on the sheet (by
    default the query's parameters). Pass the unevaluated queryset and, for what a row needs beyond it (a
    light, a masked phone), `prepare(chunk) -> rows`.

    Up to `EXPORT_SYNC_MAX` rows the file is written at once. Beyond it the user is offered a background
    export (`core/export_offer.html` → `liaison.core.export_jobs`): the worker replays this view as the
    same user with the same query, and this function then writes into the job (`current_sink`) chunk by
    chunk — at most `EXPORT_BACKGROUND_MAX` rows, said on the sheet when cut. `on_written()` runs once the
    file is written (during the request or by the worker; not when the background export is only offered):
    where an export is itself recorded (the audit trail's)."""
    sink = current_sink.get()
    if sink is not None:
        response = _export_into(sink, spec, rows, request=request, scope=scope, prepare=prepare)
        if on_written:
            on_written()
        return response
    rows = rows if isinstance(rows, QuerySet) else list(rows)
    total = rows.count() if isinstance(rows, QuerySet) else len(rows)
    if total > settings.EXPORT_SYNC_MAX:
        return _offer(request, spec, total)
    content = _workbook(
        spec, _values(spec, rows, prepare, lambda done: None), request=request, scope=scope, cut_at=None
    )
    if on_written:
        on_written()
    return xlsx_download(content, spec)


def xlsx_download(content: bytes, spec: ListExport) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, export_filename(str(spec.name)))
    return response


def export_filename(name: str, day: date | None = None) -> str:
    return f"{name}-{(day or timezone.localdate()):%Y%m%d}.xlsx"


def _export_into(
    sink: ExportSink,
    spec: ListExport,
    rows: Iterable[Any],
    *,
    request: HttpRequest,
    scope: str,
    prepare: Prepare | None,
) -> HttpResponse:
    limit = settings.EXPORT_BACKGROUND_MAX
    if isinstance(rows, QuerySet):
        total = rows.count()
        source: Iterable[Any] = rows.iterator(chunk_size=EXPORT_CHUNK)  # one query, read a chunk at a time
    else:
        source = list(rows)
        total = len(source)
    cut = total > limit
    sink.begin(min(total, limit), cut=cut)
    written = 0

    def progress(done: int) -> None:
        nonlocal written
        written = done
        sink.progress(done)

    values = _values(spec, islice(source, limit), prepare, progress)
    content = _workbook(spec, values, request=request, scope=scope, cut_at=limit if cut else None)
    sink.finish(content, rows=written)
    return HttpResponse(status=204)


def _offer(request: HttpRequest, spec: ListExport, total: int) -> HttpResponse:
    """The page offering a background export of `total` rows (a GET changes nothing: the form posts)."""
    params = _without_paging(request)
    params[EXPORT_PARAM] = "xlsx"
    user_id = getattr(request.user, "pk", None) or 0
    offer = Offer(user_id, str(spec.name), request.path, params.urlencode(), total)
    back = _without_paging(request)
    context = {
        "name": spec.name,
        "total": total,
        "sync_max": settings.EXPORT_SYNC_MAX,
        "background_max": settings.EXPORT_BACKGROUND_MAX,
        "token": offer_sign(offer),
        "back": f"{request.path}?{back.urlencode()}" if back else request.path,
    }
    return render(request, "core/export_offer.html", context)
