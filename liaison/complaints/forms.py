"""The complaint form (the public page; a signed-in enterprise account uses the same page). The form
checks the shapes; the service (services/lodge.py) decides everything else."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from liaison.complaints.models import SubjectKind, Track
from liaison.core.public_forms import CaptchaMixin
from liaison.directory.models import Department, User
from liaison.directory.roles import Role
from liaison.intake.models import Project
from liaison.officers.models import Officer, OfficerStatus


class ComplaintForm(forms.Form):
    track = forms.ChoiceField(
        label=_("投诉类型"),
        choices=Track.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "业务问题：拖延、态度、要求额外材料、指导错误等；廉政作风问题：索要钱物、收受礼品、吃请、对免费服务收费、利益冲突等。"
        ),
    )
    subject_kind = forms.ChoiceField(label=_("投诉对象"), choices=[("", "—"), *SubjectKind.choices])
    officer = forms.TypedChoiceField(label=_("联络官"), required=False, coerce=int, empty_value=None)
    guide = forms.TypedChoiceField(label=_("专职指导员"), required=False, coerce=int, empty_value=None)
    department = forms.TypedChoiceField(label=_("部门"), required=False, coerce=int, empty_value=None)
    project = forms.TypedChoiceField(
        label=_("所涉项目（可选）"), required=False, coerce=int, empty_value=None
    )
    happened_on = forms.DateField(
        label=_("发生时间"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("发生时间格式不正确。")},
    )
    text = forms.CharField(
        label=_("投诉内容（发生了什么）"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    anonymous = forms.BooleanField(label=_("匿名投诉（仅限廉政作风问题）"), required=False)
    name = forms.CharField(label=_("投诉人姓名"), max_length=60, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=20, required=False)
    email = forms.CharField(label=_("电子邮箱"), max_length=200, required=False)
    identity_consent = forms.BooleanField(
        label=_("如转为业务问题办理，同意向中心提供我的身份和联系方式"), required=False
    )
    confirm_track = forms.BooleanField(label=_("我确认按所选投诉类型提交"), required=False)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        none: list[tuple[Any, str]] = [("", "—")]
        choice_fields: dict[str, Any] = self.fields
        officers = (
            Officer.objects.filter(status=OfficerStatus.ACTIVE).select_related("user").order_by("number")
        )
        choice_fields["officer"].choices = none + [
            (o.pk, f"{o.number} {o.user.display_name}") for o in officers
        ]
        guides = (
            User.objects.filter(is_active=True, memberships__role=Role.GUIDE)
            .select_related("department")
            .distinct()
            .order_by("department__name", "full_name")
        )
        choice_fields["guide"].choices = none + [
            (g.pk, f"{g.department.name if g.department else ''} {g.display_name}".strip()) for g in guides
        ]
        departments = Department.objects.filter(is_active=True).order_by("name")
        choice_fields["department"].choices = none + [(d.pk, d.name) for d in departments]
        enterprise_id = getattr(user, "enterprise_id", None)
        projects = (
            Project.objects.filter(enterprise_id=enterprise_id).order_by("name") if enterprise_id else []
        )
        choice_fields["project"].choices = none + [(p.pk, p.name) for p in projects]
        if not enterprise_id:
            self.fields["project"].widget = forms.HiddenInput()


class PublicComplaintForm(CaptchaMixin, ComplaintForm):
    """The same form with the shared CAPTCHA (liaison.core.public_forms)."""


class StatusForm(forms.Form):
    code = forms.CharField(label=_("查询码"), max_length=20)
