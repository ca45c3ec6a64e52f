"""Files attached to a request: upload (checked by content) and a permission-checked download."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from liaison.core.errors import DomainError
from liaison.intake.forms import AttachmentForm
from liaison.intake.models import EntrustmentAttachment
from liaison.intake.services.attachments import entrustment_attachment_add
from liaison.intake.views.common import actor_of, entrustment_or_404, flash_error, flash_form_errors, may_take


def _detail(pk: int) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("intake:request_detail", args=[pk]))


@login_required
@require_POST
def attachment_upload(request: HttpRequest, pk: int) -> HttpResponse:
    entrustment = entrustment_or_404(request, pk)
    if not may_take(actor_of(request), entrustment, "submit"):
        raise Http404(_("页面不存在。"))
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        flash_form_errors(request, form)
        return _detail(entrustment.pk)
    try:
        attachment = entrustment_attachment_add(
            actor=actor_of(request),
            entrustment=entrustment,
            upload=form.cleaned_data["file"],
            description=form.cleaned_data["description"],
        )
    except DomainError as exc:
        flash_error(request, exc)
    else:
        messages.success(request, _("附件“%(n)s”已上传。") % {"n": attachment.original_name})
    return _detail(entrustment.pk)


@login_required
@require_GET
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    """A request's file, to whoever may see the request (missing and forbidden look the same)."""
    attachment = EntrustmentAttachment.objects.filter(pk=pk).first()
    if attachment is None:
        raise Http404(_("附件不存在。"))
    entrustment_or_404(request, attachment.entrustment_id)
    try:
        handle = attachment.file.open("rb")
    except OSError as exc:
        raise Http404(_("附件文件已不存在，请联系中心。")) from exc
    return FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
