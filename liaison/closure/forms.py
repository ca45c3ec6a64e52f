"""The service page's forms: the handover list rows, the enterprise's objections, termination."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from liaison.closure.models import TerminationReason

SMALL = {"class": "form-control form-control-sm"}


class HandoverLineForm(forms.Form):
    name = forms.CharField(label=_("资料名称"), max_length=200, required=False, widget=forms.TextInput(SMALL))
    issuer = forms.CharField(
        label=_("发文（发证）机关"), max_length=120, required=False, widget=forms.TextInput(SMALL)
    )
    number = forms.CharField(
        label=_("文号（证号）"), max_length=80, required=False, widget=forms.TextInput(SMALL)
    )
    original = forms.TypedChoiceField(
        label=_("原件/复印件"),
        choices=[("1", _("原件")), ("0", _("复印件"))],
        coerce=lambda v: v == "1",
        initial="1",
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    copies = forms.IntegerField(
        label=_("份数"),
        min_value=1,
        max_value=999,
        initial=1,
        required=False,
        widget=forms.NumberInput(SMALL),
    )
    pages = forms.IntegerField(
        label=_("页数"), min_value=1, max_value=9999, required=False, widget=forms.NumberInput(SMALL)
    )
    remarks = forms.CharField(label=_("备注"), max_length=200, required=False, widget=forms.TextInput(SMALL))
    handed_over = forms.BooleanField(label=_("移交"), required=False, initial=True)
    not_handed_reason = forms.CharField(
        label=_("未移交原因"), max_length=200, required=False, widget=forms.TextInput(SMALL)
    )


HandoverLineFormSet = forms.formset_factory(HandoverLineForm, extra=0, max_num=200, absolute_max=200)


def posted_lines(formset: Any) -> list[dict[str, Any]]:
    """The rows with a name (blank rows are left out), in order, for the service."""
    rows = []
    for form in formset.forms:
        data = form.cleaned_data
        if not data or not (data.get("name") or "").strip():
            continue
        rows.append({**data, "copies": data.get("copies") or 1})
    return rows


class TerminationForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("终止原因"),
        choices=TerminationReason.choices,
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    note = forms.CharField(
        label=_("终止原因说明"),
        max_length=1000,
        widget=forms.Textarea(attrs={"class": "form-control form-control-sm", "rows": 3}),
    )
