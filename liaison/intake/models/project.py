from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from liaison.catalogue.stages import Stage


class Currency(models.TextChoices):
    CNY = "CNY", _("人民币")
    USD = "USD", _("美元")
    EUR = "EUR", _("欧元")
    HKD = "HKD", _("港元")
    JPY = "JPY", _("日元")
    GBP = "GBP", _("英镑")


class InvestorNature(models.TextChoices):
    ENTERPRISE = "enterprise", _("社会投资（企业）")
    PRIVATE = "private", _("社会投资（民间个人）")
    GOVERNMENT = "government", _("政府投资")


class InvestmentSource(models.TextChoices):
    DOMESTIC = "domestic", _("内资")
    FOREIGN = "foreign", _("外资")


class KeyProjectLevel(models.TextChoices):
    NONE = "none", _("非重点项目")
    DISTRICT = "district", _("区级重点项目")
    CITY = "city", _("市级重点项目")
    PROVINCE = "province", _("省级重点项目")


class Project(models.Model):
    """A social-investment construction project of an enterprise."""

    enterprise = models.ForeignKey("directory.Enterprise", on_delete=models.PROTECT, related_name="projects")
    name = models.CharField(_("项目名称"), max_length=200)
    location = models.CharField(_("建设地点"), max_length=200)
    content = models.TextField(_("建设内容及规模"))
    total_investment = models.DecimalField(_("总投资"), max_digits=18, decimal_places=2)
    currency = models.CharField(_("币种"), max_length=3, choices=Currency.choices, default=Currency.CNY)
    investor_nature = models.CharField(_("投资主体性质"), max_length=12, choices=InvestorNature.choices)
    investment_source = models.CharField(_("内外资"), max_length=10, choices=InvestmentSource.choices)
    key_level = models.CharField(
        _("重点项目级别"), max_length=10, choices=KeyProjectLevel.choices, default=KeyProjectLevel.NONE
    )
    attraction_landed = models.BooleanField(_("区级招商引资落地项目"), default=False)
    designated = models.BooleanField(_("区委、区政府指定项目"), default=False)
    designation_document = models.CharField(_("指定文件文号"), max_length=100, blank=True)
    national_code = models.CharField(_("项目代码"), max_length=24, blank=True, db_index=True)
    current_stage = models.CharField(_("当前所处阶段"), max_length=32, choices=Stage.choices)
    service_number = models.CharField(_("服务编号"), max_length=32, unique=True, null=True, blank=True)
    registered_at = models.DateTimeField(_("登记备案时间"), null=True, blank=True)
    # Set when the service ends (liaison.closure: completed or terminated); cleared when a new entrustment
    # is accepted (续办). While set, the plan, items, consultations and difficulties are read-only.
    service_ended_at = models.DateTimeField(_("服务结束时间"), null=True, blank=True)
    service_end = models.CharField(_("服务结束方式"), max_length=12, blank=True)
    is_sample = models.BooleanField(_("示例数据"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("投资建设项目")
        verbose_name_plural = _("投资建设项目")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(total_investment__gt=0), name="project_investment_positive"
            ),
        ]
        # The service list's rows without a deadline, newest registration first (closure.selectors.lists).
        indexes = [models.Index(fields=["-registered_at", "-id"], name="project_registered_desc")]

    def __str__(self) -> str:
        return self.name
