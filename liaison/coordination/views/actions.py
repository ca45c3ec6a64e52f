"""The meetings' actions (督办事项): assigning one on the meeting's page, the list of actions (one's own,
or all for those who read the meetings), and recording one done."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from liaison.coordination.forms import ActionForm, DoneForm
from liaison.coordination.models import MeetingAction
from liaison.coordination.policies import (
    can_list_actions,
    can_see_action,
    can_view_meetings,
)
from liaison.coordination.selectors.actions import ACTION_FILTERS, action_list, action_owners, action_rows
from liaison.coordination.selectors.meetings import meeting_get
from liaison.coordination.services.actions import action_assign, action_complete
from liaison.core.errors import DomainError, NotFound
from liaison.core.paging import paginate, querystring_without_page
from liaison.tracking.views.common import actor_of, flash_error, flash_form_errors


@login_required
@require_GET
def action_list_page(request: HttpRequest) -> HttpResponse:
    user = actor_of(request)
    if not can_list_actions(user):
        raise Http404(_("页面不存在。"))
    show = request.GET.get("show") or "open"
    if show not in ACTION_FILTERS:
        show = "open"
    page_obj = paginate(request, action_list(user, show))
    rows = action_rows(user, page_obj)
    context = {
        "page_obj": page_obj,
        "action_rows": rows,
        "reads_meetings": can_view_meetings(user),
        "show": show,
        "filter_query": querystring_without_page(request),
        "done_form": DoneForm(),
    }
    return render(request, "coordination/actions.html", context)


@login_required
@require_POST
def action_assign_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor_of(request)
    try:
        meeting = meeting_get(user, pk)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    topics = list(meeting.topics.select_related("difficulty"))
    owners = list(action_owners())
    form = ActionForm(request.POST, owners=owners, topics=topics)
    if not form.is_valid():
        flash_form_errors(request, form)
    else:
        data = form.cleaned_data
        try:
            action_assign(
                actor=user,
                meeting=meeting,
                description=data["description"],
                owner=next((u for u in owners if u.pk == data["owner"]), None),
                due_on=data["due_on"],
                difficulty_id=data["difficulty"],
            )
        except DomainError as exc:
            flash_error(request, exc)
        else:
            messages.success(request, _("督办事项已布置，责任人已收到通知。"))
    return HttpResponseRedirect(reverse("coordination:meeting", args=[pk]) + "#actions")


@login_required
@require_POST
def action_done_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor_of(request)
    action = MeetingAction.objects.filter(pk=pk).first()
    if action is None or not can_see_action(user, action):
        raise Http404(_("督办事项不存在或您无权查看。"))
    form = DoneForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
    else:
        try:
            action_complete(actor=user, action=action, note=form.cleaned_data["note"])
        except NotFound as exc:
            raise Http404(str(exc.message)) from exc
        except DomainError as exc:
            flash_error(request, exc)
        else:
            messages.success(request, _("已登记完成情况。"))
    back = request.POST.get("next") or reverse("coordination:actions")
    return HttpResponseRedirect(
        back if back.startswith("/coordination/") else reverse("coordination:actions")
    )
