"""The enterprise's dated to-dos (Art. 9) on the project's tracking page: the officer sets one, the
enterprise (or the officer) ticks it off."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from liaison.core.errors import DomainError, NotFound
from liaison.intake.models import Project
from liaison.tracking.forms import ObligationForm
from liaison.tracking.models import ProjectItem
from liaison.tracking.policies import ActorScope, project_roles
from liaison.tracking.selectors.materials import access_obligation
from liaison.tracking.selectors.obligations import obligation_items_for, obligation_rows
from liaison.tracking.services.obligations import default_due, obligation_complete, obligation_create
from liaison.tracking.views.common import actor_of, flash_form_errors, project_or_404, run


def _items_of(project: Project) -> list[ProjectItem]:
    return list(
        ProjectItem.objects.filter(project=project).select_related("approval_item").order_by("order", "pk")
    )


def obligation_context(
    user: Any, project: Project, *, scope: ActorScope, items: list[ProjectItem] | None = None
) -> dict[str, Any]:
    """What the project page needs for its to-do section: the rows, and the form for whoever may add.
    `items` (the project's items, already loaded by the page) fill the form's item choice."""
    offer = obligation_items_for(user, project, items if items is not None else _items_of(project), scope)
    if offer is None and not project_roles(user, project, scope):
        return {"obligation_rows": [], "obligation_form": None}
    form = None
    if offer is not None:
        try:
            initial = {"due_on": default_due()}
        except DomainError:  # the calendar lacks a year: the officer types the date
            initial = {}
        form = ObligationForm(items=offer[0], item_required=offer[1], initial=initial)
    rows = obligation_rows(user=user, project=project, scope=scope)
    return {"obligation_rows": rows, "obligation_form": form}


def _to_section(request: HttpRequest, project_id: int) -> HttpResponseRedirect:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("tracking:project", args=[project_id]) + "#obligations"
    return HttpResponseRedirect(target)


@login_required
@require_POST
def obligation_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor_of(request)
    project = project_or_404(request, pk)
    offer = obligation_items_for(user, project, _items_of(project))
    items, item_required = offer if offer is not None else ([], False)  # the service refuses, with its reason
    form = ObligationForm(request.POST, items=items, item_required=item_required)
    if not form.is_valid():
        flash_form_errors(request, form)
        return _to_section(request, project.pk)
    data = form.cleaned_data
    item = next((i for i in items if i.pk == data["project_item"]), None)
    run(
        request,
        lambda: obligation_create(
            actor=user,
            project=project,
            kind=data["kind"],
            title=data["title"],
            details=data["details"],
            due_on=data["due_on"],
            project_item=item,
        ),
        _("待办已布置，项目单位已收到通知。"),
    )
    return _to_section(request, project.pk)


@login_required
@require_POST
def obligation_done(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor_of(request)
    try:
        obligation = access_obligation(user, pk)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    run(
        request,
        lambda: obligation_complete(actor=user, obligation=obligation),
        _("已标记完成：%(t)s") % {"t": obligation.title},
    )
    return _to_section(request, obligation.project_id)
