"""Human-readable names for action codes, sources and object types in the audit trail.

One registry for the whole platform: an app adds its own codes with `register_action_labels`
(for example from its AppConfig.ready). Unknown codes fall back to "<entity> · <verb>" built
from the entity and verb tables, and finally to the raw code, so nothing is ever hidden.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

Label = str | Promise

ACTION_LABELS: dict[str, Label] = {
    "user.create": _("创建账号"),
    "enterprise.create": _("登记项目单位"),
    "guide_change.propose": _("申报指导员变更"),
    "guide_change.register": _("登记指导员变更"),
    "guide_change.reject": _("退回指导员变更"),
    "audit.export": _("导出审计日志"),
    "role.grant": _("授予角色"),
    "role.revoke": _("撤销角色"),
    "user.deactivate": _("停用账号"),
    "user.reactivate": _("启用账号"),
    "auth.lockout_release": _("解除登录锁定"),
    "api_token.revoke_by_admin": _("安全管理员吊销API令牌"),
}

ENTITY_LABELS: dict[str, Label] = {
    "user": _("账号"),
    "enterprise": _("项目单位"),
    "department": _("职能部门"),
    "item": _("审批事项"),
    "approval_item": _("审批事项"),
    "guide_assignment": _("指导员任职"),
    "guide_change": _("指导员变更"),
    "officer": _("联络官"),
    "calendar_override": _("节假日调整"),
    "calendar_year": _("年度节假日"),
    "api_token": _("API令牌"),
    "role": _("角色"),
}

VERB_LABELS: dict[str, Label] = {
    "create": _("创建"),
    "update": _("修改"),
    "delete": _("删除"),
    "set": _("设置"),
    "import": _("导入"),
    "export": _("导出"),
    "publish": _("发布"),
    "unpublish": _("撤回发布"),
    "register": _("登记"),
    "propose": _("申报"),
    "approve": _("批准"),
    "reject": _("退回"),
    "submit": _("提交"),
    "assign": _("指派"),
    "revoke": _("吊销"),
    "grant": _("授予"),
    "close": _("关闭"),
    "reopen": _("重新打开"),
    "view_unmasked": _("查看完整个人信息"),
}

SOURCE_LABELS: dict[str, Label] = {"web": _("网页"), "api": _("接口"), "system": _("系统")}

# Names of the keys services put in `extra` (the facts of an event beyond the changed fields).
EXTRA_LABELS: dict[str, Label] = {
    "holidays": _("休息日"),
    "workdays": _("调休上班日"),
    "removed": _("删除的日期"),
    "reason": _("原因"),
    "roles": _("角色"),
    "count": _("数量"),
    "filter": _("筛选条件"),
    "username": _("用户名"),
    "owner": _("令牌所有人"),
}


def register_action_labels(labels: dict[str, Label]) -> None:
    """Add (or override) readable names for action codes such as "officer.register"."""
    ACTION_LABELS.update(labels)


def register_entity_labels(labels: dict[str, Label]) -> None:
    """Add readable names for the entity part of action codes (used by the fallback)."""
    ENTITY_LABELS.update(labels)


def register_extra_labels(labels: dict[str, Label]) -> None:
    """Add readable names for keys of an event's `extra` facts."""
    EXTRA_LABELS.update(labels)


def extra_label(key: str) -> str:
    return str(EXTRA_LABELS.get(key, key))


def action_label(code: str) -> str:
    """ "guide_change.register" → "登记指导员变更"; unknown codes stay readable or raw."""
    if code in ACTION_LABELS:
        return str(ACTION_LABELS[code])
    entity, _sep, verb = code.partition(".")
    if entity in ENTITY_LABELS and verb in VERB_LABELS:
        # Chinese reads "修改事项"; the English catalogue gives "%(verb)s %(entity)s" its space.
        return _("%(verb)s%(entity)s") % {"verb": VERB_LABELS[verb], "entity": ENTITY_LABELS[entity]}
    return code


def source_label(code: str) -> str:
    return str(SOURCE_LABELS.get(code, code or "—"))


def object_type_label(object_type: str) -> str:
    """ "catalogue.approvalitem" → the model's verbose name; anything else unchanged."""
    app_label, _sep, model_name = object_type.partition(".")
    try:
        model = apps.get_model(app_label, model_name)
    except (LookupError, ValueError):
        return object_type
    return str(model._meta.verbose_name)


def role_choices() -> list[tuple[str, str]]:
    """The platform's roles as (code, label), read from the user model's role memberships.

    Audit sits below directory, so it reads the role choices (directory.roles.Role) through the
    app registry instead of importing them.
    """
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    try:
        membership = user_model._meta.get_field("memberships").related_model
        field = membership._meta.get_field("role")
    except (FieldDoesNotExist, AttributeError):
        return []
    return [(str(code), str(label)) for code, label in (getattr(field, "choices", None) or [])]


def role_label(code: str) -> str:
    """ "supervisor" → "区纪委监委"; an unknown code is shown as it is."""
    return dict(role_choices()).get(code, code or "—")
