from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from liaison.directory.roles import Role


class User(AbstractUser):  # type: ignore[django-manager-missing]  # RecoveryCodeDevice: an untyped django-otp base
    """A person who signs in. Roles are held through RoleMembership rows."""

    full_name = models.CharField(_("姓名"), max_length=50, blank=True)
    mobile = models.CharField(_("手机"), max_length=20, blank=True)
    office_phone = models.CharField(_("办公电话"), max_length=40, blank=True)
    post = models.CharField(_("职务"), max_length=60, blank=True)
    department = models.ForeignKey(
        "directory.Department",
        verbose_name=_("所属部门"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
    )
    enterprise = models.ForeignKey(
        "directory.Enterprise",
        verbose_name=_("所属单位"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )

    # 等保 身份鉴别: the password's age (None: as old as the account) and a change forced at the next sign-in
    # (an account whose first password an administrator set).
    password_changed_at = models.DateTimeField(_("密码修改时间"), null=True, blank=True)
    must_change_password = models.BooleanField(_("下次登录须修改密码"), default=False)

    class Meta:
        ordering = ["username"]
        verbose_name = _("用户")
        verbose_name_plural = _("用户")

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def display_name(self) -> str:
        return self.full_name or self.username

    @cached_property
    def role_set(self) -> frozenset[str]:
        """The roles this user holds (one query, cached on the instance)."""
        if not self.is_authenticated or not self.pk:
            return frozenset()
        return frozenset(self.memberships.values_list("role", flat=True))

    def has_role(self, *roles: str) -> bool:
        return bool(self.role_set.intersection(roles))


class RoleMembership(models.Model):
    """One role held by one user."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("角色"), max_length=32, choices=Role.choices)
    granted_at = models.DateTimeField(_("授予时间"), auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="uniq_role_per_user")]
        verbose_name = _("角色")
        verbose_name_plural = _("角色")

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()}"
