"""The people around a project item: its officers, its current guide, the enterprise's accounts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from liaison.catalogue.models import GuideAssignment
from liaison.directory.models import User
from liaison.intake.models import Project
from liaison.intake.services.entrustment_steps import enterprise_users
from liaison.tracking.models import ProjectItem


def project_officers(project: Project) -> list[User]:
    """The officers actively assigned to the project (lead first)."""
    return list(
        User.objects.filter(
            officer__assignments__project=project, officer__assignments__is_active=True
        ).order_by("-officer__assignments__role", "pk")
    )


def approval_item_guide(approval_item_id: int) -> User | None:
    """The guide of a catalogue item now (Art. 5: one item, one guide)."""
    row = (
        GuideAssignment.objects.filter(item_id=approval_item_id, is_active=True)
        .select_related("guide")
        .first()
    )
    return row.guide if row else None


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
