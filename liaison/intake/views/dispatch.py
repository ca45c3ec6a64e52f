"""Dispatch (派任, Art. 7, 13): ranked suggestions, dispatch and reassignment; the officer's 我的项目."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from liaison.catalogue.stages import Stage
from liaison.core.errors import Conflict, DomainError
from liaison.core.paging import paginate, querystring_without_page
from liaison.directory.roles import Role
from liaison.intake.forms import DispatchForm, ReassignForm
from liaison.intake.models import Assignment, AssignmentRole, EnterpriseContact, EntrustmentStatus, Project
from liaison.intake.policies import can_dispatch
from liaison.intake.selectors.projects import project_list
from liaison.intake.selectors.suggestions import officer_suggestions
from liaison.intake.services.dispatch import assignment_dispatch, assignment_reassign
from liaison.intake.views.common import actor_of, form_error, posted, project_or_404, require_role
from liaison.officers.models import Officer, OfficerStatus


def _dispatchable(request: HttpRequest, pk: int) -> Project:
    project = project_or_404(request, pk)
    if not can_dispatch(actor_of(request), project):
        raise Http404(_("页面不存在。"))
    return project


def _officers() -> tuple[list[tuple[int, str]], dict[int, Officer]]:
    officers = list(Officer.objects.select_related("user").order_by("number"))
    choices = [
        (
            o.pk,
            f"{o.number} {o.user.display_name}"
            + ("" if o.status == OfficerStatus.ACTIVE else f"（{o.get_status_display()}）"),
        )
        for o in officers
    ]
    return choices, {o.pk: o for o in officers}


def _who_won(project: Project, exc: DomainError) -> str:
    """The lost race's message, naming who dispatched first and whom."""
    lead = (
        Assignment.objects.filter(project=project, is_active=True, role=AssignmentRole.LEAD)
        .select_related("assigned_by", "officer__user")
        .first()
    )
    if lead is None:
        return str(exc.message)
    return _("%(msg)s（%(who)s 已于 %(at)s 派任 %(officer)s 为主办联络官）") % {
        "msg": exc.message,
        "who": lead.assigned_by.display_name,
        "at": f"{timezone.localtime(lead.assigned_at):%Y-%m-%d %H:%M}",
        "officer": lead.officer.user.display_name,
    }


def _run(request: HttpRequest, project: Project, form: DispatchForm, by_pk: dict[int, Officer]) -> bool:
    data = form.cleaned_data
    lead, assistants = by_pk[data["lead"]], [by_pk[pk] for pk in data["assistants"]]
    try:
        if isinstance(form, ReassignForm):
            assignment_reassign(
                actor=actor_of(request),
                project=project,
                lead=lead,
                assistants=assistants,
                reason=data["reason"],
            )
        else:
            assignment_dispatch(actor=actor_of(request), project=project, lead=lead, assistants=assistants)
    except Conflict as exc:
        messages.warning(request, _who_won(project, exc))
        return False
    except DomainError as exc:
        form_error(form, exc, {"assistants": "assistants", "lead": "lead"})
        return False
    return True


def _page(
    request: HttpRequest, project: Project, form: DispatchForm, reassign_form: ReassignForm
) -> HttpResponse:
    current = list(
        Assignment.objects.filter(project=project, is_active=True)
        .select_related("officer__user")
        .order_by("role")
    )
    return render(
        request,
        "intake/dispatch.html",
        {
            "project": project,
            "suggestions": officer_suggestions(project=project),
            "current": current,
            "form": form,
            "reassign_form": reassign_form,
            "accepted": project.entrustments.filter(status=EntrustmentStatus.ACCEPTED).exists(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def dispatch(request: HttpRequest, pk: int) -> HttpResponse:
    """Choose a lead (and assistants) from the ranked suggestions and dispatch them."""
    project = _dispatchable(request, pk)
    choices, by_pk = _officers()
    form = DispatchForm(posted(request), officer_choices=choices)
    reassign_form = ReassignForm(officer_choices=choices)
    if request.method == "POST":
        if form.is_valid() and _run(request, project, form, by_pk):
            messages.success(request, _("已派任联络官，派任单已生成。"))
            return HttpResponseRedirect(reverse("intake:project_detail", args=[project.pk]))
        if not form.errors:
            return HttpResponseRedirect(reverse("intake:dispatch", args=[project.pk]))
    return _page(request, project, form, reassign_form)


@login_required
@require_POST
def reassign(request: HttpRequest, pk: int) -> HttpResponse:
    """Replace the project's officers; the reason is required and the previous dispatch stays in history."""
    project = _dispatchable(request, pk)
    choices, by_pk = _officers()
    reassign_form = ReassignForm(request.POST, officer_choices=choices)
    if reassign_form.is_valid() and _run(request, project, reassign_form, by_pk):
        messages.success(request, _("已变更派任，新的派任单已生成。"))
        return HttpResponseRedirect(reverse("intake:project_detail", args=[project.pk]))
    if not reassign_form.errors:
        return HttpResponseRedirect(reverse("intake:dispatch", args=[project.pk]))
    return _page(request, project, DispatchForm(officer_choices=choices), reassign_form)


def _my_rows(user: Any, projects: list[Any]) -> list[dict[str, Any]]:
    """Each project with my role, its scope and the enterprise's current contacts, in constant queries."""
    accepted = {
        p.pk: next((e for e in p.entrustment_history if e.status == EntrustmentStatus.ACCEPTED), None)
        for p in projects
    }
    prefetch_related_objects([e for e in accepted.values() if e is not None], "items")
    contacts: dict[int, list[EnterpriseContact]] = {}
    current = EnterpriseContact.objects.filter(
        enterprise_id__in={p.enterprise_id for p in projects}, is_current=True
    ).order_by("role")
    for contact in current:
        contacts.setdefault(contact.enterprise_id, []).append(contact)
    rows = []
    for project in projects:
        mine = next((a for a in project.active_assignments if a.officer.user_id == user.pk), None)
        entrustment = accepted[project.pk]
        items = list(entrustment.items.all()) if entrustment else []
        rows.append(
            {
                "project": project,
                "mine": mine,
                "team": project.active_assignments,
                "entrustment": entrustment,
                "items": items,
                # one list line per item, joined here: a full scope lists the whole catalogue per card
                "items_html": format_html_join("", "<li>{} {}</li>", ((i.code, i.name) for i in items)),
                "stage_labels": [Stage(s).label for s in entrustment.stages if s in Stage.values]
                if entrustment
                else [],
                # Assigned officers see the enterprise's contacts in full (policies.sees_enterprise_contacts_in_full).
                "contacts": contacts.get(project.enterprise_id, []),
            }
        )
    return rows


@login_required
@require_GET
def my_projects(request: HttpRequest) -> HttpResponse:
    """我的项目: the projects the signed-in officer is dispatched to, newest dispatch first."""
    user = require_role(request, Role.OFFICER)
    q = request.GET.get("q", "").strip()[:100]
    page_obj = paginate(request, project_list(user=user, q=q, mine=True))
    return render(
        request,
        "intake/my_projects.html",
        {
            "page_obj": page_obj,
            "rows": _my_rows(user, list(page_obj)),
            "q": q,
            "filter_query": querystring_without_page(request),
        },
    )
