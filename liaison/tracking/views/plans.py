"""The service plan page (table and Gantt chart), drafting, rescheduling, confirming, versions and proposals."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from liaison.catalogue.models import ApprovalItem
from liaison.catalogue.stages import Stage
from liaison.core.errors import DomainError
from liaison.deadlines.calendar_policy import deadline_after
from liaison.intake.models import Project
from liaison.tracking.forms import (
    ConfirmPlanForm,
    DecisionForm,
    DraftForm,
    PlanItemAddForm,
    ProposalForm,
    RescheduleForm,
)
from liaison.tracking.models import PlanDateProposal
from liaison.tracking.policies import can_edit_plan, can_propose_plan_dates
from liaison.tracking.selectors.plans import (
    PlanView,
    addable_item_choices,
    plan_proposal_list,
    plan_version_diff,
    plan_version_list,
    plan_view,
)
from liaison.tracking.services.plans import plan_confirm, plan_draft_from_entrustment, plan_item_add
from liaison.tracking.services.proposals import (
    plan_date_proposal_accept,
    plan_date_proposal_decline,
    plan_date_propose,
)
from liaison.tracking.services.reschedule import plan_item_reschedule
from liaison.tracking.views.common import (
    actor_of,
    flash_error,
    flash_form_errors,
    item_or_404,
    project_or_404,
    run,
)


def gantt_data(view: PlanView) -> dict[str, Any]:
    """What the ECharts Gantt chart draws: one bar per item (planned and actual), links, today."""
    stages = [str(s.label) for s in Stage]
    items = []
    for stage in view.stages:
        for row in stage.items:
            i = row.item
            end = i.decided_on or i.ended_on or (view.today if i.started_on else None)
            items.append(
                {
                    "id": i.pk,
                    "name": f"{i.approval_item.code} {i.approval_item.name}",
                    "stage": stage.label,
                    "stage_index": stages.index(stage.label),
                    "state": i.get_state_display(),
                    "light": row.light,
                    "planned": [_iso(i.planned_start), _iso(i.planned_due)],
                    "actual": [_iso(i.started_on), _iso(end)],
                }
            )
    return {
        "stages": stages,
        "items": items,
        "links": [list(link) for link in view.links],
        "today": _iso(view.today),
        "labels": {
            "planned": _("计划"),
            "actual": _("实际"),
            "today": _("今天"),
            "month": _("%(year)s年%(m)s月"),
        },
    }


def first_working_day_after(day: Any) -> Any:
    """The draft's default start: the next working day (none where the calendar lacks the year)."""
    return deadline_after(day, 1).due_on


def _iso(day: Any) -> str | None:
    return day.isoformat() if day else None


def _diff(request: HttpRequest, view: PlanView) -> Any:
    raw_old, raw_new = request.GET.get("diff"), request.GET.get("to")
    if view.plan is None or not raw_old:
        return None
    try:
        old = int(raw_old)
        new = int(raw_new) if raw_new else None
        return plan_version_diff(plan=view.plan, old=old, new=new)
    except (ValueError, DomainError):
        return None


@login_required
@require_GET
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor_of(request)
    project = project_or_404(request, pk)
    view = plan_view(user=user, project=project)
    proposals = list(plan_proposal_list(project=project)) if view.plan else []
    if view.partial:
        shown = {r.item.pk for s in view.stages for r in s.items}
        proposals = [p for p in proposals if p.project_item_id in shown]
    context = {
        "project": project,
        "view": view,
        "data": gantt_data(view),
        "versions": list(plan_version_list(plan=view.plan)) if view.plan else [],
        "proposals": proposals,
        "diff": _diff(request, view),
        "diff_old": request.GET.get("diff", ""),
        "diff_new": request.GET.get("to", ""),
        "can_draft": view.plan is None and bool(can_edit_plan(user, project)),
        "can_propose": {
            r.item.pk for s in view.stages for r in s.items if can_propose_plan_dates(user, r.item)
        },
        "draft_form": DraftForm(initial={"start_date": first_working_day_after(view.today)}),
        "add_item_form": (
            PlanItemAddForm(choices=addable_item_choices(project)) if view.plan and view.can_edit else None
        ),
        "confirm_form": ConfirmPlanForm(),
        "proposal_form": ProposalForm(),
    }
    return render(request, "tracking/plan.html", context)


