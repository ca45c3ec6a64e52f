"""The columns of the centre's article and enquiry lists' exports (the list pattern of `liaison.core.listing`)."""

from __future__ import annotations

from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from liaison.core.listing import Column, ListExport
from liaison.deadlines.lights import LIGHT_LABELS


def _at(value: object) -> str:
    return localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""  # type: ignore[arg-type]


# Rows are Article objects from article_manage_list.
ARTICLE_EXPORT = ListExport(
    _("宣传报道清单"),
    (
        Column(_("标题"), lambda a: a.title, 36),
        Column(_("类别"), lambda a: a.get_kind_display(), 10),
        Column(_("状态"), lambda a: a.get_state_display(), 10),
        Column(_("撰写人"), lambda a: a.author.display_name, 12),
        Column(_("发布时间"), lambda a: _at(a.published_at), 17),
        Column(_("撤回时间"), lambda a: _at(a.withdrawn_at), 17),
        Column(_("撤回理由"), lambda a: a.withdraw_reason, 24),
        Column(_("修改时间"), lambda a: _at(a.updated_at), 17),
    ),
)

# Rows are Enquiry objects from enquiry_rows_lit, each with its `light` and the phone as the viewer may see it.
ENQUIRY_EXPORT = ListExport(
    _("公众咨询清单"),
    (
        Column(_("查询码"), lambda e: e.code, 14, text=True),
        Column(_("提交时间"), lambda e: _at(e.created_at), 17),
        Column(_("称呼"), lambda e: e.name, 10),
        Column(_("电话"), lambda e: e.phone_shown, 14, text=True),
        Column(_("咨询类别"), lambda e: e.get_topic_display(), 12),
        Column(_("咨询内容"), lambda e: e.question, 40),
        Column(_("状态"), lambda e: e.get_state_display(), 10),
        Column(_("状态灯"), lambda e: str(LIGHT_LABELS.get(e.light, "")) if e.state == "open" else "", 10),
        Column(_("答复期限"), lambda e: e.due_on, 12),
        Column(_("答复"), lambda e: e.answer, 40),
        Column(_("答复时间"), lambda e: _at(e.answered_at), 17),
    ),
)
