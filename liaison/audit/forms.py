from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from liaison.audit.actions import role_choices
from liaison.audit.selectors.events import AuditFilters


class AuditFilterForm(forms.Form):
    """The audit list's filters; every field optional, dates as whole local days."""

    q = forms.CharField(label=_("关键词"), required=False, max_length=100)
    actor = forms.IntegerField(label=_("操作人"), required=False, min_value=1)
    acting_role = forms.ChoiceField(
        label=_("角色"), required=False, choices=lambda: [("", _("全部角色")), *role_choices()]
    )
    object_type = forms.CharField(label=_("对象类型"), required=False, max_length=60)
    object_id = forms.CharField(label=_("对象编号"), required=False, max_length=64)
    action = forms.CharField(label=_("操作"), required=False, max_length=60)
    date_from = forms.DateField(
        label=_("起始日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("截止日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("截止日期不能早于起始日期。"))
        return data

    def filters(self) -> AuditFilters:
        """The valid part of the input as filters (an invalid field is ignored and shown as an error)."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return AuditFilters(
            actor=data.get("actor"),
            acting_role=data.get("acting_role") or "",
            object_type=(data.get("object_type") or "").strip(),
            object_id=(data.get("object_id") or "").strip(),
            action=(data.get("action") or "").strip(),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            q=(data.get("q") or "").strip(),
        )
