"""The forms of publicity's pages: they parse input; the services hold the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from liaison.publicity.models import ArticleKind, EnquiryTopic


class StyledForm(forms.Form):
    """Bootstrap classes on every widget; a field in error points to its message (aria-describedby)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            css = "form-select" if isinstance(widget, forms.Select) else "form-control"
            if not isinstance(widget, forms.CheckboxInput | forms.HiddenInput | forms.MultiWidget):
                widget.attrs.setdefault("class", css)
            if field.help_text:
                widget.attrs.setdefault("aria-describedby", f"{name}-help")

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-invalid"] = "true"
                widget.attrs["aria-describedby"] = f"{name}-error"


class ArticleForm(StyledForm):
    kind = forms.ChoiceField(label=_("类别"), choices=ArticleKind.choices)
    title = forms.CharField(label=_("标题"), max_length=120)
    summary = forms.CharField(label=_("摘要"), max_length=300, required=False)
    body = forms.CharField(
        label=_("正文"),
        widget=forms.Textarea(attrs={"rows": 14, "data-richtext": "1"}),
        help_text=_("可用：段落、加粗、小标题、列表、链接、已上传的图片；其他标记保存时会被去除。"),
    )


class ImageForm(StyledForm):
    image = forms.FileField(
        label=_("图片文件"),
        help_text=_("JPEG、PNG、GIF 或 WebP，不超过 2 MB。"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}),
    )
    alt = forms.CharField(label=_("图片说明（供读屏软件朗读）"), max_length=120)


class WithdrawForm(StyledForm):
    reason = forms.CharField(label=_("撤回理由"), max_length=200)


class AnswerForm(StyledForm):
    answer = forms.CharField(label=_("答复内容"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5}))


class CloseForm(StyledForm):
    reason = forms.CharField(
        label=_("不予答复的理由"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class FaqForm(StyledForm):
    topic = forms.ChoiceField(label=_("咨询类别"), choices=EnquiryTopic.choices)
    question = forms.CharField(
        label=_("公开的问题"),
        max_length=300,
        help_text=_("请改写为通用的问法，不要包含咨询人的姓名、电话、单位等信息。"),
    )
    answer = forms.CharField(label=_("公开的答复"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5}))


class SettingsForm(StyledForm):
    answer_days = forms.IntegerField(label=_("咨询答复期限（工作日）"), min_value=1, max_value=30)
