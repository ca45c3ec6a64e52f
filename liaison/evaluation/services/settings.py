"""The centre's evaluation settings: periods, the list of bad-review reasons and the survey's questions."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError, NotFound
from liaison.directory.roles import Role
from liaison.evaluation.models import BadReviewReason, EvaluationSettings, QuestionTarget, SurveyQuestion
from liaison.evaluation.settings_row import evaluation_settings
from liaison.tracking.services.common import clean_text

PERIOD_FIELDS = (
    "invitation_days",
    "verify_days",
    "rectify_days",
    "return_days",
    "visit_interval_months",
    "visit_days",
)


def _centre(actor: Any) -> None:
    if not actor.has_role(Role.CENTER_ADMIN):
        raise NotFound(_("页面不存在或您无权访问。"))


def evaluation_settings_update(*, actor: Any, values: dict[str, Any]) -> EvaluationSettings:
    _centre(actor)
    with transaction.atomic():
        row = EvaluationSettings.objects.select_for_update().get(pk=evaluation_settings().pk)
        before = {f: getattr(row, f) for f in PERIOD_FIELDS}
        for name in PERIOD_FIELDS:
            if name not in values:
                continue
            try:
                setattr(row, name, int(values[name]))
            except (TypeError, ValueError):
                raise DomainError(_("请填写整数。"), field=name) from None
        try:
            row.full_clean()
        except ValidationError as exc:
            name, errors = next(iter(exc.message_dict.items()))
            label = getattr(EvaluationSettings._meta.get_field(name), "verbose_name", name)
            raise DomainError(f"{label}：{errors[0]}", field=name) from None
        row.save()
        audit_record(
            actor=actor,
            action="evaluation.settings",
            obj=row,
            object_repr=str(_("评价设置")),
            before=before,
            after={f: getattr(row, f) for f in PERIOD_FIELDS},
            summary=_("修改评价与回访设置"),
        )
    return row


def bad_review_reason_add(*, actor: Any, name: Any) -> BadReviewReason:
    _centre(actor)
    name = clean_text(name, field="name", label=_("差评原因"), required=True, limit=100)
    with transaction.atomic():
        if BadReviewReason.objects.filter(name=name).exists():
            raise DomainError(_("该差评原因已存在。"), field="name")
        last = BadReviewReason.objects.order_by("-order").values_list("order", flat=True).first() or 0
        reason = BadReviewReason.objects.create(name=name, order=last + 1)
        audit_record(actor=actor, action="evaluation.reason_add", obj=reason, object_repr=name, summary=name)
    return reason


def bad_review_reason_toggle(*, actor: Any, reason_id: int) -> BadReviewReason:
    _centre(actor)
    with transaction.atomic():
        reason = BadReviewReason.objects.select_for_update().filter(pk=reason_id).first()
        if reason is None:
            raise NotFound(_("差评原因不存在。"))
        reason.is_active = not reason.is_active
        reason.save(update_fields=["is_active"])
        audit_record(
            actor=actor,
            action="evaluation.reason_toggle",
            obj=reason,
            object_repr=reason.name,
            after={"is_active": reason.is_active},
            summary=reason.name,
        )
    return reason


def survey_question_add(*, actor: Any, text: Any, target: Any) -> SurveyQuestion:
    _centre(actor)
    text = clean_text(text, field="text", label=_("测评问题"), required=True, limit=200)
    if target not in QuestionTarget.values:
        raise DomainError(_("请选择测评对象。"), field="target")
    with transaction.atomic():
        if SurveyQuestion.objects.filter(text=text).exists():
            raise DomainError(_("该测评问题已存在。"), field="text")
        last = SurveyQuestion.objects.order_by("-order").values_list("order", flat=True).first() or 0
        question = SurveyQuestion.objects.create(text=text, target=target, order=last + 1)
        audit_record(
            actor=actor, action="evaluation.question_add", obj=question, object_repr=text, summary=text
        )
    return question


def survey_question_toggle(*, actor: Any, question_id: int) -> SurveyQuestion:
    _centre(actor)
    with transaction.atomic():
        question = SurveyQuestion.objects.select_for_update().filter(pk=question_id).first()
        if question is None:
            raise NotFound(_("测评问题不存在。"))
        question.is_active = not question.is_active
        question.save(update_fields=["is_active"])
        audit_record(
            actor=actor,
            action="evaluation.question_toggle",
            obj=question,
            object_repr=question.text,
            after={"is_active": question.is_active},
            summary=question.text,
        )
    return question
