"""The people around a project item, by group ("officer", "guide", "enterprise"): who hears of its steps.
Who holds which responsibility is answered by liaison.intake.people."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from liaison.directory.models import User
from liaison.intake.people import approval_item_guide, enterprise_users, project_officers
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
