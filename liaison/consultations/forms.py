"""Forms of the consultation pages: input shape only; the services decide what is allowed."""

from __future__ import annotations

import re
from typing import Any, cast

from django import forms
from django.db.models import F, FilteredRelation, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from liaison.catalogue.models import ApprovalItem, MaterialForm
from liaison.consultations.lights import LIGHT_LABELS, Light
from liaison.consultations.models import Channel, ConsultationState
from liaison.consultations.services.replies import MAX_MATERIALS, MaterialLine, ReplyForm
from liaison.core.listing import KEYWORD_MAX
from liaison.intake.models import Project
from liaison.tracking.models import ProjectItem

SM = "form-control form-control-sm"
DATE = forms.DateInput(attrs={"type": "date", "class": SM}, format="%Y-%m-%d")
TEXT = forms.TextInput(attrs={"class": SM})
NUMBER = forms.NumberInput(attrs={"class": SM})


def _area(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"class": SM, "rows": rows})


def _text(label: Any, *, max_length: int, required: bool = True, rows: int = 0, **kw: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        widget=_area(rows) if rows else TEXT,
        error_messages={
            "required": _("请填写%(label)s。") % {"label": label},
            "max_length": _("%(label)s不能超过 %(n)d 个字。") % {"label": label, "n": max_length},
        },
        **kw,
    )


def _date(label: Any, **kw: Any) -> forms.DateField:
    return forms.DateField(
        label=label, required=False, widget=DATE, error_messages={"invalid": _("请填写有效的日期。")}, **kw
    )


# The list's filters ------------------------------------------------------------------------------

PENDING = "pending"
STATE_FILTERS = [("", _("全部状态")), (PENDING, _("待答复（含转办待接收）")), *ConsultationState.choices]
LIGHT_FILTERS = [
    ("", _("全部")),
    *((light, LIGHT_LABELS[light]) for light in (Light.RED, Light.YELLOW, Light.UNKNOWN, Light.GREEN)),
]


class FilterForm(forms.Form):
    """The list's filters; a bad value is ignored rather than refused (it is a search, not a change)."""

    state = forms.ChoiceField(label=_("状态"), required=False, choices=STATE_FILTERS)
    light = forms.ChoiceField(label=_("状态灯"), required=False, choices=LIGHT_FILTERS)
    department = forms.IntegerField(label=_("部门"), required=False, min_value=1)
    project = forms.IntegerField(label=_("项目"), required=False, min_value=1)
    q = forms.CharField(label=_("关键字"), required=False, max_length=KEYWORD_MAX, strip=True)

    def filters(self) -> dict[str, Any]:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "state": data.get("state") or "",
            "light": data.get("light") or "",
            "department_id": data.get("department"),
            "project_id": data.get("project"),
            "q": data.get("q") or "",
        }


# Raising -----------------------------------------------------------------------------------------


class ProjectItemChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: ProjectItem) -> str:
        return f"{obj.approval_item.code} {obj.approval_item.name}（{obj.approval_item.department.name}）"


class ItemChoice(forms.ModelChoiceField):
    """A catalogue item shown with its department and, where annotated, its current guide."""

    def label_from_instance(self, obj: ApprovalItem) -> str:
        guide = getattr(obj, "guide_name", None) or getattr(obj, "guide_username", None)
        tail = f" — {_('指导员')} {guide}" if guide else ""
        return f"{obj.department.name} · {obj.code} {obj.name}{tail}"


def items_with_guides() -> QuerySet[ApprovalItem]:
    """Active catalogue items that have a guide in office, each with the guide's name (one query)."""
    return (
        ApprovalItem.objects.filter(is_active=True)
        .annotate(
            active_ga=FilteredRelation("guide_assignments", condition=Q(guide_assignments__is_active=True))
        )
        .filter(active_ga__isnull=False, active_ga__guide__is_active=True)
        .annotate(guide_name=F("active_ga__guide__full_name"), guide_username=F("active_ga__guide__username"))
        .select_related("department")
        .order_by("department__sort_order", "department__name", "code")
    )


