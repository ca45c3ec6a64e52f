"""The read-only lists behind desk figures that no other app lists: the bad reviews of a window (the rows
evaluation's `satisfaction_figures("all", since=, until=)` counts as bad_reviews), and one subject's
drill-down (an officer, a guide, a department) with its counts and where to read its record and trail."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from liaison.consultations.lights import reply_light_conditions, reply_light_context
from liaison.consultations.models import Consultation
from liaison.core.errors import NotFound
from liaison.core.listing import keyword_filter
from liaison.core.personal_data import note_unmasked
from liaison.deadlines.lights import Light
from liaison.directory.models import Department, User
from liaison.directory.roles import Role
from liaison.evaluation.figures import FigureRow, satisfaction_figures
from liaison.evaluation.models import BAD_LEVELS, Evaluation
from liaison.officers.models import Officer
from liaison.supervision.models import Inspection, SubjectType
from liaison.tracking.lights import light_conditions, light_context
from liaison.tracking.models import ProjectItem

BAD_REVIEW_SEARCH = ("invitation__title", "invitation__project__name", "text")


def bad_review_list(*, start: dt.date | None, end: dt.date | None, q: str = "") -> QuerySet[Evaluation]:
    """Counted bad reviews of invitations opened in the window (evaluation's figure's own condition)."""
    qs = Evaluation.objects.filter(excluded=False, level__in=sorted(BAD_LEVELS))
    if start:
        qs = qs.filter(invitation__opened_on__gte=start)
    if end:
        qs = qs.filter(invitation__opened_on__lte=end)
    qs = keyword_filter(qs, q, BAD_REVIEW_SEARCH)
    return qs.select_related(
        "invitation__project",
        "invitation__officer__user",
        "invitation__guide",
        "invitation__department",
        "follow_up",
    ).order_by("-created_at", "-id")


SUBJECT_KINDS = ("officer", "guide", "department")


@dataclass
class SubjectPanel:
    kind: str
    pk: int
    name: str
    detail: str
    record_url: str
    audit_type: str
    audit_id: str
    overdue_items: int | None = None
    overdue_replies: int | None = None
    reviews: FigureRow | None = None
    inspections: list[Inspection] = field(default_factory=list)


def subject_panel(kind: str, pk: int, *, start: dt.date | None, end: dt.date | None) -> SubjectPanel:
    """One officer, guide or department as the desk drills down to it (a read noted in the personal-data
    log, as evaluation notes each view of an evaluator)."""
    items_red = light_conditions(light_context())[Light.RED]
    replies_red = reply_light_conditions(reply_light_context())[Light.RED]
    inspections = Inspection.objects.select_related("project", "officer__user", "guide", "department")
    if kind == "officer":
        officer = Officer.objects.select_related("user").filter(pk=pk).first()
        if officer is None:
            raise NotFound(_("联络官不存在。"))
        panel = SubjectPanel(
            kind,
            pk,
            officer.user.display_name,
            f"{officer.number} · {officer.unit}",
            f"/officers/{pk}/",
            "officers.officer",
            str(pk),
        )
        panel.overdue_items = (
            ProjectItem.objects.filter(
                items_red, project__assignments__officer=officer, project__assignments__is_active=True
            )
            .distinct()
            .count()
        )
        panel.inspections = list(inspections.filter(subject_type=SubjectType.OFFICER, officer=officer))
    elif kind == "guide":
        guide = User.objects.select_related("department").filter(pk=pk, memberships__role=Role.GUIDE).first()
        if guide is None:
            raise NotFound(_("指导员不存在。"))
        dept = guide.department.name if guide.department else ""
        panel = SubjectPanel(
            kind, pk, guide.display_name, f"{dept} · {guide.post}", "", "directory.user", str(pk)
        )
        panel.overdue_replies = Consultation.objects.filter(replies_red, guide=guide).count()
        panel.inspections = list(inspections.filter(subject_type=SubjectType.GUIDE, guide=guide))
    elif kind == "department":
        department = Department.objects.filter(pk=pk).first()
        if department is None:
            raise NotFound(_("部门不存在。"))
        panel = SubjectPanel(kind, pk, department.name, department.code, "", "directory.department", str(pk))
        panel.overdue_items = ProjectItem.objects.filter(
            items_red, approval_item__department=department
        ).count()
        panel.overdue_replies = Consultation.objects.filter(
            replies_red, approval_item__department=department
        ).count()
        panel.inspections = list(
            inspections.filter(subject_type=SubjectType.DEPARTMENT, department=department)
        )
    else:
        raise NotFound(_("检查对象不存在。"))
    rows = satisfaction_figures(kind, since=start, until=end, key=pk)
    panel.reviews = rows[0] if rows else FigureRow(key=pk)
    note_unmasked("person", f"supervision:{kind}:{pk}")
    return panel
