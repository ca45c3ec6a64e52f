from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from liaison.workcal.models import DayKind
from liaison.workcal.services.overrides import MAX_YEAR, MIN_YEAR

INPUT = {"class": "form-control form-control-sm"}


def _date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date", **INPUT}, format="%Y-%m-%d")


class OverrideForm(forms.Form):
    date = forms.DateField(label=_("日期"), widget=_date_widget())
    kind = forms.ChoiceField(
        label=_("类型"),
        choices=DayKind.choices,
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    name = forms.CharField(
        label=_("名称"),
        required=False,
        max_length=60,
        widget=forms.TextInput(attrs={**INPUT, "placeholder": _("国庆节")}),
    )


class OverrideDeleteForm(forms.Form):
    date = forms.DateField(label=_("日期"))


class YearImportForm(forms.Form):
    year = forms.IntegerField(
        label=_("年份"), min_value=MIN_YEAR, max_value=MAX_YEAR, widget=forms.NumberInput(attrs=INPUT)
    )
    notice = forms.CharField(
        label=_("依据（国务院办公厅通知）"),
        max_length=200,
        widget=forms.TextInput(attrs={**INPUT, "placeholder": _("国办发明电〔2026〕X号")}),
    )
    text = forms.CharField(
        label=_("节假日安排"),
        widget=forms.Textarea(
            attrs={**INPUT, "rows": 10, "placeholder": _("2027-01-01 元旦 休\n2027-02-07 春节调休 班")}
        ),
    )


class YearPublishForm(forms.Form):
    year = forms.IntegerField(label=_("年份"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    notice = forms.CharField(label=_("依据（国务院办公厅通知）"), max_length=200)


class AddWorkingDaysForm(forms.Form):
    start = forms.DateField(label=_("起算日期"), widget=_date_widget())
    n = forms.IntegerField(
        label=_("工作日数"), min_value=0, max_value=1000, widget=forms.NumberInput(attrs=INPUT)
    )


class BetweenForm(forms.Form):
    start = forms.DateField(label=_("开始日期"), widget=_date_widget())
    end = forms.DateField(label=_("结束日期"), widget=_date_widget())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and abs((end - start).days) > 3660:
            self.add_error("end", _("两个日期相隔不能超过10年。"))
        return data
