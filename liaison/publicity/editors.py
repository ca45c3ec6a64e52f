"""The editor role (宣传编辑): a Django group holding `publicity.publish_article`. Every centre admin is
put in it when the role is granted (so they hold it by default); removing someone from the group leaves
them able to draft but not to publish or withdraw."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission

from liaison.directory.roles import Role

EDITOR_GROUP = "宣传编辑"
PUBLISH_PERMISSION = "publicity.publish_article"


def editor_group() -> Group:
    """The group, with its permission (created if a flush or a fresh database lacks them)."""
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    permission = Permission.objects.filter(
        content_type__app_label="publicity", codename="publish_article"
    ).first()
    if permission is not None and not group.permissions.filter(pk=permission.pk).exists():
        group.permissions.add(permission)
    return group


def editor_add(user: Any) -> None:
    user.groups.add(editor_group())
    for cache in ("_perm_cache", "_group_perm_cache", "_user_perm_cache"):
        user.__dict__.pop(cache, None)


def editor_remove(user: Any) -> None:
    user.groups.remove(editor_group())
    for cache in ("_perm_cache", "_group_perm_cache", "_user_perm_cache"):
        user.__dict__.pop(cache, None)


def editor_on_role_granted(sender: Any, instance: Any, created: bool, raw: bool = False, **kw: Any) -> None:
    """A new centre admin becomes an editor by default."""
    if created and not raw and instance.role == Role.CENTER_ADMIN:
        editor_add(instance.user)
