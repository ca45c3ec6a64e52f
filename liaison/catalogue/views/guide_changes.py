"""Guide-change pages: the list, one change, proposing / applying a change, and the centre's decision."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from liaison.catalogue.forms.guide_changes import GuideChangeDecisionForm, GuideChangeForm
from liaison.catalogue.models import GuideChange, GuideChangeStatus
from liaison.catalogue.policies import (
    can_assign_guide,
    can_list_guide_changes,
    can_propose_guide_change,
    guide_change_allowed_actions,
)
from liaison.catalogue.selectors._ids import parse_pk
from liaison.catalogue.selectors.guide_changes import access_guide_change, guide_change_list
from liaison.catalogue.selectors.guides import guide_contacts
from liaison.catalogue.selectors.items import access_item
from liaison.catalogue.services.guides import (
    guide_change_cancel,
    guide_change_register,
    guide_change_reject,
    guide_change_submit,
)
from liaison.catalogue.views._common import actor_of, add_domain_error, not_found
from liaison.core.errors import DomainError, NotFound
from liaison.core.paging import paginate, querystring_without_page
from liaison.directory.models import Department
from liaison.directory.roles import Role


def _access_change(request: HttpRequest, pk: int) -> GuideChange:
    try:
        return access_guide_change(request.user, pk)
    except NotFound as exc:
        raise not_found(exc) from exc


@login_required
def guide_change_list_view(request: HttpRequest) -> HttpResponse:
    if not can_list_guide_changes(request.user):
        raise Forbidden(_("您没有查看指导员变更的权限。"))
    status = request.GET.get("status", "")
    status = status if status in GuideChangeStatus.values else ""
    department_id = parse_pk(request.GET.get("department", ""))
    changes = guide_change_list(user=request.user, status=status, department=department_id)
    page_obj = paginate(request, changes)
    sees_all = request.user.has_role(Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR)  # type: ignore[union-attr]
    return render(
        request,
        "catalogue/guide_changes/list.html",
        {
            "page_obj": page_obj,
            "filter_query": querystring_without_page(request),
            "status": status,
            "statuses": GuideChangeStatus.choices,
            "department_id": department_id,
            "departments": Department.objects.order_by("sort_order", "code") if sees_all else None,
        },
    )


@login_required
def guide_change_detail(request: HttpRequest, pk: int) -> HttpResponse:
    change = _access_change(request, pk)
    return render(
        request,
        "catalogue/guide_changes/detail.html",
        {
            "change": change,
            "new_contacts": guide_contacts(request.user, change.new_guide),
            "form": GuideChangeDecisionForm(),
            "allowed_actions": guide_change_allowed_actions(request.user, change),
        },
    )


@login_required
def guide_change_create(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        item = access_item(request.user, pk)
    except NotFound as exc:
        raise not_found(exc) from exc
    if not can_propose_guide_change(request.user, item):
        raise Forbidden(_("您没有变更该事项指导员的权限。"))
    current = item.active_assignments[0] if item.active_assignments else None  # type: ignore[attr-defined]
    form = GuideChangeForm(
        request.POST or None,
        department_id=item.department_id,
        exclude_user_id=current.guide_id if current else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            change = guide_change_submit(actor=actor_of(request), item=item, **form.cleaned_data)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            if change.status == GuideChangeStatus.REGISTERED:
                messages.success(request, _("指导员已变更并登记备案。"))
            else:
                messages.success(request, _("变更申请已提交，等待政务服务中心登记备案。"))
            return HttpResponseRedirect(reverse("catalogue:item_detail", args=[item.pk]))
    return render(
        request,
        "catalogue/guide_changes/form.html",
        {
            "item": item,
            "current": current,
            "form": form,
            "applies_directly": can_assign_guide(request.user, item),
            "open_change": next(iter(item.open_changes), None),  # type: ignore[attr-defined]
        },
    )


@login_required
@require_POST
def guide_change_decide(request: HttpRequest, pk: int) -> HttpResponse:
    change = _access_change(request, pk)
    form = GuideChangeDecisionForm(request.POST)
    target = reverse("catalogue:guide_change_detail", args=[change.pk])
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, "；".join(str(e) for e in errors))
        return HttpResponseRedirect(target)
    action, note = form.cleaned_data["action"], form.cleaned_data["note"]
    actor = actor_of(request)
    try:
        if action == "register":
            guide_change_register(actor=actor, change=change, note=note)
            messages.success(request, _("变更已登记备案，新任指导员自生效日期起在任。"))
        elif action == "reject":
            guide_change_reject(actor=actor, change=change, note=note)
            messages.success(request, _("变更已退回提出部门。"))
        else:
            guide_change_cancel(actor=actor, change=change)
            messages.success(request, _("变更申请已撤回。"))
    except DomainError as exc:
        messages.error(request, str(exc.message))
    return HttpResponseRedirect(target)
