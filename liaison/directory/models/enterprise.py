from django.db import models
from django.utils.translation import gettext_lazy as _


class Enterprise(models.Model):
    """A project unit (项目单位), identified by its unified social credit code."""

    name = models.CharField(_("单位名称"), max_length=200)
    uscc = models.CharField(_("统一社会信用代码"), max_length=18, unique=True)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    legal_representative = models.CharField(_("法定代表人"), max_length=50, blank=True)
    is_sample = models.BooleanField(_("示例数据"), default=False)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("项目单位")
        verbose_name_plural = _("项目单位")

    def __str__(self) -> str:
        return self.name
