"""Registering and editing an enterprise's construction project."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.catalogue.stages import Stage
from liaison.core.codes import validate_project_code
from liaison.core.errors import DomainError, PermissionDenied
from liaison.directory.roles import Role
from liaison.intake.eligibility import validate_investment
from liaison.intake.models import InvestmentSource, InvestorNature, KeyProjectLevel, Project
from liaison.intake.policies import can_edit_project
from liaison.intake.services.guard import authorize_project

PROJECT_FIELDS = (
    "name",
    "location",
    "content",
    "total_investment",
    "currency",
    "investor_nature",
    "investment_source",
    "key_level",
    "attraction_landed",
    "designated",
    "designation_document",
    "national_code",
    "current_stage",
)
REQUIRED_TEXT = {"name": _("项目名称"), "location": _("建设地点"), "content": _("建设内容及规模")}
MAX_LENGTHS = {"name": 200, "location": 200, "content": 5000, "designation_document": 100}
BOOLEAN_FIELDS = {"attraction_landed": _("区级招商引资落地项目"), "designated": _("区委、区政府指定项目")}


def _clean_amount(value: Any) -> Decimal:
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError) as exc:
        raise DomainError(_("总投资应为数字（单位：元）。"), field="total_investment") from exc
    if not amount.is_finite():
        raise DomainError(_("总投资应为数字（单位：元）。"), field="total_investment")
    return amount


def _clean_text(out: dict[str, Any]) -> None:
    for key in ("name", "location", "content", "designation_document", "national_code"):
        if key in out:
            out[key] = (out[key] or "").strip()
    for key, label in REQUIRED_TEXT.items():
        if key in out and not out[key]:
            raise DomainError(_("请填写%(label)s。") % {"label": label}, field=key)
    for key, limit in MAX_LENGTHS.items():
        if len(out.get(key) or "") > limit:
            raise DomainError(_("内容过长，最多 %(n)d 个字。") % {"n": limit}, field=key)


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in data.items() if k in PROJECT_FIELDS}
    _clean_text(out)
    for key, label in BOOLEAN_FIELDS.items():
        if key in out and not isinstance(out[key], bool):
            raise DomainError(_("%(label)s请选择“是”或“否”。") % {"label": label}, field=key)
    if "total_investment" in out:
        out["total_investment"] = _clean_amount(out["total_investment"])
    choices = {
        "investor_nature": (InvestorNature, _("投资主体性质")),
        "investment_source": (InvestmentSource, _("内外资")),
        "key_level": (KeyProjectLevel, _("重点项目级别")),
        "current_stage": (Stage, _("当前所处阶段")),
    }
    for key, (enum, label) in choices.items():
        if key in out and out[key] not in enum.values:
            raise DomainError(_("%(label)s取值无效。") % {"label": label}, field=key)
    if out.get("national_code"):
        try:
            out["national_code"] = validate_project_code(out["national_code"])
        except ValidationError as exc:
            raise DomainError(exc.messages[0], field="national_code") from exc
    return out


def _validate_whole(project: Project) -> None:
    validate_investment(project.total_investment, project.currency)
    if project.designated and not project.designation_document:
        raise DomainError(_("区委、区政府指定的项目请填写指定文件文号。"), field="designation_document")
    if not project.designated:
        project.designation_document = ""


def project_create(*, actor: Any, enterprise: Any = None, **data: Any) -> Project:
    """An applicant registers a project of its own enterprise (the centre may register for any enterprise)."""
    if actor.has_role(Role.CENTER_ADMIN):
        if enterprise is None:
            raise DomainError(_("请选择项目单位。"), field="enterprise")
        owner = enterprise
    elif actor.has_role(Role.APPLICANT) and actor.enterprise_id:
        if enterprise is not None and enterprise.pk != actor.enterprise_id:
            raise PermissionDenied(_("只能为本单位登记项目。"), field="enterprise")
        owner = actor.enterprise
    else:
        raise PermissionDenied(_("只有项目单位或中心工作人员可以登记项目。"))
    fields = _clean(data)
    required = {
        "total_investment": _("总投资"),
        "investor_nature": _("投资主体性质"),
        "investment_source": _("内外资"),
        "current_stage": _("当前所处阶段"),
    }
    missing = [f for f in required if fields.get(f) in (None, "")]
    if missing:
        raise DomainError(_("请填写%(label)s。") % {"label": required[missing[0]]}, field=missing[0])
    for key, label in REQUIRED_TEXT.items():
        if not fields.get(key):
            raise DomainError(_("请填写%(label)s。") % {"label": label}, field=key)
    project = Project(enterprise=owner, created_by=actor, **fields)
    _validate_whole(project)
    with transaction.atomic():
        project.save()
        audit_record(
            actor=actor,
            action="project.create",
            obj=project,
            after=snapshot(project, PROJECT_FIELDS),
            summary=_("登记项目 %(name)s") % {"name": project.name},
        )
    return project


def project_update(*, actor: Any, project: Project, **data: Any) -> Project:
    """Edit the project's facts while the policy allows it."""
    fields = _clean(data)
    with transaction.atomic():
        locked = Project.objects.select_for_update().get(pk=project.pk)
        authorize_project(
            actor,
            locked,
            allowed=can_edit_project(actor, locked),
            message=_("申请已提交或已受理，项目信息不能再修改；如需变更请联系中心。"),
        )
        before = snapshot(locked, PROJECT_FIELDS)
        for key, value in fields.items():
            setattr(locked, key, value)
        _validate_whole(locked)
        locked.save()
        audit_record(
            actor=actor,
            action="project.update",
            obj=locked,
            before=before,
            after=snapshot(locked, PROJECT_FIELDS),
            summary=_("修改项目信息"),
        )
    return locked
