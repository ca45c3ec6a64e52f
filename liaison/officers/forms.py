"""Input forms for the officer pages. They parse types; the services own the business checks."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from liaison.officers.services.officer_record import MANUAL_RECORD_KINDS


def date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class BootstrapForm(forms.Form):
    """Gives every visible widget its Bootstrap 5 class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.HiddenInput):
                continue
            css = "form-select" if isinstance(widget, forms.Select) else "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()

    def add_error(self, field: str | None, error: Any) -> None:
        super().add_error(field, error)
        for name in self.errors:
            widget = self.fields[name].widget if name in self.fields else None
            if widget is not None and "is-invalid" not in widget.attrs.get("class", ""):
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid".strip()


class OfficerDataForm(BootstrapForm):
    full_name = forms.CharField(
        label=_("姓名"), max_length=50, error_messages={"required": _("请填写姓名。")}
    )
    mobile = forms.CharField(
        label=_("手机号码"),
        max_length=20,
        error_messages={"required": _("请填写手机号码。")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "13800001111"}),
    )
    unit = forms.CharField(
        label=_("工作单位"), max_length=100, error_messages={"required": _("请填写工作单位。")}
    )
    email = forms.CharField(label=_("电子邮箱"), max_length=254, required=False)
    notes = forms.CharField(
        label=_("备注"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class OfficerRegisterForm(OfficerDataForm):
    username = forms.CharField(
        label=_("登录账号"),
        max_length=150,
        error_messages={"required": _("请填写登录账号。")},
        help_text=_("填写已有账号则直接关联该账号，否则新建账号。"),
    )
    number = forms.CharField(
        label=_("联络官编号"),
        max_length=20,
        required=False,
        help_text=_("留空则按“LLG-年度-序号”自动编号。"),
    )
    registered_on = forms.DateField(
        label=_("登记备案日期"), required=False, widget=date_widget(), help_text=_("留空为今天。")
    )
    password = forms.CharField(
        label=_("初始密码"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("仅在新建账号时使用；留空则账号暂不能用密码登录。"),
    )

    field_order = ["username", "full_name", "mobile", "unit", "number", "registered_on", "email", "password"]


class OfficerEditForm(OfficerDataForm):
    number = forms.CharField(
        label=_("联络官编号"), max_length=20, error_messages={"required": _("请填写联络官编号。")}
    )
    registered_on = forms.DateField(
        label=_("登记备案日期"), widget=date_widget(), error_messages={"required": _("请填写登记备案日期。")}
    )

    field_order = ["number", "full_name", "mobile", "unit", "registered_on", "email", "notes"]


class OfficerStatusForm(BootstrapForm):
    action = forms.ChoiceField(
        choices=[("suspend", _("暂停派任")), ("reinstate", _("恢复派任"))], widget=forms.HiddenInput
    )
    reason = forms.CharField(
        label=_("原因"),
        max_length=300,
        error_messages={"required": _("请填写原因。")},
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class OfficerRecordForm(BootstrapForm):
    kind = forms.ChoiceField(label=_("类型"), choices=[(k.value, k.label) for k in MANUAL_RECORD_KINDS])
    date = forms.DateField(
        label=_("日期"),
        widget=date_widget(),
        initial=timezone.localdate,
        error_messages={"required": _("请填写日期。")},
    )
    text = forms.CharField(
        label=_("内容"),
        max_length=500,
        error_messages={"required": _("请填写内容。")},
        widget=forms.Textarea(attrs={"rows": 3}),
    )
