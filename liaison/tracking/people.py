"""The people around a project item, by group ("officer", "guide", "enterprise"): who hears of its steps.
Who holds which responsibility is answered by liaison.intake.people."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from liaison.directory.models import User
from liaison.intake.people import (
    approval_item_guide,
    approval_item_guides,
    department_admins,
    enterprise_users,
    enterprises_users,
    project_officers,
    projects_officers,
    users_with_roles,
)
from liaison.tracking.models import ProjectItem


def current_guide(item: ProjectItem) -> User | None:
    """The guide of the project item's approval item now."""
    return approval_item_guide(item.approval_item_id)


def audience(item: ProjectItem, groups: Iterable[str], *, exclude: Any = None) -> list[User]:
    """The users of `groups` ("officer", "guide", "enterprise") for this item, the actor left out."""
    wanted = set(groups)
    people: list[User] = []
    if "officer" in wanted:
        people += project_officers(item.project)
    if "guide" in wanted:
        guide = current_guide(item)
        people += [guide] if guide else []
    if "enterprise" in wanted:
        people += enterprise_users(item.project)
    skip = getattr(exclude, "pk", None)
    return [p for p in people if p.pk != skip and p.is_active]


class Audiences:
    """`audience` for many items (and the people of many projects) with the people loaded in bulk: `load`
    a batch first (three queries), then ask per row without a query. Reminder jobs pass `load` as the
    engine's `prepare`. A department's administrators and the holders of centre roles are asked once per
    `Audiences`, i.e. once per job run."""

    def __init__(self) -> None:
        self.officers: dict[int, list[User]] = {}
        self.guides: dict[int, User] = {}
        self.applicants: dict[int, list[User]] = {}
        self._departments: dict[int, list[User]] = {}
        self._roles: dict[tuple[str, ...], list[User]] = {}

    def load(self, rows: Iterable[Any]) -> None:
        """Load the officers, the enterprise's accounts and (for items) the guides of `rows` (project items
        or other rows with a `project`; rows without one are passed over)."""
        projects = [project for row in rows if (project := getattr(row, "project", None)) is not None]
        self.officers = projects_officers(p.pk for p in projects)
        self.applicants = enterprises_users(p.enterprise_id for p in projects)
        item_ids = [row.approval_item_id for row in rows if hasattr(row, "approval_item_id")]
        self.guides = approval_item_guides(item_ids) if item_ids else {}

    def department_admins(self, department_id: int) -> list[User]:
        if department_id not in self._departments:
            self._departments[department_id] = department_admins(department_id)
        return self._departments[department_id]

    def role_holders(self, *roles: str) -> list[User]:
        key = tuple(sorted(roles))
        if key not in self._roles:
            self._roles[key] = users_with_roles(*roles)
        return self._roles[key]

    def project_people(self, project: Any, groups: Iterable[str]) -> list[User]:
        wanted = set(groups)
        people: list[User] = []
        if "officer" in wanted:
            people += self.officers.get(project.pk, [])
        if "enterprise" in wanted:
            people += self.applicants.get(project.enterprise_id, [])
        return [p for p in people if p.is_active]

    def of(self, item: ProjectItem, groups: Iterable[str]) -> list[User]:
        """`audience(item, groups)` from what was loaded."""
        wanted = set(groups)
        people = self.project_people(item.project, wanted - {"guide"})
        guide = self.guides.get(item.approval_item_id) if "guide" in wanted else None
        if guide is not None and guide.is_active:
            people.append(guide)
        return people
