from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from liaison.catalogue.stages import Stage


class ProjectItemState(models.TextChoices):
    PLANNED = "planned", _("计划中")
    PREPARING = "preparing", _("准备材料")
    SUBMITTED = "submitted", _("已申报")
    ACCEPTED = "accepted", _("已受理")
    SUPPLEMENT_REQUESTED = "supplement_requested", _("待补正")
    RESUBMITTED = "resubmitted", _("已补正")
    APPROVED = "approved", _("已办结")
    NOT_APPROVED = "not_approved", _("不予许可")
    NOT_NEEDED = "not_needed", _("无需办理")
    WITHDRAWN = "withdrawn", _("已撤回")


S = ProjectItemState
FINAL_STATES = frozenset({S.APPROVED, S.NOT_APPROVED, S.NOT_NEEDED, S.WITHDRAWN})
OPEN_STATES = frozenset(set(S) - FINAL_STATES)
# Before acceptance an item is judged against its planned due date; after it, against the legal clock.
PLAN_STATES = frozenset({S.PLANNED, S.PREPARING, S.SUBMITTED})
CLOCK_STATES = frozenset({S.ACCEPTED, S.RESUBMITTED})
# Items that count for the projected completion (not dropped from the plan).
COUNTED_STATES = frozenset(set(S) - {S.NOT_NEEDED, S.WITHDRAWN})


class ProjectItem(models.Model):
    """One catalogued approval item as it runs for one project: its plan dates, state and clock."""

    project = models.ForeignKey("intake.Project", on_delete=models.PROTECT, related_name="tracking_items")
    approval_item = models.ForeignKey(
        "catalogue.ApprovalItem", verbose_name=_("事项"), on_delete=models.PROTECT, related_name="+"
    )
    stage = models.CharField(_("审批阶段"), max_length=32, choices=Stage.choices)
    order = models.PositiveIntegerField(_("顺序"), default=0)
    prerequisites = models.ManyToManyField(
        "self", symmetrical=False, related_name="dependents", blank=True, verbose_name=_("前置事项")
    )
    limit_days = models.PositiveIntegerField(_("承诺时限（工作日）"))
    pinned_start = models.DateField(_("指定开始日期"), null=True, blank=True)
    planned_start = models.DateField(_("计划开始"), null=True, blank=True)
    planned_due = models.DateField(_("计划办结"), null=True, blank=True)
    plan_problem_year = models.PositiveIntegerField(null=True, blank=True)
    state = models.CharField(
        _("状态"), max_length=24, choices=ProjectItemState.choices, default=ProjectItemState.PLANNED
    )
    started_on = models.DateField(_("实际开始"), null=True, blank=True)
    submitted_on = models.DateField(_("申报日期"), null=True, blank=True)
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True)
    paused_since = models.DateField(_("补正起始"), null=True, blank=True)
    paused_days = models.PositiveIntegerField(_("补正暂停工作日"), default=0)
    clock_due = models.DateField(_("法定/承诺办结期限"), null=True, blank=True)
    decided_on = models.DateField(_("办结/决定日期"), null=True, blank=True)
    ended_on = models.DateField(_("结束日期"), null=True, blank=True)
    due_on = models.DateField(_("当前期限"), null=True, blank=True, db_index=True)
    calendar_problem_year = models.PositiveIntegerField(_("缺少工作日历的年份"), null=True, blank=True)
    # The approval's result document (批准文件、许可证、证书), recorded with the approval or after it.
    result_name = models.CharField(_("结果文件名称"), max_length=200, blank=True)
    result_number = models.CharField(_("文号（证号）"), max_length=80, blank=True)
    result_issuer = models.CharField(_("发文（发证）机关"), max_length=120, blank=True)
    result_issued_on = models.DateField(_("发文（发证）日期"), null=True, blank=True)
    result_file = models.FileField(_("结果文件扫描件"), upload_to="tracking/results/%Y/%m/", blank=True)
    result_content_type = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["project", "order", "id"]
        verbose_name = _("项目审批事项")
        verbose_name_plural = _("项目审批事项")
        constraints = [
            models.UniqueConstraint(fields=["project", "approval_item"], name="uniq_item_per_project"),
        ]
        indexes = [
            # Lights are date ranges on running states: the roll-ups over all items (red by department,
            # red/yellow per officer) read this index alone, without visiting the rows.
            models.Index(fields=["state", "due_on", "project", "approval_item"], name="item_state_due_cover"),
            # A guide's 待办: their catalogue items' rows in a waiting state, across every project.
            models.Index(fields=["approval_item", "state"], name="item_by_catalogue_state"),
        ]

    def __str__(self) -> str:
        return f"{self.project_id}: {self.approval_item_id} ({self.state})"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def has_result(self) -> bool:
        return bool(self.result_number)


class ProjectItemTransition(models.Model):
    """One step of a project item: who moved it from which state to which, in which role, and why."""

    project_item = models.ForeignKey(ProjectItem, on_delete=models.CASCADE, related_name="transitions")
    name = models.CharField(max_length=32)
    from_state = models.CharField(max_length=24, choices=ProjectItemState.choices)
    to_state = models.CharField(max_length=24, choices=ProjectItemState.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    acting_role = models.CharField(max_length=32)
    comment = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("事项流转记录")
        verbose_name_plural = _("事项流转记录")

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"
