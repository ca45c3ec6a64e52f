"""Who may see and act on plans, project items, materials and obligations (object-level rules).

An officer acts on the projects actively assigned to them; a guide on the project items of the
approval item they are CURRENTLY the guide of (one item, one guide, Art. 5); the enterprise on its
own projects; the centre coordinates; oversight roles read everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import rules

from liaison.core.request_memo import memoized
from liaison.core.workflow import Transition
from liaison.directory.roles import Role
from liaison.intake.models import Project
from liaison.intake.people import guide_item_ids, officer_assignments
from liaison.intake.policies import READ_ALL_ROLES
from liaison.tracking.models import EnterpriseObligation, MaterialSubmission, PlanDateProposal, ProjectItem
from liaison.tracking.workflows import PROJECT_ITEM_WORKFLOW


def _authed(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


@dataclass(frozen=True)
class ActorScope:
    """What a user is responsible for, loaded once (two queries) and reused for every row of a page."""

    roles: frozenset[str]
    officer_projects: frozenset[int]
    guide_items: frozenset[int]
    enterprise_id: int | None


def actor_scope(user: Any) -> ActorScope:
    """The user's scope, loaded once per GET request (the page's selectors and policies all ask)."""
    if not _authed(user):
        return ActorScope(frozenset(), frozenset(), frozenset(), None)
    return memoized(("actor_scope", user.pk, frozenset(user.role_set)), lambda: _actor_scope(user))


def _actor_scope(user: Any) -> ActorScope:
    roles = frozenset(user.role_set)
    projects: frozenset[int] = frozenset()
    items: frozenset[int] = frozenset()
    if Role.OFFICER in roles:
        projects = frozenset(officer_assignments(user).values_list("project_id", flat=True))
    if Role.GUIDE in roles:
        items = frozenset(guide_item_ids(user).values_list("item_id", flat=True))
    enterprise = user.enterprise_id if Role.APPLICANT in roles else None
    return ActorScope(roles, projects, items, enterprise)


def project_roles(user: Any, project: Project, scope: ActorScope | None = None) -> frozenset[str]:
    """The roles `user` holds for this project (a guide's role depends on the item: see item_roles)."""
    scope = scope or actor_scope(user)
    held = {r for r in scope.roles if r in READ_ALL_ROLES}
    if Role.OFFICER in scope.roles and project.pk in scope.officer_projects:
        held.add(Role.OFFICER)
    if scope.enterprise_id and scope.enterprise_id == project.enterprise_id:
        held.add(Role.APPLICANT)
    return frozenset(held)


def item_roles(user: Any, item: ProjectItem, scope: ActorScope | None = None) -> frozenset[str]:
    """The roles `user` holds for this project item: the project's, plus guide if they guide its item now."""
    scope = scope or actor_scope(user)
    held = set(project_roles(user, item.project, scope))
    if Role.GUIDE in scope.roles and item.approval_item_id in scope.guide_items:
        held.add(Role.GUIDE)
    return frozenset(held)


def allowed_transitions(user: Any, item: ProjectItem, scope: ActorScope | None = None) -> list[Transition]:
    """The transitions `user` may take on `item` now (for the page's buttons)."""
    return PROJECT_ITEM_WORKFLOW.available(item.state, item_roles(user, item, scope))


def is_plan_guide(user: Any, project: Project) -> bool:
    """A current guide of one of the items in the project's plan (they see the part for their item)."""
    if not (_authed(user) and user.has_role(Role.GUIDE)):
        return False
    mine = guide_item_ids(user)
    return ProjectItem.objects.filter(project=project, approval_item_id__in=mine).exists()


@rules.predicate
def can_view_project_item(user: Any, item: ProjectItem) -> bool:
    return bool(item_roles(user, item))


@rules.predicate
def can_view_plan(user: Any, project: Project) -> bool:
    return bool(project_roles(user, project)) or is_plan_guide(user, project)


@rules.predicate
def can_edit_plan(user: Any, project: Project) -> bool:
    """The officer assigned to the project drafts, reschedules and confirms its plan; the centre may too."""
    return bool(project_roles(user, project) & {Role.OFFICER, Role.CENTER_ADMIN})


@rules.predicate
def can_propose_plan_dates(user: Any, item: ProjectItem) -> bool:
    return Role.GUIDE in item_roles(user, item)


@rules.predicate
def can_decide_date_proposal(user: Any, proposal: PlanDateProposal) -> bool:
    return can_edit_plan(user, proposal.project_item.project)


@rules.predicate
def can_upload_material(user: Any, submission: MaterialSubmission) -> bool:
    """The enterprise uploads and the officer organises, while the item is open."""
    item = submission.project_item
    return item.is_open and bool(item_roles(user, item) & {Role.APPLICANT, Role.OFFICER})


@rules.predicate
def can_review_material(user: Any, submission: MaterialSubmission) -> bool:
    """The item's current guide accepts a material or asks for a revision, while the item is open."""
    item = submission.project_item
    return item.is_open and Role.GUIDE in item_roles(user, item)


def can_create_obligation(
    user: Any, project: Project, item: ProjectItem | None = None, *, scope: ActorScope | None = None
) -> bool:
    """The officer or the centre for the project; a guide for their own item."""
    if project_roles(user, project, scope) & {Role.OFFICER, Role.CENTER_ADMIN}:
        return True
    return item is not None and Role.GUIDE in item_roles(user, item, scope)


OBLIGATION_COMPLETERS = frozenset({Role.APPLICANT, Role.OFFICER, Role.CENTER_ADMIN})


@rules.predicate
def can_complete_obligation(
    user: Any, obligation: EnterpriseObligation, *, scope: ActorScope | None = None
) -> bool:
    """The enterprise, the project's officer or the centre tick an open to-do off."""
    roles = project_roles(user, obligation.project, scope)
    return not obligation.done and bool(roles & OBLIGATION_COMPLETERS)


@rules.predicate
def can_urge_project_item(user: Any, item: ProjectItem) -> bool:
    """催办 is the centre's: it reminds the officer and the guide by hand."""
    return item.is_open and _authed(user) and user.has_role(Role.CENTER_ADMIN)


@rules.predicate
def can_manage_tracking_settings(user: Any, obj: Any = None) -> bool:
    return _authed(user) and user.has_role(Role.CENTER_ADMIN)


rules.add_perm("tracking.view_projectitem", can_view_project_item)


@rules.predicate
def can_record_item_result(user: Any, item: ProjectItem) -> bool:
    """The item's guide or the project's officer, once the item is approved (批准文件、许可证)."""
    return item.state == "approved" and bool(item_roles(user, item) & {Role.GUIDE, Role.OFFICER})
