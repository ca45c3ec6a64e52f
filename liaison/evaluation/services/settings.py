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


def _toggle(actor: Any, model: Any, pk: int, *, action: str, missing: Any) -> Any:
    """Disable an entry of a centre-kept list, or enable it again (entries in use are never deleted)."""
    _centre(actor)
    with transaction.atomic():
        entry = model.objects.select_for_update().filter(pk=pk).first()
        if entry is None:
            raise NotFound(missing)
        entry.is_active = not entry.is_active
        entry.save(update_fields=["is_active"])
        audit_record(
            actor=actor,
            action=action,
            obj=entry,
            object_repr=str(entry),
            after={"is_active": entry.is_active},
            summary=str(entry),
        )
    return entry


def bad_review_reason_toggle(*, actor: Any, reason_id: int) -> BadReviewReason:
    return _toggle(
        actor, BadReviewReason, reason_id, action="evaluation.reason_toggle", missing=_("差评原因不存在。")
    )


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
    return _toggle(
        actor, SurveyQuestion, question_id, action="evaluation.question_toggle", missing=_("测评问题不存在。")
    )
