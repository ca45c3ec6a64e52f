from django.db import models
from django.utils.translation import gettext_lazy as _


class Department(models.Model):
    """An approval (service) department of the district (审批（服务）职能部门)."""

    code = models.CharField(_("部门编码"), max_length=32, unique=True)
    name = models.CharField(_("部门名称"), max_length=100, unique=True)
    short_name = models.CharField(_("简称"), max_length=40, blank=True)
    address = models.CharField(_("办公地址"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=40, blank=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)
    is_active = models.BooleanField(_("启用"), default=True)
    is_sample = models.BooleanField(_("示例数据"), default=False)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("职能部门")
        verbose_name_plural = _("职能部门")

    def __str__(self) -> str:
        return self.name
