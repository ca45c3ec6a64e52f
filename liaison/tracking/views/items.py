"""The project's tracking page, one item's page, its steps (受理, 补正, 办结 …) and 催办."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from liaison.catalogue.stages import Stage
from liaison.directory.roles import Role
from liaison.tracking.forms import ResultForm, SupplementForm, TransitionForm, UrgeForm
from liaison.tracking.lights import light_context
from liaison.tracking.models import ProjectItem
from liaison.tracking.policies import (
    actor_scope,
    can_record_item_result,
    can_review_material,
    can_upload_material,
    can_urge_project_item,
    project_roles,
)
from liaison.tracking.selectors.items import project_item_history, project_item_list
from liaison.tracking.selectors.materials import material_list, reminder_log_list
from liaison.tracking.selectors.rows import ItemRow, annotated_items, build_rows
from liaison.tracking.selectors.timeline import project_timeline
from liaison.tracking.services.project_items import (
    project_item_approve,
    project_item_request_supplement,
    project_item_transition,
)
from liaison.tracking.services.reminders import project_item_urge
from liaison.tracking.services.results import project_item_record_result, result_document_clean
from liaison.tracking.views.common import (
    actor_of,
    flash_form_errors,
    item_or_404,
    project_or_404,
    run,
)
from liaison.tracking.views.obligations import obligation_context


def _by_stage(rows: list[ItemRow]) -> list[tuple[str, list[ItemRow]]]:
    return [
        (str(s.label), members) for s in Stage if (members := [r for r in rows if r.item.stage == s.value])
    ]


@login_required
@require_GET
def project_tracking(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor_of(request)
    project = project_or_404(request, pk)
    rows = project_item_list(user=user, project=project)
    scope = actor_scope(user)
    roles = project_roles(user, project, scope)
    context = {
        "project": project,
        "stages": _by_stage(rows),
        "timeline": project_timeline(project=project) if roles else None,
        **obligation_context(user, project, scope=scope, items=[r.item for r in rows]),
        "obligations_first": Role.APPLICANT in roles,
        "supplement_form": SupplementForm(),
        "next": request.path,
    }
    return render(request, "tracking/project.html", context)


def _item_row(user: object, item: ProjectItem) -> ItemRow:
    ctx = light_context()
    rows = annotated_items(ProjectItem.objects.filter(pk=item.pk), ctx)
    return build_rows(rows, ctx, user=user, scope=actor_scope(user))[0]


@login_required
@require_GET
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor_of(request)
    item = item_or_404(request, pk)
    materials = material_list(project_item=item)
    for m in materials:
        m.project_item = item
    context = {
        "item": item,
        "row": _item_row(user, item),
        "history": project_item_history(item),
        "materials": materials,
        "can_upload": {m.pk for m in materials if can_upload_material(user, m)},
        "can_review": {m.pk for m in materials if can_review_material(user, m)},
        "can_urge": can_urge_project_item(user, item),
        "can_record_result": can_record_item_result(user, item),
        "result_form": ResultForm(),
        "reminders": list(reminder_log_list(project_item=item)[:20]),
        "supplement_form": SupplementForm(),
        "urge_form": UrgeForm(),
        "next": request.path,
    }
    return render(request, "tracking/item.html", context)


def _back(request: HttpRequest, item: ProjectItem) -> HttpResponseRedirect:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("tracking:item", args=[item.pk])
    return HttpResponseRedirect(target)


def _submit(
    request: HttpRequest, item: ProjectItem, form: Any, action: Callable[[Any], Any], success: str
) -> HttpResponse:
    """Validate `form`, then call the service with it; the problem or `success` as a message, and back."""
    if not form.is_valid():
        flash_form_errors(request, form)
    else:
        run(request, lambda: action(form), success)
    return _back(request, item)


@login_required
@require_POST
def item_transition(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor_of(request)
    item = item_or_404(request, pk)
    name = request.POST.get("name")
    if name == "request_supplement":
        return _submit(
            request,
            item,
            SupplementForm(request.POST),
            lambda f: project_item_request_supplement(
                actor=user, project_item=item, missing=f.missing_lines(), due_on=f.cleaned_data.get("due_on")
            ),
            _("已要求补正，办理时限暂停计算。"),
        )
    form = TransitionForm(request.POST)
    if name == "approve" and form.is_valid():  # the approval asks for its result document
        return _submit(
            request,
            item,
            ResultForm(request.POST, request.FILES),
            lambda f: project_item_approve(
                actor=user,
                project_item=item,
                comment=form.cleaned_data["comment"],
                result=result_document_clean(**f.document()),
            ),
            _("已记录办结，审批结果文件已登记到资料保管台账。"),
        )
    return _submit(
        request,
        item,
        form,
        lambda f: project_item_transition(
            actor=user, project_item=item, name=f.cleaned_data["name"], comment=f.cleaned_data["comment"]
        ),
        _("已记录。"),
    )


@login_required
@require_POST
def item_urge(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor_of(request)
    item = item_or_404(request, pk)
    form = UrgeForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
    else:
        run(
            request,
            lambda: project_item_urge(actor=user, project_item=item, comment=form.cleaned_data["comment"]),
            _("已催办，联络官和指导员已收到提醒。"),
        )
    return _back(request, item)


@login_required
@require_POST
def item_result(request: HttpRequest, pk: int) -> HttpResponse:
    """Record (or correct) an approved item's result document."""
    user = actor_of(request)
    item = item_or_404(request, pk)
    return _submit(
        request,
        item,
        ResultForm(request.POST, request.FILES),
        lambda f: project_item_record_result(
            actor=user, project_item=item, result=result_document_clean(**f.document())
        ),
        _("审批结果文件已登记到资料保管台账。"),
    )
