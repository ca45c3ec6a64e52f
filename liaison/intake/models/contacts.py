from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactRole(models.TextChoices):
    LEAD = "lead", _("项目负责人")
    HANDLER = "handler", _("项目经办人")


class EnterpriseContact(models.Model):
    """The enterprise's named project lead or handler for a dated period (Art. 9(1)); history is kept."""

    enterprise = models.ForeignKey("directory.Enterprise", on_delete=models.CASCADE, related_name="contacts")
    role = models.CharField(_("角色"), max_length=10, choices=ContactRole.choices)
    name = models.CharField(_("姓名"), max_length=50)
    mobile = models.CharField(_("手机"), max_length=20)
    email = models.EmailField(_("邮箱"), blank=True)
    since = models.DateField(_("起始日期"))
    until = models.DateField(_("截止日期"), null=True, blank=True)
    is_current = models.BooleanField(_("现任"), default=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["enterprise", "role", "-since", "-id"]
        verbose_name = _("项目联系人")
        verbose_name_plural = _("项目联系人")
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "role"],
                condition=models.Q(is_current=True),
                name="one_current_contact_per_role",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.name}"
