"""Reads of invitations and evaluations for pages and the API, each filtered by who may read them. The
evaluator's identity is only given to the centre and the supervisors, and each time it is shown it is
noted in the personal-data log."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from liaison.core.errors import NotFound
from liaison.core.personal_data import note_unmasked
from liaison.directory.roles import Role
from liaison.evaluation.models import (
    BAD_LEVELS,
    Appeal,
    AppealState,
    BadReviewReason,
    Evaluation,
    EvaluationComment,
    FollowUp,
    Invitation,
    Level,
)
from liaison.evaluation.policies import can_appeal, can_evaluate, sees_evaluator, visible_evaluations_filter
from liaison.evaluation.services.evaluations import can_still_change


def invitation_list(user: Any) -> QuerySet[Invitation]:
    """The enterprise's invitations, newest first, with whether this user has evaluated each."""
    if not user.has_role(Role.APPLICANT) or not user.enterprise_id:
        return Invitation.objects.none()
    mine = Evaluation.objects.filter(invitation=OuterRef("pk"), evaluator=user)
    return (
        Invitation.objects.filter(project__enterprise_id=user.enterprise_id)
        .select_related("project", "officer__user", "department")
        .annotate(evaluated_by_me=Exists(mine))
        .order_by("evaluated_at", "-opened_on", "-id")
    )


@dataclass
class InvitationPanel:
    invitation: Invitation
    mine: Evaluation | None
    can_change: bool
    reasons: list[BadReviewReason]


def access_invitation(user: Any, pk: int) -> InvitationPanel:
    invitation = (
        Invitation.objects.select_related("project", "officer__user", "department", "guide")
        .filter(pk=pk)
        .first()
    )
    if invitation is None or not can_evaluate(user, invitation):
        raise NotFound(_("评价事项不存在或您无权查看。"))
    mine = (
        Evaluation.objects.filter(invitation=invitation, evaluator=user)
        .prefetch_related("reasons", "comments")
        .first()
    )
    return InvitationPanel(
        invitation=invitation,
        mine=mine,
        can_change=bool(mine and can_still_change(mine)),
        reasons=list(BadReviewReason.objects.filter(is_active=True)),
    )


def _visible(user: Any) -> QuerySet[Evaluation]:
    scope = visible_evaluations_filter(user)
    qs = Evaluation.objects.all()
    return qs if scope is None else qs.filter(scope)


def review_list(user: Any, *, level: str = "", appeal: str = "", q: str = "") -> QuerySet[Evaluation]:
    qs = _visible(user).select_related(
        "invitation__project",
        "invitation__officer__user",
        "invitation__department",
        "invitation__guide",
        "evaluator",
    )
    if level == "bad":
        qs = qs.filter(level__in=sorted(BAD_LEVELS))
    elif level in {str(v) for v in Level.values}:
        qs = qs.filter(level=int(level))
    if appeal in AppealState.values:
        qs = qs.filter(appeal__state=appeal)
    if q:
        qs = qs.filter(Q(invitation__title__icontains=q) | Q(text__icontains=q))
    return qs.prefetch_related("reasons").order_by("-created_at", "-id")


def evaluator_shown(user: Any, evaluation: Evaluation) -> str:
    """The evaluator's name for the centre and supervisors (noted in the personal-data log); "" otherwise."""
    if not sees_evaluator(user):
        return ""
    note_unmasked("evaluator", f"evaluation:{evaluation.pk}")
    person = evaluation.evaluator
    return person.full_name or person.username


@dataclass
class ReviewPanel:
    evaluation: Evaluation
    evaluator: str
    comments: list[EvaluationComment]
    follow_up: FollowUp | None
    appeal: Appeal | None
    can_appeal: bool
    can_decide_appeal: bool


def access_review(user: Any, pk: int) -> ReviewPanel:
    evaluation = (
        _visible(user)
        .select_related(
            "invitation__project",
            "invitation__officer__user",
            "invitation__department",
            "invitation__guide",
            "evaluator",
        )
        .prefetch_related("reasons", Prefetch("comments"))
        .filter(pk=pk)
        .first()
    )
    if evaluation is None:
        raise NotFound(_("评价不存在或您无权查看。"))
    appeal = Appeal.objects.filter(evaluation=evaluation).select_related("decided_by").first()
    return ReviewPanel(
        evaluation=evaluation,
        evaluator=evaluator_shown(user, evaluation),
        comments=list(evaluation.comments.all()),
        follow_up=FollowUp.objects.filter(evaluation=evaluation).first(),
        appeal=appeal,
        can_appeal=can_appeal(user, evaluation),
        can_decide_appeal=bool(
            appeal and appeal.state == AppealState.PENDING and user.has_role(Role.CENTER_LEADER)
        ),
    )
