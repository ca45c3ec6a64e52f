"""Item pages: the catalogue list, one item's full guide (一次性告知), create and edit."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from liaison.catalogue.forms.items import ItemFilterForm, ItemForm, MaterialFormSet, material_lines
from liaison.catalogue.models import ApprovalItem
from liaison.catalogue.policies import (
    can_create_item,
    can_manage_item,
    can_view_guide_change,
    item_allowed_actions,
)
from liaison.catalogue.selectors import items as item_selectors
from liaison.catalogue.selectors.guides import guide_contacts
from liaison.catalogue.services.items import item_activate, item_create, item_deactivate, item_update
from liaison.catalogue.views._common import actor_of, add_domain_error, not_found
from liaison.core.errors import DomainError, NotFound
from liaison.core.paging import paginate, querystring_without_page
from liaison.directory.models import Department
from liaison.directory.roles import Role

FIELD_MAP = {"prerequisite_ids": "prerequisites"}
ITEM_FORM_FIELDS = (
    "code",
    "name",
    "department",
    "stage",
    "time_limit_days",
    "statutory_limit_days",
    "legal_basis",
    "fee_note",
    "location",
    "conditions",
    "procedure",
)


def _access(request: HttpRequest, pk: int) -> ApprovalItem:
    try:
        return item_selectors.access_item(request.user, pk)
    except NotFound as exc:
        raise not_found(exc) from exc


def _departments_for(user: Any, item: ApprovalItem | None = None) -> QuerySet[Department]:
    """The departments `user` may put an item in (the current one stays choosable)."""
    qs = Department.objects.filter(is_active=True)
    if not user.has_role(Role.CENTER_ADMIN):
        qs = qs.filter(pk=user.department_id)
    if item is not None:
        qs = qs | Department.objects.filter(pk=item.department_id)
    return qs.distinct().order_by("sort_order", "code")


@login_required
def item_list(request: HttpRequest) -> HttpResponse:
    filter_form = ItemFilterForm(request.GET)
    page_obj = paginate(request, item_selectors.item_list(**filter_form.filters()))
    return render(
        request,
        "catalogue/items/list.html",
        {
            "filter_form": filter_form,
            "page_obj": page_obj,
            "filter_query": querystring_without_page(request),
            "allowed_actions": {"create": can_create_item(request.user, None)},
        },
    )


@login_required
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = _access(request, pk)
    current = item.active_assignments[0] if item.active_assignments else None  # type: ignore[attr-defined]
    open_change = next(iter(item.open_changes), None)  # type: ignore[attr-defined]
    if open_change is not None and not can_view_guide_change(request.user, open_change):
        open_change = None
    return render(
        request,
        "catalogue/items/detail.html",
        {
            "item": item,
            "current": current,
            "contacts": guide_contacts(request.user, current.guide if current else None),
            "history": item.assignment_history,  # type: ignore[attr-defined]
            "open_change": open_change,
            "allowed_actions": item_allowed_actions(request.user, item),
        },
    )


def _item_initial(item: ApprovalItem) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    initial: dict[str, Any] = {name: getattr(item, name) for name in ITEM_FORM_FIELDS}
    initial["prerequisites"] = list(item.prerequisite_links.values_list("prerequisite_id", flat=True))
    materials = [
        {k: getattr(m, k) for k in ("name", "form", "copies", "required", "issuing_body", "notes")}
        for m in item.materials.order_by("seq")
    ]
    return initial, materials


def _render_form(
    request: HttpRequest, form: ItemForm, formset: Any, item: ApprovalItem | None, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "catalogue/items/form.html",
        {"form": form, "formset": formset, "item": item},
        status=status,
    )


@login_required
def item_create_view(request: HttpRequest) -> HttpResponse:
    if not can_create_item(request.user, None):
        raise Forbidden(_("您没有新增事项的权限。"))
    departments = _departments_for(request.user)
    if request.method != "POST":
        form = ItemForm(departments=departments, initial={"department": departments.first()})
        return _render_form(request, form, MaterialFormSet(prefix="materials", initial=[]), None)
    form = ItemForm(request.POST, departments=departments)
    formset = MaterialFormSet(request.POST, prefix="materials")
    if form.is_valid() and formset.is_valid():
        data = {name: form.cleaned_data[name] for name in ITEM_FORM_FIELDS}
        try:
            item = item_create(
                actor=actor_of(request),
                **data,
                materials=material_lines(formset),
                prerequisite_ids=[p.pk for p in form.cleaned_data["prerequisites"]],
            )
        except DomainError as exc:
            add_domain_error(form, exc, FIELD_MAP)
        else:
            messages.success(request, _("事项“%(i)s”已创建。") % {"i": item.name})
            return HttpResponseRedirect(reverse("catalogue:item_detail", args=[item.pk]))
    return _render_form(request, form, formset, None)


@login_required
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _access(request, pk)
    if not can_manage_item(request.user, item):
        raise Forbidden(_("您只能修改本部门的事项。"))
    departments = _departments_for(request.user, item)
    if request.method != "POST":
        initial, materials = _item_initial(item)
        form = ItemForm(departments=departments, item=item, initial=initial)
        return _render_form(request, form, MaterialFormSet(prefix="materials", initial=materials), item)
    form = ItemForm(request.POST, departments=departments, item=item)
    formset = MaterialFormSet(request.POST, prefix="materials")
    if form.is_valid() and formset.is_valid():
        data = {name: form.cleaned_data[name] for name in ITEM_FORM_FIELDS}
        try:
            item = item_update(
                actor=actor_of(request),
                item=item,
                materials=material_lines(formset),
                prerequisite_ids=[p.pk for p in form.cleaned_data["prerequisites"]],
                **data,
            )
        except DomainError as exc:
            add_domain_error(form, exc, FIELD_MAP)
        else:
            messages.success(request, _("事项“%(i)s”已保存。") % {"i": item.name})
            return HttpResponseRedirect(reverse("catalogue:item_detail", args=[item.pk]))
    return _render_form(request, form, formset, item)


@login_required
@require_POST
def item_set_active(request: HttpRequest, pk: int) -> HttpResponse:
    item = _access(request, pk)
    activate = request.POST.get("action") == "activate"
    try:
        if activate:
            item_activate(actor=actor_of(request), item=item)
            messages.success(request, _("事项已启用。"))
        else:
            item_deactivate(actor=actor_of(request), item=item)
            messages.success(request, _("事项已停用。"))
    except DomainError as exc:
        messages.error(request, str(exc.message))
    return HttpResponseRedirect(reverse("catalogue:item_detail", args=[item.pk]))
