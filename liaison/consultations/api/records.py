"""/api/v1/consultations: the guides' and departments' records, the centre's overview, the centre's settings.

Who reads which record is decided once, by `policies.records_scope` (the page uses it too). The overview
and the settings are the centre's and the oversight roles'.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router

from liaison.consultations.api.inputs import SettingsIn
from liaison.consultations.api.present import record_out
from liaison.consultations.api.schemas import ConsultationOverviewOut, ConsultationRecordOut, SettingsOut
from liaison.consultations.policies import records_scope
from liaison.consultations.selectors.records import (
    open_overview,
    scoped_department_records,
    scoped_guide_records,
)
from liaison.consultations.services.settings import consultation_settings_save
from liaison.consultations.settings_row import consultation_settings
from liaison.core.bounds import Id
from liaison.core.errors import PermissionDenied

router = Router(tags=["consultations"])
SETTINGS_FIELDS = ("reply_days", "yellow_threshold_days", "overdue_repeat_days")


def _reads_all(user: Any) -> bool:
    scope = records_scope(user)
    return bool(scope and scope.whole_district)


@router.get(
    "/records/guides",
    response=list[ConsultationRecordOut],
    summary="Each guide's replies on time, average reply time, supplementary notifications",
)
def guides(request: HttpRequest, department: Id | None = None) -> Any:
    scope = records_scope(request.user)
    if scope is None:
        raise PermissionDenied(_("只有中心、监督人员、项目办、部门管理员和指导员本人可以查看答复记录。"))
    return [record_out(r) for r in scoped_guide_records(scope, department_id=department)]


@router.get(
    "/records/departments",
    response=list[ConsultationRecordOut],
    summary="Each department's replies on time, average reply time, supplementary notifications",
)
def departments(request: HttpRequest) -> Any:
    scope = records_scope(request.user)
    if scope is None or not scope.reads_departments:
        raise PermissionDenied(_("只有中心、监督人员、项目办和部门管理员可以查看部门答复记录。"))
    return [record_out(r) for r in scoped_department_records(scope)]


@router.get(
    "/overview",
    response=ConsultationOverviewOut,
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
