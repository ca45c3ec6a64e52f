"""The project item's state machine (Art. 10(3), 11(2)(3)), declared once.

The officer prepares and submits (and resubmits after 补正); the guide of the item records acceptance
(受理), asks for a supplement (补正) and records the decision; the officer or the centre takes an
item out of the plan. Object-level rules (the officer assigned to the project, the item's current
guide) live in policies.py; side effects live in services/project_items.py.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from liaison.core.workflow import Transition, Workflow
from liaison.directory.roles import Role
from liaison.tracking.models import OPEN_STATES, ProjectItemState

S = ProjectItemState
OFFICER = frozenset({Role.OFFICER})
GUIDE = frozenset({Role.GUIDE})
OFFICER_OR_CENTRE = frozenset({Role.OFFICER, Role.CENTER_ADMIN})
UNDER_REVIEW = frozenset({S.ACCEPTED, S.RESUBMITTED})

PROJECT_ITEM_WORKFLOW = Workflow(
    name="project_item",
    states={s.value: s.label for s in S},
    initial=S.PLANNED,
    transitions=(
        Transition(
            "prepare",
            frozenset({S.PLANNED}),
            S.PREPARING,
            OFFICER,
            _("开始准备材料"),
            help=_("开始收集本事项的申报材料，记下实际开始日期。"),
        ),
        Transition(
            "submit",
            frozenset({S.PREPARING}),
            S.SUBMITTED,
            OFFICER,
            _("申报"),
            help=_("材料已向审批部门提交，等待部门受理。"),
        ),
        Transition(
            "accept",
            frozenset({S.SUBMITTED, S.RESUBMITTED}),
            S.ACCEPTED,
            GUIDE,
            _("受理"),
            help=_("部门已受理申请，承诺时限从受理起计算。"),
        ),
        Transition(
            "request_supplement",
            UNDER_REVIEW,
            S.SUPPLEMENT_REQUESTED,
            GUIDE,
            _("要求补正"),
            help=_("一次性告知需要补正的全部内容；补正期间时限暂停计算。"),
        ),
        Transition(
            "resubmit",
            frozenset({S.SUPPLEMENT_REQUESTED}),
            S.RESUBMITTED,
            OFFICER,
            _("提交补正"),
            help=_("补正材料已提交部门，时限恢复计算。"),
        ),
        Transition(
            "approve",
            UNDER_REVIEW,
            S.APPROVED,
            GUIDE,
            _("办结"),
            help=_("部门已作出准予许可的决定；请登记批准文件或证照的编号、日期和扫描件。"),
        ),
        Transition(
            "reject",
            UNDER_REVIEW,
            S.NOT_APPROVED,
            GUIDE,
            _("不予许可"),
            help=_("部门作出不予许可的决定，须写明理由。"),
        ),
        Transition(
            "mark_not_needed",
            frozenset(OPEN_STATES),
            S.NOT_NEEDED,
            OFFICER_OR_CENTRE,
            _("无需办理"),
            help=_(
                "本项目不需要办理该事项（条件不适用或已合并办理），须写明理由；事项移出方案，不计入办结率。"
            ),
        ),
        Transition(
            "withdraw",
            frozenset(OPEN_STATES),
            S.WITHDRAWN,
            OFFICER_OR_CENTRE,
            _("撤回"),
            help=_("项目单位决定不再申办该事项或已向部门撤回申请，须写明理由；事项终止办理。"),
        ),
    ),
)

# Transitions whose comment is required: the reason is part of the record.
COMMENT_REQUIRED = frozenset({"request_supplement", "reject", "mark_not_needed", "withdraw"})
