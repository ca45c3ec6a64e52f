"""The roles of the platform (domain.md, Actors). A user may hold several business roles.

三员分立 (等保2.0 level 3, 访问控制): the system, security and audit administrators are held alone — none
of them together with another, nor with any business role (`services/roles.py` refuses it).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CENTER_ADMIN = "center_admin", _("政务服务中心工作人员")
    CENTER_LEADER = "center_leader", _("政务服务管理局/中心负责人")
    OFFICER = "officer", _("政务服务联络官")
    GUIDE = "guide", _("专职指导员")
    DEPARTMENT_ADMIN = "department_admin", _("职能部门管理员")
    APPLICANT = "applicant", _("项目单位")
    PROJECT_OFFICE = "project_office", _("区项目办公室")
    SUPERVISOR = "supervisor", _("区纪委监委")
    SYSTEM_ADMIN = "system_admin", _("系统管理员")
    SECURITY_ADMIN = "security_admin", _("安全管理员")
    AUDIT_ADMIN = "audit_admin", _("审计管理员")


# The three administrators (三员): accounts and roles; security settings, lockouts and tokens; the audit trail.
ADMIN_ROLES = frozenset({Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN})
BUSINESS_ROLES = frozenset(set(Role) - ADMIN_ROLES)
CENTRE_ROLES = frozenset({Role.CENTER_ADMIN, Role.CENTER_LEADER})
OVERSIGHT_ROLES = frozenset({Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR})
# Roles that see personal data (phones, ID numbers) unmasked as part of their work.
UNMASKED_CONTACT_ROLES = frozenset({Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR})
