"""The consultation list with its filters, a guide's inbox (待回复) and a project's consultations section."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from liaison.consultations.exports import CONSULTATION_EXPORT
from liaison.consultations.forms import FilterForm
from liaison.consultations.models import Forwarding
from liaison.consultations.policies import can_manage_consultation_settings, can_raise_consultation
from liaison.consultations.selectors.consultations import consultation_list, consultation_rows, guide_inbox
from liaison.consultations.views.common import actor_of, annotate_lights
from liaison.core.errors import NotFound
from liaison.core.listing import export_response, list_tools, wants_export
from liaison.core.paging import paginate, paginate_keys, querystring_without_page
from liaison.directory.models import Department
from liaison.directory.roles import Role
from liaison.intake.models import Project
from liaison.tracking.selectors.plans import access_plan_project

SECTION_LIMIT = 20


def _project_for(user: object, project_id: int | None) -> Project | None:
    """The filtered project if the user may see it (its name is shown; a hidden one stays hidden)."""
    if not project_id:
        return None
    try:
        return access_plan_project(user, project_id)
    except NotFound:
        return None


def _lit(rows: list[Any]) -> list[Any]:
    annotate_lights(rows)
    return rows


@login_required
@require_GET
def consultation_list_page(request: HttpRequest) -> HttpResponse:
    user = actor_of(request)
    form = FilterForm(request.GET)
    filters = form.filters()
    rows = consultation_list(user, **filters)
    if wants_export(request):
        return export_response(CONSULTATION_EXPORT, rows, request=request, prepare=_lit)
    page_obj = paginate_keys(request, rows, consultation_rows)
    annotate_lights(page_obj)
    project = _project_for(user, filters["project_id"])
    context = {
        "page_obj": page_obj,
        "form": form,
        "filters": filters,
        "filter_query": querystring_without_page(request),
        "tools": list_tools(request, search=False),
        "departments": Department.objects.filter(is_active=True)
        .only("id", "name")
        .order_by("sort_order", "code"),
        "project": project,
        "can_raise": bool(project and can_raise_consultation(user, project)),
        "can_settings": can_manage_consultation_settings(user),
    }
    return render(request, "consultations/list.html", context)


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    """待回复: what waits on this guide, worst light first; a forwarded one awaiting acceptance is marked."""
    user = actor_of(request)
    if not user.has_role(Role.GUIDE):
        raise Http404(_("页面不存在。"))
    pending = Forwarding.objects.filter(accepted_at__isnull=True).select_related("from_guide", "from_item")
    rows = guide_inbox(user).prefetch_related(Prefetch("forwardings", queryset=pending, to_attr="pending"))
    page_obj = paginate(request, rows)
    annotate_lights(page_obj)
    return render(
        request,
        "consultations/inbox.html",
        {"page_obj": page_obj, "filter_query": querystring_without_page(request)},
    )


@login_required
@require_GET
def project_section(request: HttpRequest, pk: int) -> HttpResponse:
    """A project's consultations, as a section of its tracking page (loaded by htmx)."""
    user = actor_of(request)
    try:
        project = access_plan_project(user, pk)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    rows = list(consultation_list(user, project_id=project.pk)[: SECTION_LIMIT + 1])
    annotate_lights(rows)
    context = {
        "project": project,
        "rows": rows[:SECTION_LIMIT],
        "more": len(rows) > SECTION_LIMIT,
        "can_raise": can_raise_consultation(user, project),
    }
    return render(request, "consultations/includes/project_section.html", context)
