"""The officer raises a consultation on one of their projects (Art. 14)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from liaison.consultations.forms import RaiseForm
from liaison.consultations.policies import can_raise_consultation
from liaison.consultations.services.consultations import consultation_raise
from liaison.consultations.views.common import actor_of, form_error, to_detail
from liaison.core.errors import DomainError, NotFound
from liaison.directory.roles import Role
from liaison.intake.people import officer_assignments
from liaison.intake.selectors.projects import access_project


def _project_id(request: HttpRequest) -> int | None:
    raw = request.GET.get("project", "")
    return int(raw) if raw.isdigit() and len(raw) < 12 else None


@login_required
@require_http_methods(["GET", "POST"])
def consultation_new(request: HttpRequest) -> HttpResponse:
    user = actor_of(request)
    if not user.has_role(Role.OFFICER):
        raise Http404(_("页面不存在。"))
    project_id = _project_id(request)
    if project_id is None:
        # No project chosen yet: the officer's projects to choose from.
        assignments = officer_assignments(user).select_related("project__enterprise").order_by("-project_id")
        return render(request, "consultations/choose_project.html", {"assignments": assignments})
    try:
        project = access_project(user, project_id)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    if not can_raise_consultation(user, project):
        raise Http404(_("页面不存在。"))
    form = RaiseForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = consultation_raise(actor=user, project=project, **form.service_kwargs())
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(
                request,
                _("咨询 %(n)s 已发给指导员 %(g)s，答复期限 %(d)s。")
                % {
                    "n": consultation.number,
                    "g": consultation.guide.display_name,
                    "d": consultation.reply_due.isoformat() if consultation.reply_due else "—",
                },
            )
            return to_detail(consultation.pk)
    return render(request, "consultations/new.html", {"form": form, "project": project})
