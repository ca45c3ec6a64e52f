"""Project pages: the list, registration and editing, the detail page, and the Art. 8 preview."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from liaison.audit.policies import can_view_audit_trail
from liaison.catalogue.stages import Stage
from liaison.core.errors import DomainError
from liaison.core.listing import export_response, list_tools, sorted_by, wants_export
from liaison.core.paging import paginate, querystring_without_page
from liaison.directory.models import Enterprise
from liaison.directory.roles import Role
from liaison.intake.eligibility import eligibility_evaluate
from liaison.intake.exports import PROJECT_EXPORT, PROJECT_SORTING
from liaison.intake.forms import ProjectForm
from liaison.intake.models import EntrustmentStatus, Project
from liaison.intake.policies import can_edit_project, is_enterprise_member, sees_enterprise_contacts_in_full
from liaison.intake.selectors.projects import project_detail as select_detail
from liaison.intake.selectors.projects import project_list as select_projects
from liaison.intake.services.projects import PROJECT_FIELDS, project_update
from liaison.intake.services.projects import project_create as create_project
from liaison.intake.views.common import (
    actor_of,
    clause_rows,
    contact_rows,
    form_error,
    phone,
    posted,
    project_actions,
    project_list_crumb,
    project_or_404,
)


def _filters(request: HttpRequest) -> dict[str, str]:
    stage = request.GET.get("stage", "")
    return {"q": request.GET.get("q", "").strip()[:100], "stage": stage if stage in Stage.values else ""}


def _latest(project: Project) -> Any:
    history = getattr(project, "entrustment_history", [])
    return history[0] if history else None


@login_required
@require_GET
def project_list(request: HttpRequest) -> HttpResponse:
    user = actor_of(request)
    filters = _filters(request)
    projects = sorted_by(
        select_projects(user=user, q=filters["q"], stage=filters["stage"]), request, PROJECT_SORTING
    )
    if wants_export(request):
        return export_response(PROJECT_EXPORT, projects, request=request)
    page_obj = paginate(request, projects)
    rows = [{"project": p, "latest": _latest(p), "officers": p.active_assignments} for p in page_obj]
    can_register = user.has_role(Role.APPLICANT) and bool(user.enterprise_id)
    return render(
        request,
        "intake/project_list.html",
        {
            "page_obj": page_obj,
            "rows": rows,
            "filters": filters,
            "stages": Stage.choices,
            "filter_query": querystring_without_page(request),
            "tools": list_tools(request, search=False),
            "allowed_actions": {"create": can_register or user.has_role(Role.CENTER_ADMIN)},
        },
    )


def _enterprise_choices(request: HttpRequest) -> list[tuple[int, str]] | None:
    """The centre registers projects on behalf of an enterprise; an applicant only for its own."""
    user = actor_of(request)
    if user.has_role(Role.APPLICANT) and user.enterprise_id:
        return None
    return [(e.pk, f"{e.name}（{e.uscc}）") for e in Enterprise.objects.order_by("name")]


@login_required
@require_http_methods(["GET", "POST"])
def project_create(request: HttpRequest) -> HttpResponse:
    user = actor_of(request)
    if not ((user.has_role(Role.APPLICANT) and user.enterprise_id) or user.has_role(Role.CENTER_ADMIN)):
        raise Http404(_("页面不存在。"))
    form = ProjectForm(posted(request), enterprises=_enterprise_choices(request))
    if request.method == "POST" and form.is_valid():
        enterprise_id = form.cleaned_data.get("enterprise")
        enterprise = Enterprise.objects.filter(pk=enterprise_id).first() if enterprise_id else None
        try:
            project = create_project(actor=user, enterprise=enterprise, **form.project_data())
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("项目“%(name)s”已登记。") % {"name": project.name})
            return HttpResponseRedirect(reverse("intake:project_detail", args=[project.pk]))
    return render(request, "intake/project_form.html", {"form": form, "mode": "create"})


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_or_404(request, pk)
    user = actor_of(request)
    if not can_edit_project(user, project):
        if request.method == "POST":
            messages.error(request, _("申请已提交或已受理，项目信息不能再修改；如需变更请联系中心。"))
            return HttpResponseRedirect(reverse("intake:project_detail", args=[project.pk]))
        raise Http404(_("页面不存在。"))
    initial = {name: getattr(project, name) for name in PROJECT_FIELDS}
    form = ProjectForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            project_update(actor=user, project=project, **form.project_data())
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("项目信息已保存。"))
            return HttpResponseRedirect(reverse("intake:project_detail", args=[project.pk]))
    return render(request, "intake/project_form.html", {"form": form, "mode": "edit", "project": project})


@login_required
@require_GET
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_or_404(request, pk)
    user = actor_of(request)
    related = select_detail(project)
    member = is_enterprise_member(user, project)
    # Other people never see an enterprise's unsent drafts.
    entrustments = [e for e in related["entrustments"] if member or e.status != EntrustmentStatus.DRAFT]
    active = [a for a in related["assignments"] if a.is_active]
    full = sees_enterprise_contacts_in_full(user, project)
    officers = [
        {"assignment": a, "mobile": phone(a.officer.user.mobile, full)} for a in related["assignments"]
    ]
    return render(
        request,
        "intake/project_detail.html",
        {
            "project": project,
            "entrustments": [{"e": e, "clauses": clause_rows(e.eligibility)} for e in entrustments],
            "officers": officers,
            "has_active": bool(active),
            "contacts": contact_rows(related["contacts"], full=full),
            "allowed_actions": project_actions(user, project, entrustments, active),
            "audit_link": bool(can_view_audit_trail(user)),
            "crumb": project_list_crumb(user),
        },
    )


def _preview(request: HttpRequest, project: Any) -> HttpResponse:
    try:
        result: dict[str, Any] | None = eligibility_evaluate(
            project=project, on=timezone.localdate()
        ).as_json()
        error = ""
    except DomainError as exc:
        result, error = None, str(exc.message)
    return render(
        request,
        "intake/includes/eligibility.html",
        {"result": result, "clauses": clause_rows(result or {}), "error": error, "preview": True},
    )


@login_required
@require_GET
def project_eligibility(request: HttpRequest, pk: int) -> HttpResponse:
    """Art. 8 for the saved project, as of today, without saving anything (htmx partial)."""
    return _preview(request, project_or_404(request, pk))


@login_required
@require_POST
def project_eligibility_preview(request: HttpRequest) -> HttpResponse:
    """Art. 8 for the data typed into the project form, before it is saved (htmx partial)."""
    form = ProjectForm(request.POST)
    if not form.is_valid():
        labels = [str(form.fields[name].label) for name in form.errors if name in form.fields]
        error = _("请先正确填写：%(f)s。") % {"f": "、".join(labels)} if labels else _("请先填写项目信息。")
        return render(request, "intake/includes/eligibility.html", {"error": error, "preview": True})
    return _preview(request, Project(**form.project_data()))
