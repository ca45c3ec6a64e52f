"""Input forms of the intake pages. They parse types and required fields; the services own the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from liaison.catalogue.stages import Stage
from liaison.intake.models import (
    ContactRole,
    Currency,
    EntrustmentScope,
    InvestmentSource,
    InvestorNature,
    KeyProjectLevel,
)


def _required(label: Any) -> dict[str, Any]:
    return {"required": _("请填写%(label)s。") % {"label": label}}


def _date() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _text(label: Any, max_length: int, *, required: bool = True, rows: int = 0) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else None
    return forms.CharField(
        label=label, max_length=max_length, required=required, error_messages=_required(label), widget=widget
    )


def _amount(label: Any, places: int) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        decimal_places=places,
        error_messages={
            **_required(label),
            "invalid": _("请输入数字。"),
            "max_decimal_places": _("最多保留 %(n)d 位小数。") % {"n": places},
        },
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )


class BootstrapForm(forms.Form):
    """Gives every widget its Bootstrap 5 class and marks fields with errors."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple | forms.RadioSelect):
                css = "form-check-input"
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()

    def add_error(self, field: str | None, error: Any) -> None:
        super().add_error(field, error)
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                if "is-invalid" not in widget.attrs.get("class", ""):
                    widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid".strip()


class RegisterForm(BootstrapForm):
    name = _text(_("单位名称"), 200)
    uscc = forms.CharField(
        label=_("统一社会信用代码"),
        max_length=18,
        min_length=18,
        error_messages={
            **_required(_("统一社会信用代码")),
            "min_length": _("统一社会信用代码应为18位。"),
            "max_length": _("统一社会信用代码应为18位。"),
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "style": "text-transform:uppercase"}),
    )
    address = _text(_("单位地址"), 200)
    legal_representative = _text(_("法定代表人"), 50)
    lead_name = _text(_("项目负责人姓名"), 50)
    lead_mobile = _text(_("项目负责人手机"), 20)
    handler_name = _text(_("项目经办人姓名"), 50)
    handler_mobile = _text(_("项目经办人手机"), 20)
    username = forms.CharField(
        label=_("登录账号"),
        max_length=150,
        error_messages=_required(_("登录账号")),
        validators=[RegexValidator(r"^[\w.@+-]+\Z", _("登录账号只能包含字母、数字和 @ . + - _ 字符。"))],
    )
    email = forms.EmailField(
        label=_("电子邮箱"), error_messages={**_required(_("电子邮箱")), "invalid": _("电子邮箱格式不正确。")}
    )
    password = forms.CharField(
        label=_("密码"),
        strip=False,
        error_messages=_required(_("密码")),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("确认密码"),
        strip=False,
        error_messages=_required(_("确认密码")),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") and data.get("password2") and data["password"] != data["password2"]:
            self.add_error("password2", _("两次输入的密码不一致。"))
        return data


class ProjectForm(BootstrapForm):
    enterprise = forms.TypedChoiceField(label=_("项目单位"), coerce=int, required=False, empty_value=None)
    name = _text(_("项目名称"), 200)
    location = _text(_("建设地点"), 200)
    content = _text(_("建设内容及规模"), 4000, rows=3)
    total_investment = _amount(_("总投资（元）"), 2)
    currency = forms.ChoiceField(label=_("币种"), choices=Currency.choices, initial=Currency.CNY)
    investor_nature = forms.ChoiceField(label=_("投资主体性质"), choices=InvestorNature.choices)
    investment_source = forms.ChoiceField(label=_("内外资"), choices=InvestmentSource.choices)
    key_level = forms.ChoiceField(label=_("重点项目级别"), choices=KeyProjectLevel.choices)
    attraction_landed = forms.BooleanField(label=_("区级招商引资落地项目"), required=False)
    designated = forms.BooleanField(label=_("区委、区政府指定项目"), required=False)
    designation_document = _text(_("指定文件文号"), 100, required=False)
    national_code = forms.CharField(
        label=_("项目代码"),
        max_length=40,
        required=False,
        help_text=_(
            "全国投资项目在线审批监管平台赋予的代码，格式 YYMM-RRRRRR-NN-NN-NNNNNN；尚未赋码可留空。"
        ),
    )
    current_stage = forms.ChoiceField(label=_("当前所处阶段"), choices=Stage.choices)

    def __init__(self, *args: Any, enterprises: list[tuple[int, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if enterprises is None:
            del self.fields["enterprise"]
        else:
            field = self.fields["enterprise"]
            assert isinstance(field, forms.TypedChoiceField)  # noqa: S101 - narrows the type for mypy
            field.choices = [("", "—"), *enterprises]
            field.required = True
            field.error_messages["required"] = _("请选择项目单位。")

    def project_data(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "enterprise"}


class EntrustmentForm(BootstrapForm):
    scope = forms.ChoiceField(
        label=_("委托方式"),
        choices=EntrustmentScope.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("请选择全程委托或部分委托。")},
    )
    stages = forms.MultipleChoiceField(
        label=_("委托阶段"), choices=Stage.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    items = forms.TypedMultipleChoiceField(label=_("委托事项"), coerce=int, required=False)
    notes = _text(_("委托说明"), 2000, required=False, rows=3)

    def __init__(self, *args: Any, item_choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["items"]
        assert isinstance(field, forms.TypedMultipleChoiceField)  # noqa: S101
        field.choices = item_choices
        field.error_messages["invalid_choice"] = _("所选事项中有不存在或已停用的事项，请重新选择。")


class SubmitForm(BootstrapForm):
    accept_terms = forms.BooleanField(label=_("我已阅读并同意上述服务条款"), required=False)
    ineligible_reason = _text(_("申请理由"), 2000, required=False, rows=3)


class WithdrawForm(BootstrapForm):
    reason = _text(_("撤回原因"), 500, required=False, rows=2)


class ReturnForm(BootstrapForm):
    comment = _text(_("补充说明"), 1000, required=False, rows=2)

    def missing(self) -> list[str]:
        """The itemised lines (one input per missing item), blanks dropped."""
        lines: Any = self.data.getlist("missing") if hasattr(self.data, "getlist") else []
        return [line.strip() for line in lines if line.strip()]


class AcceptForm(BootstrapForm):
    comment = _text(_("受理意见"), 1000, required=False, rows=2)


class RejectForm(BootstrapForm):
    reason = forms.CharField(
        label=_("不予受理的理由"),
        max_length=1000,
        error_messages={"required": _("请填写不予受理的理由。")},
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AttachmentForm(BootstrapForm):
    file = forms.FileField(
        label=_("附件"),
        error_messages={"required": _("请选择要上传的文件。"), "empty": _("文件为空，请重新选择。")},
    )
    description = _text(_("附件说明"), 200, required=False)


class DispatchForm(BootstrapForm):
    lead = forms.TypedChoiceField(
        label=_("主办联络官"), coerce=int, error_messages={"required": _("请选择主办联络官。")}
    )
    assistants = forms.TypedMultipleChoiceField(
        label=_("协办联络官（可选）"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, officer_choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("lead", "assistants"):
            field = self.fields[name]
            assert isinstance(field, forms.TypedChoiceField | forms.TypedMultipleChoiceField)  # noqa: S101
            field.choices = [("", "—"), *officer_choices] if name == "lead" else officer_choices
            field.error_messages["invalid_choice"] = _("所选联络官不存在，请重新选择。")


class ReassignForm(DispatchForm):
    reason = forms.CharField(
        label=_("变更原因"),
        max_length=300,
        error_messages={"required": _("变更派任须填写原因。")},
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ContactChangeForm(BootstrapForm):
    role = forms.ChoiceField(label=_("变更的联系人"), choices=ContactRole.choices)
    name = _text(_("姓名"), 50)
    mobile = _text(_("手机"), 20)
    email = forms.EmailField(
        label=_("电子邮箱"), required=False, error_messages={"invalid": _("电子邮箱格式不正确。")}
    )
    since = forms.DateField(
        label=_("变更日期"),
        required=False,
        widget=_date(),
        error_messages={"invalid": _("日期格式应为 YYYY-MM-DD。")},
        help_text=_("留空为今天。"),
    )


class ThresholdForm(BootstrapForm):
    investment_source = forms.ChoiceField(label=_("内外资"), choices=InvestmentSource.choices)
    amount = _amount(_("金额（含本数）"), 2)
    currency = forms.ChoiceField(label=_("币种"), choices=Currency.choices)
    effective_from = forms.DateField(
        label=_("生效日期"),
        widget=_date(),
        error_messages={**_required(_("生效日期")), "invalid": _("日期格式应为 YYYY-MM-DD。")},
    )
    note = _text(_("依据"), 200, required=False)


class RateForm(BootstrapForm):
    currency = forms.ChoiceField(
        label=_("币种"), choices=[c for c in Currency.choices if c[0] != Currency.CNY]
    )
    cny_per_unit = _amount(_("人民币元/单位外币"), 6)
    effective_date = forms.DateField(
        label=_("生效日期"),
        widget=_date(),
        error_messages={**_required(_("生效日期")), "invalid": _("日期格式应为 YYYY-MM-DD。")},
    )
    source = _text(_("来源"), 200, required=False)
