"""The custody register (Art. 10(6) 保管): what the officer holds on the enterprise's behalf, where, since
when and with whom, and every movement of each document (received, lent, returned, handed over)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class CustodyKind(models.TextChoices):
    ORIGINAL = "original", _("项目单位提供的原件")
    COPY = "copy", _("项目单位提供的复印件")
    RESULT = "result", _("审批结果文件（批准文件、许可证、证书）")


class CustodyState(models.TextChoices):
    HELD = "held", _("在管")
    LENT = "lent", _("借出")
    HANDED_OVER = "handed_over", _("已移交")


class CustodyEntry(models.Model):
    """One document in the register. A result document is made from its approved item (one per item);
    its name, number, issuer and date are the item's as recorded in tracking."""

    project = models.ForeignKey("intake.Project", on_delete=models.PROTECT, related_name="custody_entries")
    project_item = models.OneToOneField(
        "tracking.ProjectItem", on_delete=models.PROTECT, null=True, blank=True, related_name="custody_entry"
    )
    kind = models.CharField(_("类别"), max_length=12, choices=CustodyKind.choices)
    name = models.CharField(_("资料名称"), max_length=200)
    number = models.CharField(_("文号（证号）"), max_length=80, blank=True)
    issuer = models.CharField(_("发文（发证）机关"), max_length=120, blank=True)
    issued_on = models.DateField(_("发文（发证）日期"), null=True, blank=True)
    copies = models.PositiveSmallIntegerField(
        _("份数"), default=1, validators=[MinValueValidator(1), MaxValueValidator(999)]
    )
    pages = models.PositiveSmallIntegerField(
        _("页数"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(9999)]
    )
    state = models.CharField(
        _("状态"), max_length=12, choices=CustodyState.choices, default=CustodyState.HELD
    )
    location = models.CharField(_("存放位置"), max_length=120, blank=True)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("保管人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    since = models.DateField(_("自何日起"))
    counterpart = models.CharField(_("借用部门（人）"), max_length=120, blank=True)
    scan = models.FileField(_("扫描件"), upload_to="closure/custody/%Y/%m/", blank=True)
    scan_content_type = models.CharField(max_length=100, blank=True)
    remarks = models.CharField(_("备注"), max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["project", "created_at", "id"]
        verbose_name = _("资料保管台账条目")
        verbose_name_plural = _("资料保管台账")
        indexes = [models.Index(fields=["project", "state"])]

    def __str__(self) -> str:
        return f"{self.project_id}: {self.name} ({self.state})"

    @property
    def original(self) -> bool:
        return self.kind != CustodyKind.COPY


class CustodyMovement(models.Model):
    """One dated movement of a register entry: who recorded it, from which state to which, with whom."""

    entry = models.ForeignKey(CustodyEntry, on_delete=models.CASCADE, related_name="movements")
    name = models.CharField(max_length=24)
    from_state = models.CharField(max_length=12, blank=True)
    to_state = models.CharField(max_length=12, choices=CustodyState.choices)
    on = models.DateField(_("日期"))
    counterpart = models.CharField(_("经手部门（人）"), max_length=120, blank=True)
    location = models.CharField(_("存放位置"), max_length=120, blank=True)
    note = models.CharField(_("说明"), max_length=300, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["entry", "at", "id"]
        verbose_name = _("资料流转记录")
        verbose_name_plural = _("资料流转记录")

    def __str__(self) -> str:
        return f"{self.entry_id}: {self.name} {self.on}"
