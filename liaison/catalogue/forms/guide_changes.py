"""Forms for proposing, applying and deciding guide changes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from liaison.catalogue.forms._bootstrap import BootstrapMixin
from liaison.catalogue.forms._fields import SafeModelChoiceField
from liaison.catalogue.selectors.guides import guide_candidates
from liaison.directory.models import User


class GuideChoiceField(SafeModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.display_name}（{obj.post}）" if obj.post else obj.display_name


class GuideChangeForm(BootstrapMixin, forms.Form):
    new_guide = GuideChoiceField(
        label=_("新任指导员"),
        queryset=User.objects.none(),
        empty_label=_("请选择本部门的专职指导员"),
        error_messages={"invalid_choice": _("所选人员不是本部门的专职指导员，请重新选择。")},
    )
    effective_date = forms.DateField(
        label=_("生效日期"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        initial=timezone.localdate,
    )
    reason = forms.CharField(label=_("变更原因"), max_length=300, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, department_id: int, exclude_user_id: int | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        candidates = guide_candidates(department_id=department_id)
        if exclude_user_id is not None:
            candidates = candidates.exclude(pk=exclude_user_id)
        self.fields["new_guide"].queryset = candidates  # type: ignore[attr-defined]


class GuideChangeDecisionForm(BootstrapMixin, forms.Form):
    action = forms.ChoiceField(
        choices=[("register", _("登记备案")), ("reject", _("退回")), ("cancel", _("撤回"))],
        error_messages={"invalid_choice": _("无效的操作。"), "required": _("请选择操作。")},
    )
    note = forms.CharField(
        label=_("处理意见"), max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
