"""The enterprise side: public self-registration, and the enterprise's data and contacts (Art. 9(1))."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from liaison.core.addresses import client_address
from liaison.core.errors import DomainError
from liaison.directory.models import Enterprise
from liaison.directory.roles import Role
from liaison.directory.services.signin import MODEL_BACKEND, signin_complete
from liaison.intake.forms import ContactChangeForm, RegisterForm
from liaison.intake.models import EnterpriseContact
from liaison.intake.services.enterprises import enterprise_contact_change, enterprise_self_register
from liaison.intake.views.common import actor_of, contact_rows, form_error, posted


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    """Public: an enterprise opens its account with its named project lead and handler."""
    if request.user.is_authenticated:
        return HttpResponseRedirect(reverse("intake:project_list"))
    form = RegisterForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "password2"}
        try:
            user = enterprise_self_register(client_ip=client_address(request), **data)
        except DomainError as exc:
            form_error(form, exc)
        else:
            signin_complete(request=request, user=user, backend=MODEL_BACKEND)
            messages.success(request, _("注册成功，欢迎使用。请登记您的投资建设项目，然后提出委托代办申请。"))
            return HttpResponseRedirect(reverse("intake:project_create"))
    return render(request, "intake/register.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def enterprise_profile(request: HttpRequest) -> HttpResponse:
    """单位信息: the enterprise's registration data, its lead and handler with history, and the change form."""
    user = actor_of(request)
    if not (user.has_role(Role.APPLICANT) and user.enterprise_id):
        raise Http404(_("页面不存在。"))
    enterprise = Enterprise.objects.get(pk=user.enterprise_id)
    form = ContactChangeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            contact = enterprise_contact_change(
                actor=user,
                enterprise=enterprise,
                role=data["role"],
                name=data["name"],
                mobile=data["mobile"],
                email=data["email"] or "",
                since=data["since"],
            )
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(
                request,
                _("%(role)s已变更为 %(name)s，已通知在办项目的联络官。")
                % {"role": contact.get_role_display(), "name": contact.name},
            )
            return HttpResponseRedirect(reverse("intake:enterprise_profile"))
    contacts = list(EnterpriseContact.objects.filter(enterprise=enterprise).select_related("recorded_by"))
    return render(
        request,
        "intake/enterprise_profile.html",
        {
            "enterprise": enterprise,
            "current": contact_rows([c for c in contacts if c.is_current], full=True),
            "history": contact_rows([c for c in contacts if not c.is_current], full=True),
            "form": form,
        },
    )
