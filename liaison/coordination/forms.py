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
    analysis = forms.CharField(
        label=_("原因分析"), widget=AREA, error_messages={"required": _("请填写原因分析。")}
    )
    proposal = forms.CharField(
        label=_("解决建议"), widget=AREA, error_messages={"required": _("请填写解决建议。")}
    )

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


class MeetingForm(forms.Form):
    held_on = forms.DateField(
        label=_("会议日期"),
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
        error_messages={"required": _("请填写会议日期。"), "invalid": _("请填写有效的日期。")},
    )
    title = forms.CharField(
        label=_("会议名称（可不填，自动编号）"), required=False, max_length=120, widget=TEXT
    )
    place = forms.CharField(label=_("地点"), required=False, max_length=120, widget=TEXT)
    chair = forms.CharField(label=_("主持人"), required=False, max_length=60, widget=TEXT)
    attendees = forms.CharField(label=_("参会人员"), required=False, widget=AREA)


class MinutesForm(forms.Form):
    """The minutes, and one opinion field per topic (`opinion_<topic id>`)."""

    minutes = forms.CharField(
        label=_("会议纪要"),
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 6}),
        max_length=10000,
        error_messages={
            "required": _("请填写会议纪要。"),
            "max_length": _("会议纪要不能超过 %(limit_value)d 个字。"),
        },
    )

    def __init__(self, *args: Any, topics: Sequence[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for topic in topics:
            self.fields[f"opinion_{topic.pk}"] = forms.CharField(
                label=f"{topic.difficulty.number} {topic.difficulty.title}",
                required=False,
                max_length=2000,
                initial=topic.opinion,
                widget=forms.Textarea(attrs={"class": "form-control", "rows": 2}),
            )

    def opinions(self) -> dict[int, str]:
        return {
            int(name.removeprefix("opinion_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("opinion_")
        }


class SettingsForm(forms.Form):
    response_days = forms.IntegerField(
        label=_("中心协调期限（工作日）"),
        min_value=1,
        max_value=60,
        widget=forms.NumberInput(attrs={"class": "form-control"}),
        error_messages={"required": _("请填写天数。"), "invalid": _("请填写整数。")},
    )
    feedback_days = forms.IntegerField(
        label=_("反馈期限（工作日）"),
        min_value=1,
        max_value=60,
        widget=forms.NumberInput(attrs={"class": "form-control"}),
        error_messages={"required": _("请填写天数。"), "invalid": _("请填写整数。")},
    )
    yellow_threshold_days = forms.IntegerField(
        label=_("临期提醒（到期前工作日）"),
        min_value=0,
        max_value=30,
        widget=forms.NumberInput(attrs={"class": "form-control"}),
        error_messages={"required": _("请填写天数。"), "invalid": _("请填写整数。")},
    )


class ActionForm(forms.Form):
    """An action of the meeting: what, who, by when, and the difficulty it follows up (if any)."""

    description = forms.CharField(
        label=_("督办事项"),
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 2}),
        max_length=2000,
        error_messages={"required": _("请填写督办事项。")},
    )
    owner = forms.TypedChoiceField(
        label=_("责任人"),
        coerce=int,
        choices=[],
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={
            "required": _("请选择责任人。"),
            "invalid_choice": _("请选择在岗的责任人（中心、联络官、指导员、部门或项目办人员）。"),
        },
    )
    due_on = forms.DateField(
        label=_("完成时限"),
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
        error_messages={"required": _("请填写完成时限。"), "invalid": _("请填写有效的日期。")},
    )
    difficulty = forms.TypedChoiceField(
        label=_("相关难点问题（可不选）"),
        coerce=int,
        required=False,
        empty_value=None,
        choices=[],
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"invalid_choice": _("所选难点问题不是本次例会的议题。")},
    )

    def __init__(
        self, *args: Any, owners: Sequence[Any] = (), topics: Sequence[Any] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["owner"]).choices = [
            ("", "—"),
            *((u.pk, u.display_name) for u in owners),
        ]
        cast(forms.ChoiceField, self.fields["difficulty"]).choices = [
            ("", "—"),
            *((t.difficulty_id, f"{t.difficulty.number} {t.difficulty.title}") for t in topics),
        ]


class DoneForm(forms.Form):
    note = forms.CharField(
        label=_("完成情况"),
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 2}),
        max_length=2000,
        error_messages={"required": _("请填写完成情况。")},
    )
