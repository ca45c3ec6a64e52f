"""The service page's forms: the handover list rows, the enterprise's objections, termination."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from liaison.closure.models import TerminationReason

SMALL = {"class": "form-control form-control-sm"}


def _copies() -> forms.IntegerField:
    return forms.IntegerField(
        label=_("份数"),
        min_value=1,
        max_value=999,
        initial=1,
        required=False,
        widget=forms.NumberInput(SMALL),
    )


def _pages() -> forms.IntegerField:
    return forms.IntegerField(
        label=_("页数"), min_value=1, max_value=9999, required=False, widget=forms.NumberInput(SMALL)
    )


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
    copies = _copies()
    pages = _pages()
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


DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date", "class": "form-control form-control-sm"})
BAD_DATE = {"invalid": _("请填写有效的日期。")}


class CustodyEntryForm(forms.Form):
    """A document the enterprise handed over to the officer (result documents come with the approval)."""

    kind = forms.ChoiceField(
        label=_("类别"),
        choices=[("original", _("项目单位提供的原件")), ("copy", _("项目单位提供的复印件"))],
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
        error_messages={"required": _("请选择资料类别。"), "invalid_choice": _("请选择资料类别。")},
    )
    name = forms.CharField(
        label=_("资料名称"),
        max_length=200,
        widget=forms.TextInput(SMALL),
        error_messages={"required": _("请填写资料名称。")},
    )
    number = forms.CharField(
        label=_("文号（证号）"), max_length=80, required=False, widget=forms.TextInput(SMALL)
    )
    issuer = forms.CharField(
        label=_("发文（发证）机关"), max_length=120, required=False, widget=forms.TextInput(SMALL)
    )
    issued_on = forms.DateField(
        label=_("发文（发证）日期"), required=False, widget=DATE, error_messages=BAD_DATE
    )
    copies = _copies()
    pages = _pages()
    location = forms.CharField(
        label=_("存放位置"), max_length=120, required=False, widget=forms.TextInput(SMALL)
    )
    received_on = forms.DateField(label=_("接收日期"), required=False, widget=DATE, error_messages=BAD_DATE)
    remarks = forms.CharField(label=_("备注"), max_length=200, required=False, widget=forms.TextInput(SMALL))
    scan = forms.FileField(
        label=_("扫描件（可选）"), required=False, error_messages={"empty": _("文件为空，请重新选择。")}
    )


class CustodyMoveForm(forms.Form):
    name = forms.ChoiceField(
        choices=[("lend", "lend"), ("give_back", "give_back"), ("relocate", "relocate")],
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("未知的流转操作。"), "required": _("未知的流转操作。")},
    )
    on = forms.DateField(label=_("流转日期"), required=False, widget=DATE, error_messages=BAD_DATE)
    counterpart = forms.CharField(
        label=_("借用部门（人）"), max_length=120, required=False, widget=forms.TextInput(SMALL)
    )
    location = forms.CharField(
        label=_("存放位置"), max_length=120, required=False, widget=forms.TextInput(SMALL)
    )
    holder = forms.IntegerField(required=False, min_value=1, max_value=2**53, widget=forms.HiddenInput)
    note = forms.CharField(label=_("说明"), max_length=300, required=False, widget=forms.TextInput(SMALL))


class ScanForm(forms.Form):
    scan = forms.FileField(
        label=_("扫描件"),
        error_messages={"required": _("请选择要上传的文件。"), "empty": _("文件为空，请重新选择。")},
    )


class ClosureSettingsForm(forms.Form):
    receipt_days = forms.IntegerField(
        label=_("项目单位确认资料移交期限（工作日）"),
        min_value=1,
        max_value=60,
        widget=forms.NumberInput(SMALL),
        error_messages={"required": _("请填写期限。"), "invalid": _("请填写整数。")},
    )
    confirmation_days = forms.IntegerField(
        label=_("中心确认办结或终止期限（工作日）"),
        min_value=1,
        max_value=60,
        widget=forms.NumberInput(SMALL),
        error_messages={"required": _("请填写期限。"), "invalid": _("请填写整数。")},
    )
