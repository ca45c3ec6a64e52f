"""Helpers shared by the intake pages: access as 404, service refusals as messages, allowed actions."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from liaison.core.errors import Conflict, DomainError, NotFound
from liaison.core.masking import phone_as
from liaison.directory.models import User
from liaison.directory.roles import Role
from liaison.intake.models import EnterpriseContact, Entrustment, EntrustmentStatus, Project
from liaison.intake.policies import (
    can_act_as_applicant,
    can_dispatch,
    can_edit_project,
    can_review_entrustment,
    is_enterprise_member,
    sees_enterprise_contacts_in_full,
)
from liaison.intake.selectors.entrustments import access_entrustment
from liaison.intake.selectors.projects import access_project
from liaison.intake.workflows import ENTRUSTMENT_WORKFLOW

EDITABLE = (EntrustmentStatus.DRAFT, EntrustmentStatus.RETURNED)
CLOSED = (EntrustmentStatus.REJECTED, EntrustmentStatus.WITHDRAWN)
CLAUSE_TITLES = {
    1: _("第八条（一）投资额标准：外资500万美元以上、社会投资内资2000万元以上"),
    2: _("第八条（二）区级及以上重点社会投资建设项目"),
    3: _("第八条（三）区级招商引资落地项目"),
    4: _("第八条（四）区委、区政府指定的其他项目"),
}
STATUS_BADGES = {
    EntrustmentStatus.DRAFT: "text-bg-secondary",
    EntrustmentStatus.SUBMITTED: "text-bg-primary",
    EntrustmentStatus.RETURNED: "text-bg-warning",
    EntrustmentStatus.ACCEPTED: "text-bg-success",
    EntrustmentStatus.REJECTED: "text-bg-danger",
    EntrustmentStatus.WITHDRAWN: "text-bg-light border",
    EntrustmentStatus.CONCLUDED: "text-bg-dark",
}


def actor_of(request: HttpRequest) -> User:
    """The signed-in user (every view using this is behind login_required)."""
    return cast(User, request.user)


def posted(request: HttpRequest) -> Any:
    """The submitted data on POST (even when empty, so required fields are checked), else None."""
    return request.POST if request.method == "POST" else None


def project_or_404(request: HttpRequest, pk: int) -> Project:
    try:
        return access_project(actor_of(request), pk)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc


def entrustment_or_404(request: HttpRequest, pk: int) -> Entrustment:
    try:
        return access_entrustment(actor_of(request), pk)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc


def require_role(request: HttpRequest, *roles: str) -> User:
    """Pages of one role group: to everybody else they do not exist."""
    user = actor_of(request)
    if not user.has_role(*roles):
        raise Http404(_("页面不存在。"))
    return user


def form_error(form: forms.Form, exc: DomainError, field_map: dict[str, str] | None = None) -> None:
    """Show a service's refusal on the field it names when the form has it, else on top of the form."""
    if isinstance(exc, NotFound):
        raise Http404(str(exc.message)) from exc
    field = (field_map or {}).get(exc.field or "", exc.field)
    form.add_error(field if field in form.fields else None, str(exc.message))


def flash_error(request: HttpRequest, exc: DomainError) -> None:
    """A refused action as a message: a lost race is a warning (someone else was first), the rest errors."""
    if isinstance(exc, NotFound):
        raise Http404(str(exc.message)) from exc
    if isinstance(exc, Conflict):
        messages.warning(request, str(exc.message))
    else:
        messages.error(request, str(exc.message))


def flash_form_errors(request: HttpRequest, form: forms.Form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, str(error))


def entrustment_actions(user: User, entrustment: Entrustment) -> dict[str, bool]:
    """What the user may do with the request now: the workflow (state and role) and the object policy."""
    names = {t.name for t in ENTRUSTMENT_WORKFLOW.available(entrustment.status, user.role_set)}
    applicant = bool(can_act_as_applicant(user, entrustment))
    reviewer = bool(can_review_entrustment(user, entrustment))
    return {
        "submit": applicant and "submit" in names,
        "withdraw": applicant and "withdraw" in names,
        "edit": applicant and entrustment.status in EDITABLE,
        "upload": applicant and entrustment.status in EDITABLE,
        "return": reviewer and "return" in names,
        "accept": reviewer and "accept" in names,
        "reject": reviewer and "reject" in names,
    }


def may_take(user: User, entrustment: Entrustment, name: str) -> bool:
    """Whether the user's roles and relation to the request allow `name` at all (the state is the service's)."""
    transition = ENTRUSTMENT_WORKFLOW.transition(name)
    if not user.role_set & transition.roles:
        return False
    if Role.APPLICANT in transition.roles:
        return bool(can_act_as_applicant(user, entrustment))
    return bool(can_review_entrustment(user, entrustment))


def project_actions(
    user: User, project: Project, entrustments: list[Entrustment], active_assignments: list[Any]
) -> dict[str, bool]:
    accepted = any(e.status == EntrustmentStatus.ACCEPTED for e in entrustments)
    live = any(e.status not in CLOSED for e in entrustments)
    full = sees_enterprise_contacts_in_full(user, project)
    dispatcher = bool(can_dispatch(user, project))
    return {
        "edit": bool(can_edit_project(user, project)),
        "request": is_enterprise_member(user, project) and not live,
        "dispatch": dispatcher and accepted and not active_assignments,
        "reassign": dispatcher and accepted and bool(active_assignments),
        "order": full and bool(active_assignments),
        "agreement": full and accepted,
    }


def phone(value: str, full: bool) -> str:
    return phone_as(value, full=full)


def contact_rows(contacts: list[EnterpriseContact], *, full: bool) -> list[dict[str, Any]]:
    """Lead and handler, current first then history, with phones masked unless `full`."""
    return [
        {"contact": c, "mobile": phone(c.mobile, full), "email": c.email if full else ""} for c in contacts
    ]


def clause_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The recorded (or previewed) Art. 8 findings with each clause's title."""
    return [
        {**finding, "title": CLAUSE_TITLES.get(finding.get("clause", 0), "")}
        for finding in result.get("clauses", [])
    ]


# Who reaches projects through which list (the sidebar: 项目登记 for the centre, oversight and the enterprise;
# 我的项目 for an officer).
PROJECT_REGISTER_ROLES = (
    Role.CENTER_ADMIN,
    Role.CENTER_LEADER,
    Role.SUPERVISOR,
    Role.PROJECT_OFFICE,
    Role.APPLICANT,
)


def project_list_crumb(user: User) -> dict[str, Any]:
    """The breadcrumb back to the project list the user's own menu has."""
    if user.has_role(Role.OFFICER) and not user.has_role(*PROJECT_REGISTER_ROLES):
        return {"url": reverse("intake:my_projects"), "label": _("我的项目")}
    return {"url": reverse("intake:project_list"), "label": _("项目登记")}
