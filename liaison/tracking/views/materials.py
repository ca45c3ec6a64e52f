"""Materials of a project item: upload a new version, accept or ask for a revision, download."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from liaison.core.errors import NotFound
from liaison.tracking.forms import MaterialUploadForm, RevisionForm
from liaison.tracking.models import MaterialSubmission
from liaison.tracking.selectors.materials import access_material_file
from liaison.tracking.services.materials import (
    material_accept,
    material_file_upload,
    material_request_revision,
)
from liaison.tracking.views.common import actor_of, flash_form_errors, material_or_404, run


def _to_item(submission: MaterialSubmission) -> HttpResponseRedirect:
    url = reverse("tracking:item", args=[submission.project_item_id]) + f"#material-{submission.pk}"
    return HttpResponseRedirect(url)


@login_required
@require_POST
def material_upload(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor_of(request)
    submission = material_or_404(request, pk)
    form = MaterialUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        flash_form_errors(request, form)
        return _to_item(submission)
    run(
        request,
        lambda: material_file_upload(
            actor=user,
            submission=submission,
            upload=form.cleaned_data["file"],
            note=form.cleaned_data["note"],
        ),
        _("材料已上传。"),
    )
    return _to_item(submission)


@login_required
@require_POST
def material_accept_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor_of(request)
    submission = material_or_404(request, pk)
    run(request, lambda: material_accept(actor=user, submission=submission), _("已认可该材料。"))
    return _to_item(submission)


@login_required
@require_POST
def material_revision(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor_of(request)
    submission = material_or_404(request, pk)
    form = RevisionForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return _to_item(submission)
    run(
        request,
        lambda: material_request_revision(
            actor=user,
            submission=submission,
            reason=form.cleaned_data["reason"],
            due_on=form.cleaned_data.get("due_on"),
        ),
        _("已要求修改材料，项目单位会收到待办。"),
    )
    return _to_item(submission)


@login_required
@require_GET
def material_file_download(request: HttpRequest, pk: int) -> FileResponse:
    try:
        record = access_material_file(actor_of(request), pk)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    try:
        handle = record.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404(_("文件不存在。")) from exc
    return FileResponse(
        handle, as_attachment=True, filename=record.original_name, content_type=record.content_type
    )
