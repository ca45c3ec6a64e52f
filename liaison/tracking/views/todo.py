"""The officer's and the guide's 待办, most urgent first."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from liaison.tracking.selectors.items import project_item_todo_list
from liaison.tracking.views.common import actor_of


@login_required
@require_GET
def todo(request: HttpRequest) -> HttpResponse:
    rows = project_item_todo_list(user=actor_of(request))
    return render(request, "tracking/todo.html", {"rows": rows, "next": request.path})
