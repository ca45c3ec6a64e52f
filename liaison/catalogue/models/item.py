from django.db import models
from django.utils.translation import gettext_lazy as _

from liaison.catalogue.stages import Stage


class ApprovalItem(models.Model):
    """A catalogued approval (service) item of one department, in one stage."""

    code = models.CharField(_("事项编码"), max_length=40, unique=True)
    name = models.CharField(_("事项名称"), max_length=200)
    department = models.ForeignKey(
        "directory.Department", verbose_name=_("实施部门"), on_delete=models.PROTECT, related_name="items"
    )
    stage = models.CharField(_("审批阶段"), max_length=32, choices=Stage.choices, db_index=True)
    legal_basis = models.TextField(_("设定依据"), blank=True)
    time_limit_days = models.PositiveIntegerField(_("承诺时限（工作日）"))
    statutory_limit_days = models.PositiveIntegerField(_("法定时限（工作日）"), null=True, blank=True)
    fee_note = models.CharField(_("收费标准及依据"), max_length=300, blank=True, default="不收费")
    location = models.CharField(_("办理地点"), max_length=200, blank=True)
    conditions = models.TextField(_("申请条件"), blank=True)
    procedure = models.TextField(_("办理流程"), blank=True)
    is_active = models.BooleanField(_("启用"), default=True)
    is_sample = models.BooleanField(_("示例数据"), default=False)
    prerequisites = models.ManyToManyField(
        "self",
        verbose_name=_("前置事项"),
        symmetrical=False,
        through="ItemPrerequisite",
        through_fields=("item", "prerequisite"),
        related_name="dependents",
        blank=True,
    )
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["department__sort_order", "code"]
        verbose_name = _("审批（服务）事项")
        verbose_name_plural = _("审批（服务）事项")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(time_limit_days__gte=1), name="item_time_limit_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class ItemPrerequisite(models.Model):
    """`item` can only be applied for after `prerequisite` is done."""

    item = models.ForeignKey(ApprovalItem, on_delete=models.CASCADE, related_name="prerequisite_links")
    prerequisite = models.ForeignKey(ApprovalItem, on_delete=models.PROTECT, related_name="dependent_links")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "prerequisite"], name="uniq_item_prerequisite"),
            models.CheckConstraint(
                condition=~models.Q(item=models.F("prerequisite")), name="prerequisite_not_self"
            ),
        ]
        verbose_name = _("前置关系")
        verbose_name_plural = _("前置关系")

    def __str__(self) -> str:
        return f"{self.prerequisite_id} → {self.item_id}"


class MaterialForm(models.TextChoices):
    ORIGINAL = "original", _("原件")
    COPY = "copy", _("复印件")
    ORIGINAL_AND_COPY = "both", _("原件及复印件")
    ELECTRONIC = "electronic", _("电子件")


class MaterialRequirement(models.Model):
    """One line of an item's materials checklist (申报材料清单)."""

    item = models.ForeignKey(ApprovalItem, on_delete=models.CASCADE, related_name="materials")
    seq = models.PositiveIntegerField(_("序号"))
    name = models.CharField(_("材料名称"), max_length=200)
    form = models.CharField(
        _("原件/复印件"), max_length=12, choices=MaterialForm.choices, default=MaterialForm.ORIGINAL
    )
    copies = models.PositiveIntegerField(_("份数"), default=1)
    required = models.BooleanField(_("必需"), default=True)
    issuing_body = models.CharField(_("出具单位"), max_length=100, blank=True)
    notes = models.CharField(_("备注"), max_length=300, blank=True)

    class Meta:
        ordering = ["item", "seq"]
        verbose_name = _("申报材料")
        verbose_name_plural = _("申报材料")
        constraints = [
            models.UniqueConstraint(fields=["item", "seq"], name="uniq_material_seq"),
            models.CheckConstraint(condition=models.Q(copies__gte=1), name="material_copies_positive"),
        ]

    def __str__(self) -> str:
        return self.name
