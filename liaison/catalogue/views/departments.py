"""Department pages: the list with item counts, create and edit (centre only)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from liaison.catalogue.forms.departments import DepartmentEditForm, DepartmentForm
from liaison.catalogue.policies import can_manage_department
from liaison.catalogue.selectors.departments import access_department, department_list
from liaison.catalogue.services.departments import department_create, department_update
from liaison.catalogue.views._common import actor_of, add_domain_error, not_found
from liaison.core.errors import DomainError, NotFound
from liaison.core.paging import paginate, querystring_without_page

FIELDS = ("code", "name", "short_name", "address", "phone", "sort_order")


@login_required
def department_list_view(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")[:100]
    page_obj = paginate(request, department_list(q=q), per_page=50)
    return render(
        request,
        "catalogue/departments/list.html",
        {
            "page_obj": page_obj,
            "q": q,
            "filter_query": querystring_without_page(request),
            "allowed_actions": {
                "create": can_manage_department(request.user),
                "edit": can_manage_department(request.user),
            },
        },
    )


@login_required
def department_create_view(request: HttpRequest) -> HttpResponse:
    if not can_manage_department(request.user):
        raise Forbidden(_("只有政务服务中心工作人员可以新增职能部门。"))
    form = DepartmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            department = department_create(
                actor=actor_of(request), **{name: form.cleaned_data[name] for name in FIELDS}
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, _("职能部门“%(d)s”已新增。") % {"d": department.name})
            return HttpResponseRedirect(reverse("catalogue:department_list"))
    return render(request, "catalogue/departments/form.html", {"form": form, "department": None})


@login_required
def department_edit(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        department = access_department(request.user, pk)
    except NotFound as exc:
        raise not_found(exc) from exc
    if not can_manage_department(request.user, department):
        raise Forbidden(_("只有政务服务中心工作人员可以修改职能部门。"))
    initial = {name: getattr(department, name) for name in (*FIELDS, "is_active")}
    form = DepartmentEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            department = department_update(
                actor=actor_of(request), department=department, **form.cleaned_data
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, _("职能部门“%(d)s”已保存。") % {"d": department.name})
            return HttpResponseRedirect(reverse("catalogue:department_list"))
    return render(request, "catalogue/departments/form.html", {"form": form, "department": department})
