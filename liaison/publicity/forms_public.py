"""The public enquiry form (Art. 12): the shared CAPTCHA (liaison.core.public_forms) and a reply
channel (phone or email, at least one)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from liaison.core.public_forms import CaptchaMixin
from liaison.publicity.forms import StyledForm
from liaison.publicity.models import EnquiryTopic


class EnquiryForm(CaptchaMixin, StyledForm):
    name = forms.CharField(
        label=_("称呼"),
        max_length=50,
        help_text=_("如“张先生”，不会公开。"),
        error_messages={"required": _("请填写称呼。")},
    )
    phone = forms.CharField(
        label=_("联系电话"), max_length=20, required=False, help_text=_("手机或座机，电话和邮箱至少填一项。")
    )
    email = forms.EmailField(
        label=_("电子邮箱"),
        max_length=120,
        required=False,
        help_text=_("填写后答复会发送到该邮箱。"),
        error_messages={"invalid": _("电子邮箱格式不正确，如 name@example.com。")},
    )
    topic = forms.ChoiceField(
        label=_("咨询类别"),
        choices=[("", _("请选择")), *EnquiryTopic.choices],
        error_messages={"required": _("请选择咨询类别。"), "invalid_choice": _("请选择咨询类别。")},
    )
    question = forms.CharField(
        label=_("咨询内容"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("请填写咨询内容。")},
    )


class StatusForm(StyledForm):
    code = forms.CharField(
        label=_("查询码"), max_length=16, help_text=_("提交咨询时页面显示的 10 位查询码。")
    )
