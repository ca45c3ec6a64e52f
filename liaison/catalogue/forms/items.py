"""The item form with its materials formset, and the list filter form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from liaison.catalogue.forms._bootstrap import BootstrapMixin
from liaison.catalogue.forms._fields import SafeModelChoiceField, SafeModelMultipleChoiceField
from liaison.catalogue.models import ApprovalItem, MaterialForm
from liaison.catalogue.stages import Stage
from liaison.directory.models import Department

ACTIVE_CHOICES = [("1", _("启用")), ("0", _("已停用")), ("all", _("全部"))]


class ItemFilterForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("关键词"), required=False, max_length=100)
    department = SafeModelChoiceField(
        label=_("实施部门"),
        queryset=Department.objects.order_by("sort_order", "code"),
        required=False,
        empty_label=_("全部部门"),
    )
    stage = forms.ChoiceField(
        label=_("审批阶段"), choices=[("", _("全部阶段")), *Stage.choices], required=False
    )
    active = forms.ChoiceField(label=_("状态"), choices=ACTIVE_CHOICES, required=False)

    def filters(self) -> dict[str, Any]:
        """The valid filters; an invalid value is ignored rather than failing the page."""
        self.is_valid()
        data = self.cleaned_data
        active = data.get("active") or "1"
        return {
            "q": data.get("q") or "",
            "department": data.get("department"),
            "stage": data.get("stage") or "",
            "active": None if active == "all" else active == "1",
        }


class PrerequisiteField(SafeModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.code} {obj.name}（{obj.department.short_name or obj.department.name}）"


class ItemForm(BootstrapMixin, forms.Form):
    code = forms.CharField(label=_("事项编码"), max_length=40)
    name = forms.CharField(label=_("事项名称"), max_length=200)
    department = SafeModelChoiceField(label=_("实施部门"), queryset=Department.objects.none())
    stage = forms.ChoiceField(label=_("审批阶段"), choices=Stage.choices)
    time_limit_days = forms.IntegerField(label=_("承诺时限（工作日）"), min_value=1, max_value=3650)
    statutory_limit_days = forms.IntegerField(
        label=_("法定时限（工作日）"), min_value=1, max_value=3650, required=False
    )
    legal_basis = forms.CharField(
        label=_("设定依据"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    fee_note = forms.CharField(label=_("收费标准及依据"), max_length=300, required=False, initial="不收费")
    location = forms.CharField(label=_("办理地点"), max_length=200, required=False)
    conditions = forms.CharField(
        label=_("申请条件"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    procedure = forms.CharField(label=_("办理流程"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    prerequisites = PrerequisiteField(
        label=_("前置事项"),
        queryset=ApprovalItem.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        error_messages={
            "invalid_choice": _("前置事项不存在或已停用。"),
            "invalid_pk_value": _("前置事项无效。"),
        },
    )

    def __init__(
        self,
        *args: Any,
        departments: Any,
        item: ApprovalItem | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments  # type: ignore[attr-defined]
        choices = ApprovalItem.objects.select_related("department").order_by("department__sort_order", "code")
        if item is not None:
            current = list(item.prerequisite_links.values_list("prerequisite_id", flat=True))
            choices = choices.exclude(pk=item.pk).filter(
                pk__in=[*current, *ApprovalItem.objects.filter(is_active=True).values_list("pk", flat=True)]
            )
        else:
            choices = choices.filter(is_active=True)
        self.fields["prerequisites"].queryset = choices  # type: ignore[attr-defined]


class MaterialLineForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label=_("材料名称"), max_length=200)
    form = forms.ChoiceField(
        label=_("原件/复印件"), choices=MaterialForm.choices, initial=MaterialForm.ORIGINAL
    )
    copies = forms.IntegerField(label=_("份数"), min_value=1, max_value=999, initial=1)
    required = forms.BooleanField(label=_("必需"), required=False, initial=True)
    issuing_body = forms.CharField(label=_("出具单位"), max_length=100, required=False)
    notes = forms.CharField(label=_("备注"), max_length=300, required=False)


MaterialFormSet = forms.formset_factory(MaterialLineForm, extra=2, can_delete=True, max_num=200)


def material_lines(formset: Any) -> list[dict[str, Any]]:
    """The checklist lines of a valid formset, in order, skipping deleted and blank rows."""
    lines = []
    for form in formset.forms:
        data = form.cleaned_data
        if not data or data.get("DELETE"):
            continue
        lines.append({k: v for k, v in data.items() if k != "DELETE"})
    return lines
