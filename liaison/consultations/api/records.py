"""/api/v1/consultations: the guides' and departments' records, the centre's overview, the centre's settings.

Who reads a record: the centre and oversight roles every one; a department admin their department's;
a guide their own line. The overview and the settings are the centre's.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router

from liaison.consultations.api.inputs import SettingsIn
from liaison.consultations.api.present import record_out
from liaison.consultations.api.schemas import OverviewOut, RecordOut, SettingsOut
from liaison.consultations.selectors.records import department_records, guide_records, open_overview
from liaison.consultations.services.settings import consultation_settings_save
from liaison.consultations.settings_row import consultation_settings
from liaison.core.errors import PermissionDenied
from liaison.directory.roles import Role
from liaison.intake.policies import READ_ALL_ROLES

router = Router(tags=["consultations"])
SETTINGS_FIELDS = ("reply_days", "yellow_threshold_days", "overdue_repeat_days")


def _reads_all(user: Any) -> bool:
    return bool(user.has_role(*READ_ALL_ROLES))


def _own_department(user: Any) -> int | None:
    return user.department_id if user.has_role(Role.DEPARTMENT_ADMIN) and user.department_id else None


@router.get(
    "/records/guides",
    response=list[RecordOut],
    summary="Each guide's replies on time, average reply time, supplementary notifications",
)
def guides(request: HttpRequest, department: int | None = None) -> Any:
    user: Any = request.user
    if _reads_all(user):
        rows = guide_records(department_id=department)
    elif _own_department(user):
        rows = guide_records(department_id=_own_department(user))
    elif user.has_role(Role.GUIDE):
        rows = [r for r in guide_records(department_id=user.department_id) if r.key == user.pk]
    else:
        raise PermissionDenied(_("只有中心、监督人员、部门管理员和指导员本人可以查看答复记录。"))
    return [record_out(r) for r in rows]


@router.get(
    "/records/departments",
    response=list[RecordOut],
    summary="Each department's replies on time, average reply time, supplementary notifications",
)
def departments(request: HttpRequest) -> Any:
    user: Any = request.user
    own = _own_department(user)
    if _reads_all(user):
        rows = department_records()
    elif own:
        rows = [r for r in department_records() if r.key == own]
    else:
        raise PermissionDenied(_("只有中心、监督人员和部门管理员可以查看部门答复记录。"))
    return [record_out(r) for r in rows]


@router.get(
    "/overview",
    response=OverviewOut,
    summary="The centre's overview: open consultations by department and light",
)
def overview(request: HttpRequest) -> Any:
    if not _reads_all(request.user):
        raise PermissionDenied(_("只有政务服务中心和监督人员可以查看咨询总览。"))
    data = open_overview()
    return {
        "today": data.today,
        "by_department": [{"department": name, "lights": lights} for name, lights in data.by_department],
        "totals": data.totals,
    }


@router.get("/settings", response=SettingsOut, summary="The reply period and reminder thresholds")
def get_settings(request: HttpRequest) -> Any:
    if not _reads_all(request.user):
        raise PermissionDenied(_("只有政务服务中心和监督人员可以查看咨询设置。"))
    row = consultation_settings()
    return {name: getattr(row, name) for name in SETTINGS_FIELDS}


@router.put("/settings", response=SettingsOut, summary="Change the reply period and thresholds (the centre)")
def put_settings(request: HttpRequest, payload: SettingsIn) -> Any:
    row = consultation_settings_save(actor=request.user, **payload.dict())
    return {name: getattr(row, name) for name in SETTINGS_FIELDS}
