from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", _("法定节假日（休息）")
    WORKDAY = "workday", _("调休上班日")


class CalendarOverride(models.Model):
    """A day the centre declares a holiday or a make-up working day; it wins over chinese-calendar."""

    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类型"), max_length=10, choices=DayKind.choices)
    name = models.CharField(_("名称"), max_length=60, blank=True, help_text=_("例如：国庆节、春节调休"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("节假日调整")
        verbose_name_plural = _("节假日调整")

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()}"


class CalendarYear(models.Model):
    """A year whose holiday schedule the centre has entered from the State Council notice."""

    year = models.PositiveIntegerField(_("年份"), unique=True)
    notice = models.CharField(_("依据（国务院办公厅通知）"), max_length=200, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("已录入年度")
        verbose_name_plural = _("已录入年度")

    def __str__(self) -> str:
        return str(self.year)
