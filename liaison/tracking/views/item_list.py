"""Item lists with the list pattern: the list behind the overview's figures (超期 / 临期 / 日历缺失 …) and the
officer's and guide's 待办 — by light, searchable, paginated, exported as filtered."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from liaison.core.listing import ListExport, export_response, keyword, list_tools, sorted_by, wants_export
from liaison.core.paging import paginate, querystring_without_page
from liaison.tracking.exports import ITEM_EXPORT, ITEM_SORTING, MY_ITEMS_EXPORT
from liaison.tracking.lights import LIGHT_LABELS, SEVERITY, LightContext, light_context
from liaison.tracking.models import ProjectItem
from liaison.tracking.policies import ActorScope, actor_scope
from liaison.tracking.selectors.item_list import project_item_filtered, project_item_todo_filtered
from liaison.tracking.selectors.rows import build_rows, page_with_details
from liaison.tracking.views.common import actor_of


def _light(request: HttpRequest) -> str:
    light = request.GET.get("light", "")
    return light if light in SEVERITY else ""


def _respond(
    request: HttpRequest,
    qs: QuerySet[ProjectItem],
    *,
    ctx: LightContext,
    scope: ActorScope | None,
    export: ListExport,
    template: str,
) -> HttpResponse:
    user, light = actor_of(request), _light(request)
    qs = sorted_by(qs, request, ITEM_SORTING)
    if wants_export(request):
        return export_response(
            export,
            qs,
            request=request,
            scope=str(LIGHT_LABELS[light]) if light else "",
            prepare=lambda chunk: build_rows(page_with_details(chunk, ctx), ctx, user=user, scope=None),
        )
    page_obj = paginate(request, qs)
    rows = build_rows(page_with_details(page_obj, ctx), ctx, user=user, scope=scope)
    context = {
        "page_obj": page_obj,
        "rows": rows,
        # one banner for the page; each light only says 日历缺失 (the explanation in its tooltip)
        "calendar_problem_year": next(
            (r.item.calendar_problem_year for r in rows if r.item.calendar_problem_year), None
        ),
        "light": light,
        "lights": [(value, LIGHT_LABELS[value]) for value in SEVERITY],
        "tools": list_tools(request),
        "filter_query": querystring_without_page(request),
        "next": request.get_full_path(),
    }
    return render(request, template, context)


@login_required
@require_GET
def item_list(request: HttpRequest) -> HttpResponse:
    ctx = light_context()
    qs = project_item_filtered(user=actor_of(request), ctx=ctx, light=_light(request), q=keyword(request))
    return _respond(request, qs, ctx=ctx, scope=None, export=ITEM_EXPORT, template="tracking/item_list.html")


@login_required
@require_GET
def todo(request: HttpRequest) -> HttpResponse:
    user = actor_of(request)
    ctx, scope = light_context(), actor_scope(user)
    qs = project_item_todo_filtered(
        user=user, scope=scope, ctx=ctx, light=_light(request), q=keyword(request)
    )
    return _respond(request, qs, ctx=ctx, scope=scope, export=MY_ITEMS_EXPORT, template="tracking/todo.html")