class RaiseForm(forms.Form):
    project_items = ProjectItemChoice(
        label=_("关联项目事项"),
        queryset=ProjectItem.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        help_text=_("可多选；咨询发给所选事项的专职指导员。"),
        error_messages={"invalid_choice": _("所选事项不属于本项目。"), "invalid_pk_value": _("事项无效。")},
    )
    approval_item = ItemChoice(
        label=_("或按事项目录选择"),
        queryset=ApprovalItem.objects.none(),
        required=False,
        empty_label=_("（按所选项目事项）"),
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
        help_text=_("尚未列入服务方案的事项，可从事项目录中选择。"),
        error_messages={"invalid_choice": _("所选事项不存在、已停用或暂无指导员。")},
    )
    subject = _text(_("主题"), max_length=200)
    situation = _text(_("项目情况"), max_length=4000, rows=4)
    requests = _text(_("具体诉求"), max_length=4000, rows=4)
    channel = forms.ChoiceField(
        label=_("联络方式"),
        choices=Channel.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={
            "required": _("请选择联络方式：带领上门、上门咨询、电话联络或网络交换。"),
            "invalid_choice": _("请选择联络方式：带领上门、上门咨询、电话联络或网络交换。"),
        },
    )
    held_on = _date(
        _("已联络日期"), help_text=_("已经带领上门、上门或电话联络过的，补录日期、参加人员和记录。")
    )
    participants = _text(_("参加人员"), max_length=300, required=False)
    contact_notes = _text(_("联络记录"), max_length=4000, required=False, rows=3)
    wanted_reply_by = _date(_("希望答复日期"))

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["project_items"]).queryset = (
            ProjectItem.objects.filter(project=project)
            .select_related("approval_item__department")
            .order_by("approval_item__code")
        )
        cast(forms.ModelChoiceField, self.fields["approval_item"]).queryset = items_with_guides()

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "project_items": list(data.get("project_items") or []),
            "approval_item": data.get("approval_item"),
            "subject": data["subject"],
            "situation": data["situation"],
            "requests": data["requests"],
            "channel": data["channel"],
            "held_on": data.get("held_on"),
            "participants": data.get("participants", ""),
            "contact_notes": data.get("contact_notes", ""),
            "wanted_reply_by": data.get("wanted_reply_by"),
        }


# Routing -----------------------------------------------------------------------------------------


