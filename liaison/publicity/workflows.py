"""Publicity's state machines, declared once. An article is drafted (and changed while not published) by any centre admin; only an editor
(the `publicity.publish_article` permission, held through the group “宣传编辑”) publishes or withdraws
it. An enquiry is answered (or closed as not to be answered) by the centre; a FAQ is published and
withdrawn by the centre."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from liaison.core.workflow import Transition, Workflow
from liaison.directory.roles import Role
from liaison.publicity.models import ArticleState, EnquiryState, FaqState

# Not a Role: the holder of the permission publicity.publish_article (see policies.article_roles).
EDITOR = "publicity_editor"
CENTRE = frozenset({Role.CENTER_ADMIN})
EDITORS = frozenset({EDITOR})
A, E, F = ArticleState, EnquiryState, FaqState

ARTICLE_WORKFLOW = Workflow(
    name="article",
    states={s.value: s.label for s in A},
    initial=A.DRAFT,
    transitions=(
        Transition("publish", frozenset({A.DRAFT, A.WITHDRAWN}), A.PUBLISHED, EDITORS, _("发布")),
        Transition("withdraw", frozenset({A.PUBLISHED}), A.WITHDRAWN, EDITORS, _("撤回")),
    ),
)

ENQUIRY_WORKFLOW = Workflow(
    name="enquiry",
    states={s.value: s.label for s in E},
    initial=E.OPEN,
    transitions=(
        Transition("answer", frozenset({E.OPEN}), E.ANSWERED, CENTRE, _("答复")),
        Transition("close", frozenset({E.OPEN}), E.CLOSED, CENTRE, _("不予答复")),
    ),
)

FAQ_WORKFLOW = Workflow(
    name="faq",
    states={s.value: s.label for s in F},
    initial=F.PUBLISHED,
    transitions=(
        Transition("withdraw", frozenset({F.PUBLISHED}), F.WITHDRAWN, CENTRE, _("撤回")),
        Transition("republish", frozenset({F.WITHDRAWN}), F.PUBLISHED, CENTRE, _("重新发布")),
    ),
)
