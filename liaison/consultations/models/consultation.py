from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """The four ways of Art. 14 an officer raises a matter with a guide."""

    ACCOMPANIED_VISIT = "accompanied_visit", _("带领上门")
    VISIT = "visit", _("上门咨询")
    PHONE = "phone", _("电话联络")
    ONLINE = "online", _("网络交换")


HELD_CHANNELS = frozenset({Channel.ACCOMPANIED_VISIT, Channel.VISIT, Channel.PHONE})


class ConsultationState(models.TextChoices):
    AWAITING_REPLY = "awaiting_reply", _("待回复")
    FORWARDED = "forwarded", _("转办待接收")
    REPLIED = "replied", _("已回复")
    RELAYED = "relayed", _("已转告企业")
    CONFIRMED = "confirmed", _("企业已确认")
    CLOSED = "closed", _("已办结")
    WITHDRAWN = "withdrawn", _("已撤回")


S = ConsultationState
# Waiting on a guide: the reply clock and its light run.
PENDING_STATES = frozenset({S.AWAITING_REPLY, S.FORWARDED})
FINAL_STATES = frozenset({S.CLOSED, S.WITHDRAWN})


class Consultation(models.Model):
    """An officer's request to a guide about one project (诉求/咨询, Art. 14), answered by an opinion reply."""

    number = models.CharField(_("咨询编号"), max_length=32, unique=True)
    project = models.ForeignKey("intake.Project", on_delete=models.PROTECT, related_name="consultations")
    approval_item = models.ForeignKey(
        "catalogue.ApprovalItem",
        verbose_name=_("所涉事项"),
        on_delete=models.PROTECT,
        related_name="consultations",
        help_text=_("决定由哪位专职指导员答复；转办时改为接收方的事项。"),
    )
    project_items = models.ManyToManyField(
        "tracking.ProjectItem", blank=True, related_name="consultations", verbose_name=_("关联项目事项")
    )
    subject = models.CharField(_("主题"), max_length=200)
    situation = models.TextField(_("项目情况"))
    requests = models.TextField(_("具体诉求"))
    channel = models.CharField(_("联络方式"), max_length=20, choices=Channel.choices)
    held_on = models.DateField(_("已联络日期"), null=True, blank=True)
    participants = models.CharField(_("参加人员"), max_length=300, blank=True)
    contact_notes = models.TextField(_("联络记录"), blank=True)
    wanted_reply_by = models.DateField(_("希望答复日期"), null=True, blank=True)
    reply_due = models.DateField(_("答复期限"), null=True, blank=True, db_index=True)
    calendar_problem_year = models.PositiveIntegerField(null=True, blank=True)
    state = models.CharField(
        _("状态"), max_length=20, choices=ConsultationState.choices, default=S.AWAITING_REPLY, db_index=True
    )
    guide = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("当前答复指导员"),
        on_delete=models.PROTECT,
        related_name="consultations_to_answer",
    )
    first_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("首问指导员"),
        on_delete=models.PROTECT,
        related_name="consultations_first_contact",
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("发起人"), on_delete=models.PROTECT, related_name="+"
    )
    raised_at = models.DateTimeField(_("发起时间"))
    first_replied_at = models.DateTimeField(_("首次答复时间"), null=True, blank=True)
    relayed_text = models.TextField(_("转告内容"), blank=True)
    relayed_at = models.DateTimeField(_("转告时间"), null=True, blank=True)
    relayed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    relay_count = models.PositiveIntegerField(_("转告次数"), default=0)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    end_note = models.CharField(_("办结/撤回说明"), max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-raised_at", "-id"]
        verbose_name = _("咨询")
        verbose_name_plural = _("咨询")
        indexes = [
            models.Index(fields=["guide", "state"]),
            models.Index(fields=["state", "reply_due"]),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.subject}"

    @property
    def is_pending(self) -> bool:
        return self.state in PENDING_STATES


class ConsultationEventKind(models.TextChoices):
    RAISED = "raised", _("发起咨询")
    FORWARDED = "forwarded", _("转办")
    FORWARD_ACCEPTED = "forward_accepted", _("接收转办")
    REROUTED = "rerouted", _("指导员变更，自动移交")
    REPLIED = "replied", _("答复")
    SUPPLEMENTED = "supplemented", _("补充答复")
    RELAYED = "relayed", _("转告企业")
    CONFIRMED = "confirmed", _("企业确认已阅")
    FOLLOW_UP = "follow_up", _("后续办理")
    CLOSED = "closed", _("办结")
    WITHDRAWN = "withdrawn", _("撤回")
    URGED = "urged", _("催办")


class ConsultationEvent(models.Model):
    """One timestamped step of a consultation: the history a project shows, and the hand-over chain."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("环节"), max_length=20, choices=ConsultationEventKind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(_("说明"), blank=True)
    at = models.DateTimeField(_("时间"))

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("咨询办理记录")
        verbose_name_plural = _("咨询办理记录")

    def __str__(self) -> str:
        return f"{self.consultation_id} {self.kind}"


class Forwarding(models.Model):
    """首问负责: a guide passes a matter that is not theirs to the right guide and stays first contact until accepted."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="forwardings")
    from_guide = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    from_item = models.ForeignKey("catalogue.ApprovalItem", on_delete=models.PROTECT, related_name="+")
    to_guide = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    to_item = models.ForeignKey("catalogue.ApprovalItem", on_delete=models.PROTECT, related_name="+")
    note = models.CharField(_("转办说明"), max_length=500)
    automatic = models.BooleanField(_("指导员变更自动移交"), default=False)
    forwarded_at = models.DateTimeField(_("转办时间"))
    accepted_at = models.DateTimeField(_("接收时间"), null=True, blank=True)

    class Meta:
        ordering = ["forwarded_at", "id"]
        verbose_name = _("转办记录")
        verbose_name_plural = _("转办记录")

    def __str__(self) -> str:
        return f"{self.consultation_id}: {self.from_guide_id} -> {self.to_guide_id}"


class ReadReceipt(models.Model):
    """An enterprise account confirmed it has read the relayed opinion."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="receipts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    relay_seq = models.PositiveIntegerField(_("第几次转告"))
    read_at = models.DateTimeField(_("确认时间"))

    class Meta:
        ordering = ["read_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "user", "relay_seq"], name="uniq_receipt_per_relay"
            )
        ]

    def __str__(self) -> str:
        return f"{self.consultation_id} read by {self.user_id}"


class ConsultationSettings(models.Model):
    """The centre's reply period (one row, created with the defaults on first use)."""

    reply_days = models.PositiveIntegerField(
        _("答复期限（工作日）"), default=2, validators=[MinValueValidator(1), MaxValueValidator(30)]
    )

    class Meta:
        verbose_name = _("咨询设置")
        verbose_name_plural = _("咨询设置")

    def __str__(self) -> str:
        return f"reply in {self.reply_days} working days"

    # When the light turns yellow and how often overdue replies are reminded belong to the deadline
    # engine (liaison.deadlines, kind "consultation.reply"); read here for the settings page and API.
    @property
    def yellow_threshold_days(self) -> int:
        from liaison.deadlines.settings import deadline_settings  # noqa: PLC0415

        return deadline_settings("consultation.reply").warning_days

    @property
    def overdue_repeat_days(self) -> int:
        from liaison.deadlines.settings import deadline_settings  # noqa: PLC0415

        return deadline_settings("consultation.reply").repeat_days
