"""文书模板: the centre replaces the Word templates of the registered documents, or returns to the built-in one."""

from __future__ import annotations

from io import BytesIO

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from liaison.core.errors import DomainError
from liaison.intake.documents.registry import document_spec, registered_kinds
from liaison.intake.documents.sources import template_bytes
from liaison.intake.models import DocumentTemplate
from liaison.intake.policies import can_manage_document_templates
from liaison.intake.services.templates import document_template_reset, document_template_upload
from liaison.intake.views.common import actor_of, form_error, posted

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class TemplateUploadForm(forms.Form):
    kind = forms.CharField(widget=forms.HiddenInput)
    file = forms.FileField(label=gettext_lazy("模板文件（.docx）"))
    note = forms.CharField(label=gettext_lazy("说明"), max_length=200, required=False)


def _centre(request: HttpRequest) -> None:
    if not can_manage_document_templates(actor_of(request)):
        raise Http404(_("页面不存在。"))


@login_required
@require_http_methods(["GET", "POST"])
def document_templates(request: HttpRequest) -> HttpResponse:
    _centre(request)
    form = TemplateUploadForm(posted(request), request.FILES or None)
    failed_kind = ""
    if request.method == "POST" and form.is_valid():
        try:
            document_template_upload(
                actor=actor_of(request),
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
                note=form.cleaned_data["note"],
            )
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("新模板已启用，此后生成的文书将使用该模板。"))
            return HttpResponseRedirect(reverse("intake:document_templates"))
    if request.method == "POST":
        failed_kind = str(request.POST.get("kind", ""))
    history: dict[str, list[DocumentTemplate]] = {spec.kind: [] for spec in registered_kinds()}
    for row in DocumentTemplate.objects.select_related("uploaded_by").order_by("-uploaded_at")[:200]:
        history.setdefault(row.kind, []).append(row)
    rows = [
        {
            "spec": spec,
            "variables": sorted(spec.variables),
            "required": sorted(spec.required),
            "active": next((t for t in history[spec.kind] if t.is_active), None),
            "history": history[spec.kind][:10],
        }
        for spec in registered_kinds()
    ]
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "intake/document_templates.html",
        {"rows": rows, "form": form, "failed_kind": failed_kind},
        status=status,
    )


@login_required
@require_POST
def document_template_reset_view(request: HttpRequest, kind: str) -> HttpResponse:
    _centre(request)
    try:
        document_template_reset(actor=actor_of(request), kind=kind)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("已恢复使用系统内置模板。"))
    return HttpResponseRedirect(reverse("intake:document_templates"))


@login_required
@require_GET
def document_template_download(request: HttpRequest, kind: str) -> FileResponse:
    """The template in use for `kind` (the centre's upload or the built-in one), to edit and upload again."""
    _centre(request)
    spec = document_spec(kind)
    if spec is None:
        raise Http404(_("页面不存在。"))
    return FileResponse(
        BytesIO(template_bytes(kind)),
        as_attachment=True,
        filename=f"{spec.label}-模板.docx",
        content_type=DOCX,
    )
