"""The working-day limits the centre promises, read from the settings rows that hold them (never copied):
each step of the public process names the limit that applies to it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Avg, Max, Min
from django.utils.translation import gettext as _

from liaison.catalogue.models import ApprovalItem
from liaison.closure.models import ClosureSettings
from liaison.consultations.models import ConsultationSettings
from liaison.coordination.models import CoordinationSettings
from liaison.evaluation.models import EvaluationSettings


@dataclass(frozen=True)
class Limit:
    key: str
    label: str
    days: int | None
    text: str  # the limit in words, e.g. "5 个工作日" or "1–20 个工作日（按事项）"


def _row(model: Any) -> Any:
    """The centre's row, or the defaults it would be created with (a public page never writes)."""
    return model.objects.order_by("pk").first() or model()


def _days(n: int | None) -> str:
    return _("%(n)d 个工作日") % {"n": n} if n is not None else _("按事项承诺时限")


def promised_limits() -> dict[str, Limit]:
    """Every promised limit the process shows, by key (one query per settings row, one for the items)."""
    closure, consultation = _row(ClosureSettings), _row(ConsultationSettings)
    coordination, evaluation = _row(CoordinationSettings), _row(EvaluationSettings)
    items = ApprovalItem.objects.filter(is_active=True).aggregate(
        low=Min("time_limit_days"), high=Max("time_limit_days"), avg=Avg("time_limit_days")
    )
    low, high = items["low"], items["high"]
    if low is None:
        items_text = _("按各事项办事指南的承诺时限")
    elif low == high:
        items_text = _("%(n)d 个工作日（各事项）") % {"n": low}
    else:
        items_text = _("%(a)d–%(b)d 个工作日（按事项，详见办事指南）") % {"a": low, "b": high}
    entries = [
        Limit("item", _("审批事项承诺办理时限"), None, items_text),
        Limit("consultation_reply", _("专职指导员答复联络官咨询"), consultation.reply_days, ""),
        Limit("difficulty_response", _("中心协调解决服务中的困难"), coordination.response_days, ""),
        Limit("difficulty_feedback", _("协调完毕后反馈联络官和项目单位"), coordination.feedback_days, ""),
        Limit("handover_receipt", _("项目单位确认资料移交清单"), closure.receipt_days, ""),
        Limit("completion_confirmation", _("中心确认办结或终止"), closure.confirmation_days, ""),
        Limit("evaluation", _("服务结束后邀请评价的有效期"), evaluation.invitation_days, ""),
        Limit("bad_review_verify", _("差评核实"), evaluation.verify_days, ""),
        Limit("bad_review_rectify", _("差评整改"), evaluation.rectify_days, ""),
    ]
    return {e.key: Limit(e.key, e.label, e.days, e.text or _days(e.days)) for e in entries}