def _to_plan(project_id: int) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("tracking:plan", args=[project_id]))


@login_required
@require_POST
def plan_draft(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor_of(request)
    project: Project = project_or_404(request, pk)
    form = DraftForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
    else:
        run(
            request,
            lambda: plan_draft_from_entrustment(
                actor=user, project=project, start_date=form.cleaned_data["start_date"]
            ),
            _("服务方案已起草，请核对后确认。"),
        )
    return _to_plan(project.pk)


@login_required
@require_POST
def plan_confirm_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor_of(request)
    project = project_or_404(request, pk)
    form = ConfirmPlanForm(request.POST)
    if form.is_valid():
        run(
            request,
            lambda: plan_confirm(actor=user, project=project, reason=form.cleaned_data["reason"]),
            _("服务方案已确认，形成新版本。"),
        )
    else:
        flash_form_errors(request, form)
    return _to_plan(project.pk)


@login_required
@require_POST
def plan_item_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Add one catalogue item to the existing plan (placed after its prerequisites; confirm afterwards)."""
    user = actor_of(request)
    project = project_or_404(request, pk)
    form = PlanItemAddForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return _to_plan(project.pk)
    item = ApprovalItem.objects.filter(pk=form.cleaned_data["approval_item"]).first()
    if item is None:
        messages.error(request, _("所选事项不在事项目录中。"))
        return _to_plan(project.pk)
    run(
        request,
        lambda: plan_item_add(actor=user, project=project, approval_item=item),
        _("已将“%(i)s”加入方案，请核对日期后确认方案。") % {"i": item.name},
    )
    return _to_plan(project.pk)


@login_required
@require_POST
def item_reschedule(request: HttpRequest, pk: int) -> HttpResponse:
    """Without `confirm`: a preview of every item that moves; with it, the change is applied."""
    user = actor_of(request)
    item = item_or_404(request, pk)
    form = RescheduleForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return _to_plan(item.project_id)
    start, confirm = form.cleaned_data["planned_start"], form.cleaned_data["confirm"]
    try:
        changes = plan_item_reschedule(actor=user, project_item=item, planned_start=start, confirm=confirm)
    except DomainError as exc:
        flash_error(request, exc)
        return _to_plan(item.project_id)
    if confirm:
        return _to_plan(item.project_id)
    context = {"item": item, "project": item.project, "changes": changes, "planned_start": start}
    return render(request, "tracking/reschedule.html", context)


@login_required
@require_POST
def item_propose(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor_of(request)
    item = item_or_404(request, pk)
    form = ProposalForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
    else:
        run(
            request,
            lambda: plan_date_propose(
                actor=user,
                project_item=item,
                proposed_start=form.cleaned_data["proposed_start"],
                reason=form.cleaned_data["reason"],
            ),
            _("日期建议已提交联络官。"),
        )
    return _to_plan(item.project_id)


def _proposal_or_404(request: HttpRequest, pk: int) -> PlanDateProposal:
    proposal = PlanDateProposal.objects.select_related("project_item__project").filter(pk=pk).first()
    if proposal is None:
        raise Http404(_("日期建议不存在。"))
    project_or_404(request, proposal.project_item.project_id)
    return proposal


@login_required
@require_POST
def proposal_decide(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    user = actor_of(request)
    proposal = _proposal_or_404(request, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
    elif decision == "accept":
        run(
            request,
            lambda: plan_date_proposal_accept(actor=user, proposal=proposal, note=form.cleaned_data["note"]),
            _("已采纳日期建议，相关事项已顺延。"),
        )
    else:
        run(
            request,
            lambda: plan_date_proposal_decline(actor=user, proposal=proposal, note=form.cleaned_data["note"]),
            _("已不采纳该日期建议。"),
        )
    return _to_plan(proposal.project_item.project_id)
