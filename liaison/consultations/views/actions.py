"""The steps taken on a consultation's page: forward, accept, reply (Attachment 3), relay, confirm,
follow up, close, withdraw, urge. Each calls one service; a refusal is a message, or shown on the form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from liaison.consultations.forms import (
    FollowUpForm,
    ForwardForm,
    NoteForm,
    RelayForm,
    ReplyPageForm,
    WithdrawForm,
    material_lines,
    material_rows,
)
from liaison.consultations.services.consultations import (
    consultation_close,
    consultation_urge,
    consultation_withdraw,
)
from liaison.consultations.services.relay import (
    consultation_confirm_read,
    consultation_follow_up,
    consultation_relay,
)
from liaison.consultations.services.replies import consultation_reply
from liaison.consultations.services.routing import consultation_accept_forward, consultation_forward
from liaison.consultations.views.common import (
    actor_of,
    consultation_or_404,
    detail_or_404,
    flash_form_errors,
    run,
    to_detail,
)
from liaison.consultations.views.detail import detail_context
from liaison.core.errors import DomainError, NotFound


def _step(
    request: HttpRequest,
    pk: int,
    *,
    form_class: type[forms.Form] | None,
    action: Callable[[Any, Any, dict[str, Any]], Any],
    success: str,
    anchor: str = "",
) -> HttpResponse:
    """Validate the small form, call the service, say how it went, back to the consultation."""
    user = actor_of(request)
    consultation = consultation_or_404(request, pk)
    data: dict[str, Any] = {}
    if form_class is not None:
        form = form_class(request.POST)
        if not form.is_valid():
            flash_form_errors(request, form)
            return to_detail(pk, anchor)
        data = form.cleaned_data
    run(request, lambda: action(user, consultation, data), success)
    return to_detail(pk, anchor)


@login_required
@require_POST
def forward(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_or_404(request, pk)
    form = ForwardForm(request.POST, exclude_item_id=consultation.approval_item_id)
    if not form.is_valid():
        flash_form_errors(request, form)
        return to_detail(pk, "forward")
    run(
        request,
        lambda: consultation_forward(
            actor=actor_of(request),
            consultation=consultation,
            to_item=form.cleaned_data["to_item"],
            note=form.cleaned_data["note"],
        ),
        _("已转办，接收前您仍是首问负责人，请跟进至对方接收。"),
    )
    return to_detail(pk)


@login_required
@require_POST
def accept_forward(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        form_class=None,
        action=lambda user, c, _d: consultation_accept_forward(actor=user, consultation=c),
        success=_("已接收转办，请在答复期限内答复。"),
    )


@login_required
@require_POST
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    """The opinion-reply form: on a refusal the page comes back with everything typed and the reason
    on its field; a supplementary notification asks for its reason and lists what it adds."""
    detail = detail_or_404(request, pk)
    form = ReplyPageForm(request.POST)
    rows = material_rows(request.POST)
    added: list[str] = []
    materials_error = ""
    if form.is_valid():
        try:
            answer = consultation_reply(
                actor=actor_of(request),
                consultation=detail.consultation,
                form=form.to_service(material_lines(rows)),
            )
        except NotFound as exc:
            raise Http404(str(exc.message)) from exc
        except DomainError as exc:
            if exc.field == "supplementary_reason":
                added = list((exc.details or {}).get("added", []))
            if exc.field == "materials":
                materials_error = str(exc.message)
            elif exc.field in form.fields:
                form.add_error(exc.field, str(exc.message))
            else:
                form.add_error(None, str(exc.message))
        else:
            messages.success(
                request,
                _("意见回复表已提交（第%(n)d份），%(m)d 项材料已列入该事项的材料清单。")
                % {"n": answer.seq, "m": len(rows)},
            )
            return to_detail(pk, f"reply-{answer.seq}")
    context = detail_context(
        request, detail, reply_form=form, rows=rows, added=added, materials_error=materials_error
    )
    return render(request, "consultations/detail.html", context)


@login_required
@require_POST
def relay(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        form_class=RelayForm,
        action=lambda user, c, d: consultation_relay(actor=user, consultation=c, text=d["text"]),
        success=_("已转告项目单位，项目负责人和经办人会收到通知。"),
    )


@login_required
@require_POST
def confirm_read(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        form_class=None,
        action=lambda user, c, _d: consultation_confirm_read(actor=user, consultation=c),
        success=_("已确认阅知，联络官会收到通知。"),
    )


@login_required
@require_POST
def follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        form_class=FollowUpForm,
        action=lambda user, c, d: consultation_follow_up(actor=user, consultation=c, action=d["action"]),
        success=_("已记录后续办理。"),
        anchor="follow-ups",
    )


@login_required
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        form_class=NoteForm,
        action=lambda user, c, d: consultation_close(actor=user, consultation=c, note=d["note"]),
        success=_("咨询已办结。"),
    )


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        form_class=WithdrawForm,
        action=lambda user, c, d: consultation_withdraw(actor=user, consultation=c, reason=d["reason"]),
        success=_("咨询已撤回，指导员会收到通知。"),
    )


@login_required
@require_POST
def urge(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        form_class=NoteForm,
        action=lambda user, c, d: consultation_urge(actor=user, consultation=c, note=d["note"]),
        success=_("已催办，指导员会立即收到提醒。"),
    )
