"""The centre's enquiry pages: the list (the 待办 opens it at ?state=open) with the answer deadline's
light, one enquiry to answer, close or publish as a FAQ, the FAQs to edit or withdraw, the settings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from liaison.core.bounds import id_or_none
from liaison.core.listing import export_response, keyword, list_tools, wants_export
from liaison.core.paging import paginate, querystring_without_page
from liaison.directory.http import AuthedHttpRequest
from liaison.directory.masking import phone_for
from liaison.publicity.exports import ENQUIRY_EXPORT
from liaison.publicity.forms import AnswerForm, CloseForm, FaqForm, SettingsForm
from liaison.publicity.models import EnquiryState, FaqState
from liaison.publicity.policies import can_handle_enquiries, can_read_enquiries
from liaison.publicity.selectors.enquiries import (
    access_enquiry,
    enquiry_rows,
    enquiry_rows_lit,
    faq_manage_list,
)
from liaison.publicity.services.enquiries import enquiry_answer, enquiry_close
from liaison.publicity.services.faqs import faq_publish, faq_step
from liaison.publicity.services.settings import publicity_settings_update
from liaison.publicity.settings_row import publicity_settings
from liaison.publicity.views.common import attempt, get_or_404


@login_required
@require_GET
def enquiry_list_page(request: AuthedHttpRequest) -> HttpResponse:
    if not can_read_enquiries(request.user):
        raise Http404
    state = request.GET.get("state", "")
    state = state if state in EnquiryState.values else ""
    rows = enquiry_rows(request.user, state=state, q=keyword(request))
    if wants_export(request):
        user = request.user
        return export_response(
            ENQUIRY_EXPORT, rows, request=request, prepare=lambda chunk: enquiry_rows_lit(user, chunk)
        )
    page = paginate(request, rows)
    context = {
        "page_obj": page,
        "rows": enquiry_rows_lit(request.user, page),
        "state": state,
        "states": EnquiryState.choices,
        "tools": list_tools(request),
        "filter_query": querystring_without_page(request),
    }
    return render(request, "publicity/enquiries.html", context)


def _detail(request: AuthedHttpRequest, pk: int, status: int = 200, **forms: object) -> HttpResponse:
    panel = get_or_404(lambda: access_enquiry(request.user, pk))
    e = panel.enquiry
    context = {
        "panel": panel,
        "phone": phone_for(request.user, e.phone),
        "answer_form": forms.get("answer_form") or AnswerForm(),
        "close_form": forms.get("close_form") or CloseForm(),
        "faq_form": forms.get("faq_form")
        or FaqForm(initial={"topic": e.topic, "question": e.question[:300], "answer": e.answer}),
        "actions": [t.name for t in panel.actions],
    }
    return render(request, "publicity/enquiry_detail.html", context, status=status)


@login_required
@require_GET
def enquiry_detail(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    return _detail(request, pk)


@login_required
@require_POST
def enquiry_act(request: AuthedHttpRequest, pk: int, step: str) -> HttpResponse:
    get_or_404(lambda: access_enquiry(request.user, pk))
    user = request.user
    forms = {"answer": AnswerForm, "close": CloseForm, "faq": FaqForm}
    if step not in forms:
        raise Http404
    form = forms[step](request.POST)
    runs = {
        "answer": lambda: enquiry_answer(actor=user, enquiry_id=pk, answer=form.cleaned_data["answer"]),
        "close": lambda: enquiry_close(actor=user, enquiry_id=pk, reason=form.cleaned_data["reason"]),
        "faq": lambda: faq_publish(actor=user, enquiry_id=pk, **form.cleaned_data),
    }
    if form.is_valid() and attempt(form, runs[step]) is not None:
        done = {"answer": _("已答复。"), "close": _("已记为不予答复。"), "faq": _("已发布为常见问题。")}
        messages.success(request, done[step])
        return HttpResponseRedirect(reverse("publicity:enquiry_detail", args=[pk]))
    return _detail(request, pk, 400, **{f"{step}_form": form})


@login_required
@require_http_methods(["GET", "POST"])
def faq_manage(request: AuthedHttpRequest) -> HttpResponse:
    if not can_handle_enquiries(request.user):
        raise Http404
    status = 200
    if request.method == "POST":
        name = request.POST.get("action", "")
        pk = id_or_none(request.POST.get("faq"))
        if name not in {"withdraw", "republish"} or pk is None:
            raise Http404
        form = SettingsForm()  # only a place for the refusal's message
        if attempt(form, lambda: faq_step(actor=request.user, faq_id=pk, name=name)) is not None:
            messages.success(request, _("已办理。"))
            return HttpResponseRedirect(reverse("publicity:faq_manage"))
        for error in form.non_field_errors():
            messages.error(request, str(error))
        status = 400
    context = {"rows": list(faq_manage_list(request.user)[:500]), "published": FaqState.PUBLISHED}
    return render(request, "publicity/faq_manage.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: AuthedHttpRequest) -> HttpResponse:
    if not can_handle_enquiries(request.user):
        raise Http404
    form = SettingsForm(request.POST or None, initial={"answer_days": publicity_settings().answer_days})
    if request.method == "POST" and form.is_valid():
        days = form.cleaned_data["answer_days"]
        if attempt(form, lambda: publicity_settings_update(actor=request.user, answer_days=days)) is not None:
            messages.success(request, _("已保存。"))
            return HttpResponseRedirect(reverse("publicity:settings"))
    status = 400 if request.method == "POST" else 200
    return render(request, "publicity/settings.html", {"form": form}, status=status)