class ForwardForm(forms.Form):
    to_item = ItemChoice(
        label=_("转至事项（部门 · 事项 — 指导员）"),
        queryset=ApprovalItem.objects.none(),
        empty_label=_("请选择诉求实际所属的事项"),
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
        error_messages={
            "required": _("请选择诉求实际所属的事项。"),
            "invalid_choice": _("所选事项不存在、已停用或暂无指导员。"),
        },
    )
    note = _text(_("转办说明"), max_length=500, rows=2)

    def __init__(self, *args: Any, exclude_item_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        qs = items_with_guides()
        if exclude_item_id:
            qs = qs.exclude(pk=exclude_item_id)
        cast(forms.ModelChoiceField, self.fields["to_item"]).queryset = qs


# The reply (Attachment 3) ------------------------------------------------------------------------


class ReplyPageForm(forms.Form):
    """The opinion-reply form; its materials come as rows `m-<n>-<field>` (see material_rows)."""

    opinion = _text(_("处理意见"), max_length=2000, rows=3)
    legal_basis = _text(_("设定依据"), max_length=2000, rows=2)
    conditions = forms.CharField(
        label=_("办理条件（每行一条）"),
        widget=_area(3),
        error_messages={"required": _("请逐条列出办理条件（一次性告知）。")},
    )
    procedure = _text(_("办理流程"), max_length=2000, rows=2)
    time_limit = _text(_("办理时限"), max_length=200)
    fees = _text(_("收费标准及依据"), max_length=300)
    contact = _text(_("办理地点及联系人"), max_length=300)
    joint_handling = _text(_("联办部门及顺序"), max_length=2000, required=False, rows=2)
    obstacles = _text(_("不能办理的原因（如有）"), max_length=2000, required=False, rows=2)
    remedies = _text(_("陈述申辩及救济途径"), max_length=2000, required=False, rows=2)
    signer_name = _text(_("签字人"), max_length=50)
    signer_post = _text(_("职务"), max_length=50)
    signed_on = _date(_("签字日期"))
    supplementary_reason = _text(
        _("补充告知原因"),
        max_length=500,
        required=False,
        help_text=_("本次答复较此前告知新增了材料或条件时必填，如企业变更了建设方案。"),
    )

    def condition_lines(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("conditions", "").splitlines() if line.strip()]

    def to_service(self, materials: list[MaterialLine]) -> ReplyForm:
        data = self.cleaned_data
        return ReplyForm(
            opinion=data["opinion"],
            legal_basis=data["legal_basis"],
            procedure=data["procedure"],
            time_limit=data["time_limit"],
            fees=data["fees"],
            contact=data["contact"],
            signer_name=data["signer_name"],
            signer_post=data["signer_post"],
            conditions=self.condition_lines(),
            materials=list(materials),
            joint_handling=data.get("joint_handling", ""),
            obstacles=data.get("obstacles", ""),
            remedies=data.get("remedies", ""),
            signed_on=data.get("signed_on"),
            supplementary_reason=data.get("supplementary_reason", ""),
        )


ROW_KEY = re.compile(r"^m-(\d{1,3})-name$")
MATERIAL_FORMS = MaterialForm.choices


def _copies(raw: str) -> int:
    try:
        return int(raw.strip())
    except (AttributeError, ValueError):
        return 0  # the service says the copies must be 1 to 99


def material_rows(data: QueryDict) -> list[dict[str, Any]]:
    """The material rows as posted, in row order; wholly blank rows dropped (name, issuer and how empty)."""
    indexes = sorted({int(m.group(1)) for key in data if (m := ROW_KEY.match(key))})
    rows: list[dict[str, Any]] = []
    for n in indexes[: MAX_MATERIALS + 1]:
        row = {
            "name": data.get(f"m-{n}-name", "").strip(),
            "form": data.get(f"m-{n}-form", MaterialForm.ORIGINAL),
            "copies": data.get(f"m-{n}-copies", "1").strip(),
            "issuing_body": data.get(f"m-{n}-issuing_body", "").strip(),
            "how_to_obtain": data.get(f"m-{n}-how_to_obtain", "").strip(),
            "required": bool(data.get(f"m-{n}-required")),
        }
        if row["name"] or row["issuing_body"] or row["how_to_obtain"]:
            rows.append(row)
    return rows


def material_lines(rows: list[dict[str, Any]]) -> list[MaterialLine]:
    return [
        MaterialLine(
            name=r["name"],
            form=r["form"],
            copies=_copies(r["copies"]),
            issuing_body=r["issuing_body"],
            how_to_obtain=r["how_to_obtain"],
            required=r["required"],
        )
        for r in rows
    ]


# Relay, follow-up, ending ------------------------------------------------------------------------


class RelayForm(forms.Form):
    text = forms.CharField(
        label=_("转告内容（可改写为通俗易懂的表述；原件始终随附）"),
        required=False,
        max_length=4000,
        widget=_area(5),
    )


class FollowUpForm(forms.Form):
    action = _text(_("后续办理"), max_length=2000, rows=2)


class NoteForm(forms.Form):
    note = _text(_("说明"), max_length=500, required=False)


class WithdrawForm(forms.Form):
    reason = _text(_("撤回原因"), max_length=500)


def _days(label: Any, what: Any, low: int) -> forms.IntegerField:
    out_of_range = _("%(what)s应在 %(low)d 到 30 个工作日之间。") % {"what": what, "low": low}
    return forms.IntegerField(
        label=label,
        min_value=low,
        max_value=30,
        widget=NUMBER,
        error_messages={
            "required": _("请填写%(what)s。") % {"what": what},
            "invalid": _("请填写整数。"),
            "min_value": out_of_range,
            "max_value": out_of_range,
        },
    )


class SettingsForm(forms.Form):
    reply_days = _days(_("答复期限（工作日）"), _("答复期限"), 1)
    yellow_threshold_days = _days(_("黄灯提前量（工作日）"), _("黄灯提前量"), 0)
    overdue_repeat_days = _days(_("超期后每隔多少个工作日再次提醒"), _("超期提醒间隔"), 1)
