"""Forms of the tracking pages: input shape only; the services decide what is allowed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from liaison.tracking.models import ObligationKind

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date", "class": "form-control form-control-sm"})
TEXT = forms.TextInput(attrs={"class": "form-control form-control-sm"})
AREA = forms.Textarea(attrs={"class": "form-control form-control-sm", "rows": 3})


class TransitionForm(forms.Form):
    name = forms.CharField(max_length=32, widget=forms.HiddenInput)
    comment = forms.CharField(label=_("说明或理由"), required=False, max_length=1000, widget=AREA)


class ResultForm(forms.Form):
    """An approved item's result document (批准文件、许可证、证书); the scan is optional."""

    result_name = forms.CharField(label=_("结果文件名称"), required=False, max_length=200, widget=TEXT)
    result_number = forms.CharField(
        label=_("文号（证号）"),
        max_length=80,
        widget=TEXT,
        error_messages={"required": _("请填写审批结果文件的文号（证号）。")},
    )
    result_issuer = forms.CharField(
        label=_("发文（发证）机关"),
        max_length=120,
        widget=TEXT,
        error_messages={"required": _("请填写发文（发证）机关。")},
    )
    result_issued_on = forms.DateField(
        label=_("发文（发证）日期"),
        widget=DATE,
        error_messages={"required": _("请填写发文（发证）日期。"), "invalid": _("请填写有效的日期。")},
    )
    result_file = forms.FileField(
        label=_("扫描件（可选）"), required=False, error_messages={"empty": _("文件为空，请重新选择。")}
    )

    def document(self) -> dict[str, Any]:
        """The cleaned fields as `result_document_clean` takes them."""
        d = self.cleaned_data
        return {
            "name": d.get("result_name"),
            "number": d["result_number"],
            "issuer": d["result_issuer"],
            "issued_on": d["result_issued_on"],
            "upload": d.get("result_file"),
        }


class SupplementForm(forms.Form):
    missing = forms.CharField(
        label=_("需要补正的内容（每行一项，一次性告知）"),
        required=False,
        widget=AREA,
        error_messages={"required": _("请逐项列明需要补正的内容（一次性告知）。")},
    )
    due_on = forms.DateField(
        label=_("补正期限"), required=False, widget=DATE, error_messages={"invalid": _("请填写有效的日期。")}
    )

    def missing_lines(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("missing", "").splitlines() if line.strip()]


class UrgeForm(forms.Form):
    comment = forms.CharField(label=_("催办说明"), required=False, max_length=300, widget=TEXT)


class MaterialUploadForm(forms.Form):
    file = forms.FileField(
        label=_("文件"),
        error_messages={"required": _("请选择要上传的文件。"), "empty": _("文件为空，请重新选择。")},
    )
    note = forms.CharField(label=_("说明"), required=False, max_length=300, widget=TEXT)


class RevisionForm(forms.Form):
    reason = forms.CharField(
        label=_("修改意见"),
        max_length=500,
        widget=TEXT,
        error_messages={"required": _("请填写修改意见。")},
    )
    due_on = forms.DateField(
        label=_("修改期限"), required=False, widget=DATE, error_messages={"invalid": _("请填写有效的日期。")}
    )


def _date_field(label: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=DATE,
        error_messages={
            "required": _("请填写%(label)s。") % {"label": label},
            "invalid": _("请填写有效的日期。"),
        },
    )


class DraftForm(forms.Form):
    start_date = _date_field(_("计划开始日期"))


class RescheduleForm(forms.Form):
    planned_start = _date_field(_("计划开始日期"))
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)


class ConfirmPlanForm(forms.Form):
    reason = forms.CharField(label=_("确认说明"), required=False, max_length=300, widget=TEXT)


class ProposalForm(forms.Form):
    proposed_start = _date_field(_("建议开始日期"))
    reason = forms.CharField(
        label=_("理由"), max_length=300, widget=TEXT, error_messages={"required": _("请填写理由。")}
    )


class DecisionForm(forms.Form):
    note = forms.CharField(label=_("处理意见"), required=False, max_length=300, widget=TEXT)


class ObligationForm(forms.Form):
    """The officer asks the enterprise for something by a date (Art. 9); the service checks the rest."""

    kind = forms.ChoiceField(
        label=_("类型"),
        choices=[],
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
        error_messages={
            "required": _("请选择待办类型。"),
            "invalid_choice": _("请选择待办类型。"),
        },
    )
    title = forms.CharField(
        label=_("待办事项"),
        max_length=200,
        widget=TEXT,
        error_messages={
            "required": _("请填写待办事项。"),
            "max_length": _("待办事项不能超过 %(limit_value)d 个字。"),
        },
    )
    details = forms.CharField(label=_("具体要求"), required=False, max_length=2000, widget=AREA)
    due_on = _date_field(_("截止日期"))
    project_item = forms.TypedChoiceField(
        label=_("关联审批事项（可不选）"),
        choices=[],
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
        error_messages={"invalid_choice": _("所选事项不属于本项目。")},
    )

    def __init__(
        self, *args: Any, items: Sequence[Any] = (), item_required: bool = False, **kwargs: Any
    ) -> None:
        """`item_required`: a guide's form, limited to their own items, one of which must be chosen."""
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["kind"]).choices = [("", "—"), *ObligationKind.choices]
        field = cast(forms.TypedChoiceField, self.fields["project_item"])
        field.choices = [
            ("", "—"),
            *((i.pk, f"{i.approval_item.code} {i.approval_item.name}") for i in items),
        ]
        if item_required:
            field.required = True
            field.label = _("关联审批事项")
            field.error_messages["required"] = _("请选择您负责指导的审批事项。")


class PlanItemAddForm(forms.Form):
    """One more catalogue item for an existing plan; the service places it and refuses duplicates."""

    approval_item = forms.IntegerField(
        label=_("加入方案的审批事项"),
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
        error_messages={
            "required": _("请选择要加入方案的事项。"),
            "invalid": _("请选择要加入方案的事项。"),
        },
    )

    def __init__(self, *args: Any, choices: Sequence[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["approval_item"].widget.choices = [("", "—"), *choices]
