"""Who is assessed: every active officer, every guide in office and their departments, plus anyone the
period's record names; with the label printed and the account and department that may read the result."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from liaison.assessment.models import SubjectKind
from liaison.catalogue.models import GuideAssignment
from liaison.directory.models import Department, User
from liaison.officers.models import Officer, OfficerStatus


@dataclass(frozen=True)
class Subject:
    kind: str
    id: int
    label: str
    user_id: int | None
    department_id: int | None


def subjects_of(kind: str, ids: Iterable[int]) -> list[Subject]:
    """The subjects of `kind`: the standing population and the ids given, ordered by label."""
    named = set(ids)
    if kind == SubjectKind.OFFICER:
        officers = Officer.objects.filter(pk__in=named) | Officer.objects.filter(status=OfficerStatus.ACTIVE)
        out = [
            Subject(kind, o.pk, f"{o.user.display_name}（{o.number}）", o.user_id, None)
            for o in officers.select_related("user").distinct()
        ]
    elif kind == SubjectKind.GUIDE:
        in_office = GuideAssignment.objects.filter(is_active=True).values("guide_id")
        users = User.objects.filter(pk__in=named) | User.objects.filter(pk__in=in_office)
        out = [Subject(kind, u.pk, u.display_name, u.pk, u.department_id) for u in users.distinct()]
    else:
        with_guides = GuideAssignment.objects.filter(is_active=True).values("item__department_id")
        departments = Department.objects.filter(pk__in=named) | Department.objects.filter(pk__in=with_guides)
        out = [Subject(kind, d.pk, d.name, None, d.pk) for d in departments.distinct()]
    return sorted(out, key=lambda s: (s.label, s.id))
