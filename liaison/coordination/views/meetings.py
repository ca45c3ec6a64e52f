"""Progress-meeting pages (Art. 17): the list, preparing one, one meeting with its briefing, topics and
minutes, and the briefing as a Word document. Thin: selectors read, one service per action."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from liaison.coordination.documents import briefing_docx
from liaison.coordination.forms import ActionForm, DoneForm, MeetingForm, MinutesForm
from liaison.coordination.models import Meeting, MeetingState
from liaison.coordination.policies import can_manage_meetings, can_view_meetings
from liaison.coordination.selectors.actions import action_owners, action_rows
from liaison.coordination.selectors.meetings import meeting_get
from liaison.coordination.services.meetings import meeting_minutes, meeting_prepare, meeting_refresh
from liaison.core.errors import DomainError, NotFound
from liaison.core.paging import paginate, querystring_without_page
from liaison.tracking.views.common import actor_of, flash_error


def _readable(request: HttpRequest) -> Any:
    user = actor_of(request)
    if not can_view_meetings(user):
        raise Http404(_("页面不存在。"))
    return user


def _meeting_or_404(request: HttpRequest, pk: int) -> Meeting:
    try:
        return meeting_get(actor_of(request), pk)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc


@login_required
@require_GET
def meeting_list(request: HttpRequest) -> HttpResponse:
    user = _readable(request)
    page_obj = paginate(request, Meeting.objects.order_by("-held_on", "-pk"))
    context = {
        "page_obj": page_obj,
        "can_manage": can_manage_meetings(user),
        "filter_query": querystring_without_page(request),
    }
    return render(request, "coordination/meetings.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_new(request: HttpRequest) -> HttpResponse:
    user = _readable(request)
    if not can_manage_meetings(user):
        raise Http404(_("页面不存在。"))
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = meeting_prepare(actor=user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
        else:
            messages.success(request, _("例会已筹备，通报数据已生成。"))
            return HttpResponseRedirect(reverse("coordination:meeting", args=[meeting.pk]))
    return render(
        request, "coordination/meeting_new.html", {"form": form}, status=400 if form.errors else 200
    )


def _topics(meeting: Meeting) -> list[Any]:
    return list(meeting.topics.select_related("difficulty__project").order_by("pk"))


def _page(
    request: HttpRequest, meeting: Meeting, form: MinutesForm | None = None, status: int = 200
) -> HttpResponse:
    user = actor_of(request)
    topics = _topics(meeting)
    manage = can_manage_meetings(user)
    if manage and form is None:
        form = MinutesForm(topics=topics, initial={"minutes": meeting.minutes})
    b = meeting.briefing or {}
    actions = list(meeting.actions.select_related("owner", "difficulty").order_by("due_on", "pk"))
    context = {
        "action_rows": action_rows(user, actions),
        "reads_meetings": True,
        "action_form": ActionForm(owners=list(action_owners()), topics=topics) if manage else None,
        "done_form": DoneForm(),
        "meeting": meeting,
        "b": b,
        "items_row": b.get("items", []),
        "topics": topics,
        "opinion_fields": [(t, form[f"opinion_{t.pk}"]) for t in topics] if form is not None else [],
        "form": form if manage else None,
        "can_refresh": manage and meeting.state == MeetingState.PLANNED,
    }
    return render(request, "coordination/meeting.html", context, status=status)


@login_required
@require_GET
def meeting_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, _meeting_or_404(request, pk))


@login_required
@require_POST
def meeting_refresh_view(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_or_404(request, pk)
    try:
        meeting_refresh(actor=actor_of(request), meeting=meeting)
    except DomainError as exc:
        flash_error(request, exc)
    else:
        messages.success(request, _("通报数据已更新。"))
    return HttpResponseRedirect(reverse("coordination:meeting", args=[pk]))


@login_required
@require_POST
def meeting_minutes_view(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_or_404(request, pk)
    if not can_manage_meetings(actor_of(request)):  # a reader: the refusal as a message on the page
        messages.error(request, _("只有政务服务中心工作人员可以筹备和记录例会。"))
        return HttpResponseRedirect(reverse("coordination:meeting", args=[pk]))
    form = MinutesForm(request.POST, topics=_topics(meeting))
    if form.is_valid():
        try:
            meeting_minutes(
                actor=actor_of(request),
                meeting=meeting,
                minutes=form.cleaned_data["minutes"],
                opinions=form.opinions(),
            )
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
        else:
            messages.success(request, _("会议纪要已保存。"))
            return HttpResponseRedirect(reverse("coordination:meeting", args=[pk]))
    return _page(request, meeting, form, status=400)


@login_required
@require_GET
def meeting_docx(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_or_404(request, pk)
    response = HttpResponse(
        briefing_docx(meeting),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}-briefing.docx"'
    return response
