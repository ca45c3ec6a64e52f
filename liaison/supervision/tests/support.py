"""Opening inspections of the test project's subjects through the real services."""

from __future__ import annotations

from typing import Any

from liaison.supervision.models import Inspection, SubjectType
from liaison.supervision.services.inspections import inspection_open, inspection_require_rectification


def open_inspection(
    case: Any, subject_type: str = SubjectType.OFFICER, *, require: bool = False
) -> Inspection:
    w = case.world
    subject_id = {
        SubjectType.OFFICER: w.officer.pk,
        SubjectType.PROJECT: case.project.pk,
        SubjectType.GUIDE: w.guide.pk,
        SubjectType.DEPARTMENT: w.department_admin.department_id,
    }[subject_type]
    inspection = inspection_open(
        actor=w.supervisor,
        subject_type=subject_type,
        subject_id=subject_id,
        title="服务纪律抽查",
        findings="发现材料一次性告知不到位（检查内容）",
    )
    if require:
        inspection_require_rectification(
            actor=w.supervisor, inspection_id=inspection.pk, asked="落实一次性告知制度", rectify_days=5
        )
        inspection.refresh_from_db()
    return inspection
