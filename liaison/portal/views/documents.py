"""The centre's staff maintain the published documents: a new version (draft), then publish it."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from liaison.core.errors import DomainError, NotFound
from liaison.intake.forms import BootstrapForm
from liaison.portal.policies import can_manage_documents
from liaison.portal.selectors.documents import access_document, access_version, document_admin_list
from liaison.portal.services.documents import document_version_create, document_version_publish


class VersionForm(BootstrapForm):
    issued_on = forms.DateField(
        label=gettext_lazy("印发日期"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": gettext_lazy("请填写印发日期。"),
            "invalid": gettext_lazy("日期格式不正确。"),
        },
    )
    note = forms.CharField(label=gettext_lazy("修订说明"), max_length=300, required=False)
    body = forms.CharField(
        label=gettext_lazy("正文"),
        widget=forms.Textarea(attrs={"rows": 16}),
        error_messages={"required": gettext_lazy("请填写正文。")},
    )


def _manager(request: HttpRequest) -> None:
    if not can_manage_documents(request.user):
        raise Http404(_("页面不存在。"))


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    _manager(request)
    return render(request, "portal/manage/documents.html", {"documents": document_admin_list()})


@login_required
@require_http_methods(["GET", "POST"])
def version_new(request: HttpRequest, pk: int) -> HttpResponse:
    _manager(request)
    try:
        document = access_document(pk)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    last = document.versions.order_by("-number").first()
    form = VersionForm(request.POST or None, initial={"body": last.body if last else ""})
    if request.method == "POST" and form.is_valid():
        try:
            document_version_create(actor=request.user, document=document, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
        else:
            messages.success(request, _("新版本已保存为草稿，发布后公开。"))
            return HttpResponseRedirect(reverse("portal:documents_manage"))
    return render(request, "portal/manage/version_form.html", {"document": document, "form": form})


@login_required
@require_POST
def version_publish(request: HttpRequest, pk: int) -> HttpResponse:
    _manager(request)
    try:
        version = access_version(pk)
        document_version_publish(actor=request.user, version=version)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("已发布，旧版本仍可在其链接查阅。"))
    return HttpResponseRedirect(reverse("portal:documents_manage"))
