"""Forms of the difficulty pages: raising one, and the comment (and category) of a step."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from liaison.coordination.models import MajorIssueCategory

TEXT = forms.TextInput(attrs={"class": "form-control"})
AREA = forms.Textarea(attrs={"class": "form-control", "rows": 3})


class RaiseForm(forms.Form):
    title = forms.CharField(
        label=_("问题"),
        max_length=120,
        widget=TEXT,
        error_messages={
            "required": _("请填写问题。"),
            "max_length": _("问题不能超过 %(limit_value)d 个字。"),
        },
    )
    project_item = forms.TypedChoiceField(
        label=_("涉及的审批事项（可不选）"),
        choices=[],
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"invalid_choice": _("所选事项不属于本项目。")},
    )
    description = forms.CharField(
        label=_("问题描述"), widget=AREA, error_messages={"required": _("请填写问题描述。")}
    )
    analysis = forms.CharField(label=_("原因分析"), widget=AREA, required=False)
    proposal = forms.CharField(label=_("解决建议"), widget=AREA, required=False)

    def __init__(self, *args: Any, items: Sequence[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["project_item"]).choices = [
            ("", "—"),
            *((i.pk, f"{i.approval_item.code} {i.approval_item.name}") for i in items),
        ]


class StepForm(forms.Form):
    """The comment every step carries; submitting to the project office also names the Art. 18 category."""

    comment = forms.CharField(
        label=_("说明"),
        widget=AREA,
        max_length=2000,
        error_messages={
            "required": _("请填写说明。"),
            "max_length": _("说明不能超过 %(limit_value)d 个字。"),
        },
    )
    category = forms.ChoiceField(
        label=_("重大问题类别（第十八条）"),
        choices=[("", "—"), *MajorIssueCategory.choices],
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"invalid_choice": _("请选择重大问题类别（第十八条所列情形）。")},
    )
