from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OfficerStatus(models.TextChoices):
    ACTIVE = "active", _("在岗")
    SUSPENDED = "suspended", _("暂停派任")


class Officer(models.Model):
    """A registered liaison officer (Art. 6). Name and mobile are the linked account's."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="officer")
    number = models.CharField(_("联络官编号"), max_length=20, unique=True)
    unit = models.CharField(_("工作单位"), max_length=100)
    status = models.CharField(
        _("状态"), max_length=12, choices=OfficerStatus.choices, default=OfficerStatus.ACTIVE
    )
    status_reason = models.CharField(_("状态说明"), max_length=300, blank=True)
    registered_on = models.DateField(_("登记备案日期"))
    notes = models.TextField(_("备注"), blank=True)
    is_sample = models.BooleanField(_("示例数据"), default=False)

    class Meta:
        ordering = ["number"]
        verbose_name = _("联络官")
        verbose_name_plural = _("联络官")

    def __str__(self) -> str:
        return f"{self.number} {self.user}"


class OfficerRecordKind(models.TextChoices):
    REGISTERED = "registered", _("登记备案")
    STATUS = "status", _("状态变更")
    TRAINING = "training", _("培训")
    COMMENDATION = "commendation", _("表扬")
    NOTE = "note", _("工作记录")


class OfficerRecordEntry(models.Model):
    """One dated line of an officer's service record (跟踪管理, Art. 6)."""

    officer = models.ForeignKey(Officer, on_delete=models.CASCADE, related_name="record_entries")
    kind = models.CharField(_("类型"), max_length=16, choices=OfficerRecordKind.choices)
    date = models.DateField(_("日期"))
    text = models.CharField(_("内容"), max_length=500)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("服务记录")
        verbose_name_plural = _("服务记录")

    def __str__(self) -> str:
        return f"{self.date} {self.text}"


class OfficerNumberSeries(models.Model):
    """The last serial issued for one year's officer numbers; its row is locked while a number is drawn."""

    year = models.PositiveIntegerField(_("年度"), unique=True)
    last_serial = models.PositiveIntegerField(_("最后序号"), default=0)

    class Meta:
        verbose_name = _("联络官编号序列")
        verbose_name_plural = _("联络官编号序列")

    def __str__(self) -> str:
        return f"{self.year}: {self.last_serial}"
