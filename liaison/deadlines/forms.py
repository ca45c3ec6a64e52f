"""The settings page's form: one kind of deadline's warning and repeat days."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class DeadlineSettingsForm(forms.Form):
    kind = forms.CharField(widget=forms.HiddenInput, max_length=40)
    warning_days = forms.IntegerField(
        label=_("黄灯提前量（工作日）"),
        min_value=0,
        max_value=30,
        error_messages={"invalid": _("请填写整数（工作日）。"), "required": _("请填写黄灯提前量。")},
        widget=forms.NumberInput(attrs={"class": "form-control form-control-sm", "inputmode": "numeric"}),
    )
    repeat_days = forms.IntegerField(
        label=_("超期后每隔多少个工作日再次提醒"),
        min_value=1,
        max_value=30,
        error_messages={"invalid": _("请填写整数（工作日）。"), "required": _("请填写超期提醒间隔。")},
        widget=forms.NumberInput(attrs={"class": "form-control form-control-sm", "inputmode": "numeric"}),
    )
