from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceNumberCounter(models.Model):
    """The last service number issued in a year; locked while the next one is taken, so numbers never skip."""

    year = models.PositiveIntegerField(_("年度"), unique=True)
    last = models.PositiveIntegerField(_("已用最大序号"), default=0)

    class Meta:
        verbose_name = _("服务编号计数器")
        verbose_name_plural = _("服务编号计数器")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"
